using System.ComponentModel.DataAnnotations;

namespace Company.WebApi.Models;

/// <summary>The body of <c>POST /sample-items</c>.</summary>
public sealed record CreateSampleItemRequest
{
    // The display name is the JSON name, so that every message names the field as clients send it (name), as the error keys do.
    [Display(Name = "name")]
    [Required]
    [Length(1, SampleItemRules.NameMaxLength)]
    [RegularExpression(SampleItemRules.NamePattern, ErrorMessage = SampleItemRules.NameMessage)]
    public string Name { get; init; } = "";
}

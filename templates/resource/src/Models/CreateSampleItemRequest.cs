using System.ComponentModel.DataAnnotations;

namespace Company.WebApi.Models;

/// <summary>The body of <c>POST /sample-items</c>.</summary>
public sealed record CreateSampleItemRequest
{
    [Required]
    [Length(1, SampleItemRules.NameMaxLength)]
    [RegularExpression(SampleItemRules.NamePattern, ErrorMessage = SampleItemRules.NameMessage)]
    public string Name { get; init; } = "";
}

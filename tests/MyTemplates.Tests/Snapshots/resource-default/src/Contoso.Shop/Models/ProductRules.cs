namespace Contoso.Shop.Models;

/// <summary>
/// The shape of valid product fields: <see cref="CreateProductRequest"/> and <see cref="UpdateProductRequest"/>
/// state them with these values, so validation, the table and the OpenAPI document agree.
/// </summary>
public static class ProductRules
{
    public const int NameMaxLength = 100;

    /// <summary>At least one character that is not white space (surrounding spaces are trimmed).</summary>
    public const string NamePattern = @"^\s*\S[\s\S]*$";

    public const string NameMessage = "The name field must not be blank.";
}

namespace Contoso.Platform.Core.Models;

/// <summary>
/// The shape of valid user fields: <see cref="CreateUserRequest"/> and <see cref="UpdateUserRequest"/> state them
/// with these values, so validation and the OpenAPI document agree.
/// </summary>
public static class UserRules
{
    public const int EmailMaxLength = 255;
    public const int NameMaxLength = 100;

    /// <summary>Something@something.tld, surrounding spaces allowed (they are trimmed).</summary>
    public const string EmailPattern = @"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$";

    public const string EmailMessage = "The email field must be an e-mail address such as ada@example.com.";

    /// <summary>At least one character that is not white space (surrounding spaces are trimmed).</summary>
    public const string NamePattern = @"^\s*\S[\s\S]*$";

    public const string NameMessage = "The name field must not be blank.";
}

namespace Contoso.Shop.Models;

/// <summary>The shape of valid user fields, shared by the request models.</summary>
public static class UserRules
{
    public const int EmailMaxLength = 255;
    public const int NameMaxLength = 100;

    /// <summary>Something@something.tld, surrounding spaces allowed (they are trimmed).</summary>
    public const string EmailPattern = @"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$";

    public const string EmailMessage = "The email field must be an e-mail address such as ada@example.com.";
}

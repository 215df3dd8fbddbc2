using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Core.TestSupport;

/// <summary>Builds valid users with unique e-mail addresses; tests change only what they are about.</summary>
public sealed class UserBuilder
{
    private string email = $"user-{Guid.NewGuid():N}@example.com";
    private string name = "Ada Lovelace";

    public UserBuilder WithEmail(string value)
    {
        email = value;
        return this;
    }

    public UserBuilder WithName(string value)
    {
        name = value;
        return this;
    }

    public CreateUserRequest Build() => new() { Email = email, Name = name };
}

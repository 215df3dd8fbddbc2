using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.TestSupport;

namespace Contoso.Platform.Core.Tests;

public sealed class UserValidationTests
{
    [Theory]
    [InlineData("ada@example.com", "Ada", true)]
    [InlineData("  Ada@Example.com ", "Ada", true)]
    [InlineData("not-an-email", "Ada", false)]
    [InlineData("ada@example", "Ada", false)]
    [InlineData("ada@example.com", "   ", false)]
    [InlineData("ada@example.com", "", false)]
    public void Create_requires_an_email_and_a_name(string email, string name, bool valid) =>
        Assert.Equal(valid, IsValid(new UserBuilder().WithEmail(email).WithName(name).Build()));

    [Fact]
    public void Create_limits_the_lengths()
    {
        Assert.True(IsValid(new UserBuilder().WithName(new string('n', UserRules.NameMaxLength)).Build()));
        Assert.False(IsValid(new UserBuilder().WithName(new string('n', UserRules.NameMaxLength + 1)).Build()));
        Assert.False(IsValid(new UserBuilder().WithEmail($"{new string('e', UserRules.EmailMaxLength)}@example.com").Build()));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"name":"Ada"}""", true)]
    [InlineData("""{"email":"ada@example.com"}""", true)]
    [InlineData("""{"name":null}""", false)]
    [InlineData("""{"email":null}""", false)]
    [InlineData("""{"name":"  "}""", false)]
    [InlineData("""{"email":"nope"}""", false)]
    public void Update_checks_only_the_fields_that_are_present(string json, bool valid)
    {
        var update = JsonSerializer.Deserialize<UpdateUserRequest>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(valid, IsValid(update));
    }

    private static bool IsValid(object model) =>
        Validator.TryValidateObject(model, new ValidationContext(model), [], validateAllProperties: true);
}

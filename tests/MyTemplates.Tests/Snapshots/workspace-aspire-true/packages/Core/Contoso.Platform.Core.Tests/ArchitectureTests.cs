using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using NetArchTest.Rules;

namespace Contoso.Platform.Core.Tests;

/// <summary>Inside Core, lower layers never reference higher ones: Db knows nothing of Repositories or Services; Repositories nothing of Services.</summary>
public sealed class ArchitectureTests
{
    private static readonly string Services = typeof(UserService).Namespace!;
    private static readonly string Repositories = typeof(IUserRepository).Namespace!;
    private static readonly string Db = typeof(AppDbContext).Namespace!;

    public static TheoryData<string, string[]> Rules => new()
    {
        { Db, [Repositories, Services] },
        { Repositories, [Services] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Layer_does_not_reference_higher_layers(string layer, string[] higherLayers)
    {
        var result = Types.InAssembly(typeof(AppDbContext).Assembly)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(higherLayers)
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"{layer} references a higher layer in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}

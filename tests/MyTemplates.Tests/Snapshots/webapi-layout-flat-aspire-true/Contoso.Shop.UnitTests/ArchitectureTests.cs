using Contoso.Shop.Api;
using Contoso.Shop.Db;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using NetArchTest.Rules;

namespace Contoso.Shop.UnitTests;

/// <summary>Lower layers never reference higher ones: Db and Repositories know nothing of Services or Api; Services nothing of Api.</summary>
public sealed class ArchitectureTests
{
    private static readonly string Api = typeof(ApiExtensions).Namespace!;
    private static readonly string Services = typeof(UserService).Namespace!;
    private static readonly string Repositories = typeof(IUserRepository).Namespace!;
    private static readonly string Db = typeof(AppDbContext).Namespace!;

    public static TheoryData<string, string[]> Rules => new()
    {
        { Db, [Repositories, Services, Api] },
        { Repositories, [Services, Api] },
        { Services, [Api] },
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

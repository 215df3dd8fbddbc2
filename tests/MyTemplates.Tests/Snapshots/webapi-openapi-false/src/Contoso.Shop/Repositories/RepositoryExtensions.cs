namespace Contoso.Shop.Repositories;

public static class RepositoryExtensions
{
    public static IServiceCollection AddRepositories(this IServiceCollection services) =>
        services.AddScoped<IUserRepository, UserRepository>();
}

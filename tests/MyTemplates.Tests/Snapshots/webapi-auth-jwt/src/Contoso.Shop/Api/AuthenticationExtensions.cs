using Contoso.Shop.Config;

namespace Contoso.Shop.Api;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens checked against <c>Authentication:Schemes:Bearer</c> (issuer, audiences and
    /// signing keys), which the JWT handler reads by itself; validated here at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>()
            .BindConfiguration(JwtOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddAuthorization();
        return builder;
    }
}

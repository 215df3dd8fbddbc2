namespace Contoso.Shop.Config;

public static class SettingsExtensions
{
    /// <summary>
    /// Binds every options class from configuration (appsettings.json, environment variables and,
    /// in Development, user secrets) and validates it when the app starts, so a missing or invalid
    /// setting stops start-up with a message that names its key.
    /// </summary>
    public static IHostApplicationBuilder AddAppSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Default"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        return builder;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Contoso.Platform.Core.Config;

public static class SettingsExtensions
{
    /// <summary>
    /// Binds Core's options classes from configuration (appsettings.json, environment variables and,
    /// in Development, user secrets) and validates them when the app starts, so a missing or invalid
    /// setting stops start-up with a message that names its key.
    /// </summary>
    public static IHostApplicationBuilder AddCoreSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Default"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (!builder.Environment.IsDevelopment())
        {
            // dotnet run starts each app in its project folder, where Development's relative path leads both to one file;
            // deployed, the API and the workers start in folders of their own, where it would lead each to its own.
            builder.Services.AddOptions<DatabaseOptions>()
                .Validate(options => DatabaseOptions.NamesFileByAbsolutePath(options.ConnectionString), DatabaseOptions.RelativeFileMessage);
        }

        builder.Services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        return builder;
    }
}

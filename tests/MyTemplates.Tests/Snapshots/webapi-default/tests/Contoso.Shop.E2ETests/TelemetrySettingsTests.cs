using System.Diagnostics;
using Contoso.Shop.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Contoso.Shop.E2ETests;

/// <summary>The telemetry's settings: the service's name, the span batches' sizes and the ones start-up refuses.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData(null, TelemetryExtensions.ServiceName)]
    [InlineData("orders-api", "orders-api")]
    public async Task The_service_is_named_for_the_project_unless_OTEL_SERVICE_NAME_says_otherwise(string? setting, string expected)
    {
        await using var factory = new ApiFactory();
        await factory.InitializeAsync();
        using var app = factory.WithWebHostBuilder(builder =>
        {
            if (setting is not null)
            {
                builder.UseSetting("OTEL_SERVICE_NAME", setting);
            }

            builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(new List<Activity>())));
        });

        var resource = app.Services.GetRequiredService<TracerProvider>().GetResource();

        Assert.Equal(expected, resource.Attributes.Single(attribute => attribute.Key == "service.name").Value);
    }

    [Theory]
    [InlineData(null, 1024)]
    [InlineData("256", 256)]
    public async Task The_OTLP_exporter_sends_spans_in_batches_of_1024_unless_OTEL_BSP_MAX_EXPORT_BATCH_SIZE_says_otherwise(string? setting, int expected)
    {
        await using var factory = new ApiFactory();
        await factory.InitializeAsync();
        using var app = factory.WithWebHostBuilder(builder =>
        {
            // Export on, to a port where nothing listens: the app's own exporter is built, and the test sends no request.
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            if (setting is not null)
            {
                builder.UseSetting("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", setting);
            }
        });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        // The options the OTLP exporter's span processor is made from.
        var processor = app.Services.GetRequiredService<IOptionsMonitor<ActivityExportProcessorOptions>>().CurrentValue;
        Assert.Equal(ExportProcessorType.Batch, processor.ExportProcessorType);
        Assert.Equal(expected, processor.BatchExportProcessorOptions.MaxExportBatchSize);
        Assert.Equal(4096, processor.BatchExportProcessorOptions.MaxQueueSize);
    }

    [Theory]
    [InlineData("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=lots", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_QUEUE_SIZE=0", "OTEL_BSP_MAX_QUEUE_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_QUEUE_SIZE=-1", "OTEL_BSP_MAX_QUEUE_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=5000;OTEL_BSP_MAX_QUEUE_SIZE=4096", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE must not be larger")]
    public async Task Start_up_refuses_an_invalid_span_batch_setting_naming_its_key(string settings, string message)
    {
        // A builder of the test's own: through WebApplicationFactory a start that fails can surface as an
        // ObjectDisposedException rather than its cause.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings.Split(';').Select(setting => setting.Split('='))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTelemetry();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message);
    }
}

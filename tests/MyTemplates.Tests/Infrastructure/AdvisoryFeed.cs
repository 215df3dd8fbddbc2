using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A NuGet audit source over real HTTP on loopback: a service index with nuget.org's <c>VulnerabilityInfo/6.7.0</c>
/// resource holding one real advisory from the GitHub Advisory Database, GHSA-5crp-9r3c-p9vr (Newtonsoft.Json before
/// 13.0.1, high). The package feed served on this machine has no vulnerability resource, so audit would find nothing.
/// </summary>
public sealed class AdvisoryFeed : IDisposable
{
    public const string Advisory = "https://github.com/advisories/GHSA-5crp-9r3c-p9vr";

    private readonly HttpListener listener = new();
    private readonly Task serving;

    public AdvisoryFeed()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        listener.Prefixes.Add(Url);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address; the service index is <c>index.json</c> under it.</summary>
    public string Url { get; }

    /// <summary>A nuget.config that keeps the machine's package sources and audits against this feed.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <auditSources>
            <clear />
            <add key="advisories" value="{Url}index.json" allowInsecureConnections="true" />
          </auditSources>
        </configuration>
        """;

    private string Document(string path) => path switch
    {
        "/index.json" => $$"""{"version":"3.0.0","resources":[{"@id":"{{Url}}vulnerability/index.json","@type":"VulnerabilityInfo/6.7.0"}]}""",
        "/vulnerability/index.json" => $$"""
            [{"@name":"base","@id":"{{Url}}vulnerability/base.json","@updated":"2026-12-01T00:00:00Z"},
             {"@name":"update","@id":"{{Url}}vulnerability/update.json","@updated":"2026-12-01T00:00:00Z"}]
            """,
        "/vulnerability/base.json" => $$"""{"newtonsoft.json":[{"severity":2,"url":"{{Advisory}}","versions":"(, 13.0.1)"}]}""",
        "/vulnerability/update.json" => "{}",
        _ => "",
    };

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(Document(context.Request.Url!.AbsolutePath));
            context.Response.StatusCode = body.Length == 0 ? 404 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }
}

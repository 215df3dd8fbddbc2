using System.Globalization;
using System.Net;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// nginx (Debian's nginx-light, which scripts/test.sh installs when it is missing) as the reverse proxy in
/// front of published apps: a config of its own on a loopback port, run in the foreground, stopped on dispose.
/// It passes the client's address and the scheme on as <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>,
/// as a proxy in production does; <paramref name="forwardedProto"/> stands for a TLS front it does not have.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly TempDirectory folder;
    private readonly RunningApp process;

    private Nginx(TempDirectory folder, RunningApp process, int port) => (this.folder, this.process, Port) = (folder, process, port);

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output => process.Output;

    /// <summary>Starts nginx balancing over the apps on <paramref name="upstreamPorts"/> (round robin) and waits until it listens.</summary>
    /// <param name="forwardedProto">The scheme sent as <c>X-Forwarded-Proto</c>: nginx's own (http) when null.</param>
    public static async Task<Nginx> StartAsync(IReadOnlyList<int> upstreamPorts, string? forwardedProto = null)
    {
        var folder = new TempDirectory("nginx");
        var port = RunningApp.FreePort();
        var dir = folder.Path;
        var servers = string.Concat(upstreamPorts.Select(upstream =>
            $"    server 127.0.0.1:{upstream.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=5s;\n"));
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{dir}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/client_body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
              upstream app {
            {{servers}}    keepalive 32;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://app;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto {{forwardedProto ?? "$scheme"}};
                  proxy_connect_timeout 2s;
                }
              }
            }
            """;
        var configPath = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var nginx = new Nginx(folder, RunningApp.Start("nginx", ["-c", configPath, "-p", dir], dir, new Dictionary<string, string?>()), port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(nginx.process.HasExited, $"nginx exited:\n{nginx.Output}\n{config}");
            try
            {
                using var response = await http.GetAsync(new Uri(nginx.BaseAddress, "/health/live"), TestContext.Current.CancellationToken);
                if (response.StatusCode is not HttpStatusCode.BadGateway)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"nginx did not listen on {port}:\n{nginx.Output}");
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        folder.Dispose();
    }
}

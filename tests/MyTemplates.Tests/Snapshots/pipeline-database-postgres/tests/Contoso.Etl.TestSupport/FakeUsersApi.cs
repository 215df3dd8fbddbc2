using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Contoso.Etl.TestSupport;

/// <summary>
/// A real HTTP server on a free loopback port that serves <c>GET /users?page=N&amp;size=M</c> the way
/// the myapp-webapi template does, and can fail a given number of requests with 503 first, and serve fewer items a
/// page than asked for, as a server with a page-size limit of its own does.
/// </summary>
public sealed class FakeUsersApi : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly IReadOnlyList<object> users;
    private readonly CancellationTokenSource stopping = new();
    private readonly int maxPageSize;
    private int failuresLeft;
    private int requests;

    public FakeUsersApi(IReadOnlyList<object> users, int failFirstRequests = 0, int maxPageSize = int.MaxValue)
    {
        this.users = users;
        this.maxPageSize = maxPageSize;
        failuresLeft = failFirstRequests;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public int Requests => Volatile.Read(ref requests);

    public static object User(string id, string email, string name, string createdAt) =>
        new { id, email, name, createdAt, updatedAt = createdAt };

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            if (Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                context.Response.StatusCode = 503;
                context.Response.Close();
                continue;
            }

            var page = int.Parse(context.Request.QueryString["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            var size = Math.Min(maxPageSize, int.Parse(context.Request.QueryString["size"] ?? "20", System.Globalization.CultureInfo.InvariantCulture));
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                items = users.Skip((page - 1) * size).Take(size),
                total = users.Count,
                page,
                size,
            });
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

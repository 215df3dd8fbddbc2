using Contoso.Platform.Core;
using Contoso.Platform.Worker;

var builder = Host.CreateApplicationBuilder(args);

// Core: settings, the DbContext with its migrations, repositories and services (shared with the API).
builder.AddCore();

// Jobs: the loop that claims and runs them, and a handler for each kind of job.
builder.AddWorker();

await builder.Build().RunAsync();

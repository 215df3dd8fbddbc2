using System.Runtime.CompilerServices;
using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.UnitTests;

/// <summary>How the stages are run together when one of them fails; the database loaders have their own tests.</summary>
public sealed class EtlPipelineTests : IDisposable
{
    private const int BatchSize = 100;

    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-pipeline-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_failing_load_stops_the_reader_and_surfaces_the_loaders_own_error()
    {
        var source = new GeneratedUsers(rows: 1_000_000);
        var loader = new RecordingLoader(failOnBatch: 3);

        var error = await Assert.ThrowsAsync<IOException>(() => RunAsync(source, loader));

        Assert.Same(loader.Failure, error);
        Assert.True(source.Disposed);
        Assert.InRange(source.Read, 3 * BatchSize, 6 * BatchSize); // read ahead by a bounded number of batches, then stopped
        Assert.Equal(2 * BatchSize, loader.Loaded);
    }

    [Fact]
    public async Task A_failing_source_surfaces_its_error_after_the_batches_read_before_it_are_loaded()
    {
        var source = new GeneratedUsers(rows: 1_000_000, failAfter: 5 * BatchSize + 10);
        var loader = new RecordingLoader();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => RunAsync(source, loader));

        Assert.Equal("The source failed.", error.Message);
        Assert.True(source.Disposed);
        Assert.Equal(5 * BatchSize, loader.Loaded); // whole batches only: the 10 rows after them were never loaded
    }

    private async Task<PipelineSummary> RunAsync(IExtractor source, ITableLoader<User> loader)
    {
        var options = Options.Create(new PipelineOptions { ConnectionString = "unused", BatchSize = BatchSize, QueuedBatches = 1 });
        var pipeline = new EtlPipeline(source, new UserCleaningTransformer(), loader, options, NullLogger<EtlPipeline>.Instance);
        await using var rejects = new RejectWriter(Path.Combine(directory, "rejected.csv"));
        return await pipeline.RunAsync(rejects, TestContext.Current.CancellationToken);
    }

    /// <summary>Valid users, produced as slowly as a real source (each row yields the thread), optionally failing after some.</summary>
    private sealed class GeneratedUsers(int rows, int? failAfter = null) : IExtractor
    {
        private static readonly string[] Header = ["id", "email", "name", "created_at"];

        private int read;

        public int Read => Volatile.Read(ref read);

        public bool Disposed { get; private set; }

        public string Description => "generated users";

        public async IAsyncEnumerable<SourceRow> ExtractAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var number = 1; number <= rows; number++)
                {
                    await Task.Yield();
                    if (number > failAfter)
                    {
                        throw new HttpRequestException("The source failed.");
                    }

                    Interlocked.Increment(ref read);
                    string[] fields = [$"u{number}", $"user{number}@example.com", $"User {number}", "2024-05-01T10:00:00Z"];
                    yield return new SourceRow(number, fields[0], fields[1], fields[2], fields[3], Header, fields);
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    private sealed class RecordingLoader(int? failOnBatch = null) : ITableLoader<User>
    {
        private int batches;

        public IOException Failure { get; } = new("The disk is full.");

        public int Loaded { get; private set; }

        public Task EnsureTableAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task UpsertAsync(IReadOnlyList<User> batch, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (++batches == failOnBatch)
            {
                throw Failure;
            }

            Loaded += batch.Count;
        }
    }
}

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

/// <summary>How the stages are run together: what is counted, and what happens when one of them fails. The database loaders have their own tests.</summary>
public sealed class EtlPipelineTests : IDisposable
{
    private const int BatchSize = 100;

    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-pipeline-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static readonly Entity<User> Users = (Entity<User>)Entity.Of("users", new UserRules(), UserTable.Map);

    [Fact]
    public async Task Every_row_read_is_loaded_superseded_or_rejected_and_each_key_is_loaded_once_a_batch()
    {
        var header = new RowHeader(["id", "email", "name", "created_at"]);
        SourceRow[] rows =
        [
            new(1, header, ["u1", "a@x.io", "A", "2024-01-01T00:00:00Z"]),
            new(2, header, ["u2", "b@x.io"], "u2,b@x.io"),
            new(3, header, ["u1", "a2@x.io", "A2", "2024-01-01T00:00:00Z"]),
            new(4, header, ["u3", "c@x.io", "C", "2024-01-01T00:00:00Z", "extra"], "u3,c@x.io,C,2024-01-01T00:00:00Z,extra"),
            new(5, header, ["u4", "broken", "D", "2024-01-01T00:00:00Z"]),
            new(6, header, ["u1", "a3@x.io", "A3", "2024-01-01T00:00:00Z"]),
        ];
        var loader = new RecordingLoader();

        var summary = await RunAsync(new ListedRows(rows), loader, batchSize: 3);

        Assert.Equal((6L, 2L, 1L, 3L), (summary.Read, summary.Loaded, summary.Superseded, summary.Rejected));
        Assert.Equal(summary.Read, summary.Loaded + summary.Superseded + summary.Rejected);
        Assert.Equal(["a2@x.io", "a3@x.io"], loader.Records.Select(user => user.Email)); // the later row of u1 in each batch
        var rejected = await File.ReadAllLinesAsync(Path.Combine(directory, "rejected.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(
            ["id,email,name,created_at,reason,raw",
             ",,,,\"expected 4 fields (as in the header), found 2\",\"u2,b@x.io\"",
             ",,,,\"expected 4 fields (as in the header), found 5\",\"u3,c@x.io,C,2024-01-01T00:00:00Z,extra\"",
             "u4,broken,D,2024-01-01T00:00:00Z,email is not an e-mail address,"],
            rejected);
    }

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

    private async Task<PipelineSummary> RunAsync(IExtractor source, ITableLoader loader, int batchSize = BatchSize)
    {
        var options = Options.Create(new PipelineOptions { ConnectionString = "unused", BatchSize = batchSize, QueuedBatches = 1 });
        var pipeline = new EtlPipeline(source, loader, options, NullLogger<EtlPipeline>.Instance);
        await using var rejects = RejectWriter.Create(Path.Combine(directory, "rejected.csv"));
        return await pipeline.RunAsync(Users, rejects, TestContext.Current.CancellationToken);
    }

    private sealed class ListedRows(IEnumerable<SourceRow> rows) : IExtractor
    {
        public IAsyncEnumerable<SourceRow> ExtractAsync(Entity entity, CancellationToken cancellationToken = default) => rows.ToAsyncEnumerable();
    }

    /// <summary>Valid users, produced as slowly as a real source (each row yields the thread), optionally failing after some.</summary>
    private sealed class GeneratedUsers(int rows, int? failAfter = null) : IExtractor
    {
        private static readonly RowHeader Header = new(["id", "email", "name", "created_at"]);

        private int read;

        public int Read => Volatile.Read(ref read);

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<SourceRow> ExtractAsync(Entity entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                    yield return new SourceRow(number, Header, [$"u{number}", $"user{number}@example.com", $"User {number}", "2024-05-01T10:00:00Z"]);
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    private sealed class RecordingLoader(int? failOnBatch = null) : ITableLoader
    {
        private int batches;

        public IOException Failure { get; } = new("The disk is full.");

        public int Loaded => Records.Count;

        public List<User> Records { get; } = [];

        public Task EnsureTableAsync<T>(TableMap<T> table, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task UpsertAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (++batches == failOnBatch)
            {
                throw Failure;
            }

            Records.AddRange(records.Cast<User>());
        }
    }
}

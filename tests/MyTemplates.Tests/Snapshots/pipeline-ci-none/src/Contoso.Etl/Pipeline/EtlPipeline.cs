using System.Diagnostics;
using System.Threading.Channels;
using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.Transformers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// Extract → transform → load, streaming, for any <see cref="Entity"/>: rows are read and cleaned one at a
/// time into batches, while the batch before is being loaded. Whole batches are handed on through a bounded
/// channel, so a slow database makes the reader wait and memory stays bounded however large the source is.
/// Each batch is loaded in one transaction and only then are its rejected rows written, so the summary, the
/// table and the reject file always agree; cancelling stops after the batch being written is committed.
/// </summary>
public sealed partial class EtlPipeline(
    IExtractor extractor,
    ITableLoader loader,
    IOptions<PipelineOptions> options,
    ILogger<EtlPipeline> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public Task<PipelineSummary> RunAsync(Entity entity, RejectWriter rejects, CancellationToken cancellationToken = default) =>
        entity.RunTypedAsync(this, rejects, cancellationToken);

    internal async Task<PipelineSummary> RunAsync<T>(Entity<T> entity, RejectWriter rejects, CancellationToken cancellationToken)
        where T : class
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = options.Value;

        // The reader stops when the run is cancelled, and also when loading fails (an HTTP call in flight is abandoned).
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Open the source and read its first row before anything is written: a source that cannot be
        // read, or lacks a column, stops the run here with nothing loaded.
        await using var source = extractor.ExtractAsync(entity, stopReading.Token).GetAsyncEnumerator(stopReading.Token);
        var hasRows = await source.MoveNextAsync();
        await loader.EnsureTableAsync(entity.Table, cancellationToken);

        var batches = Channel.CreateBounded<Batch<T>>(new BoundedChannelOptions(settings.QueuedBatches)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        var extractAndTransform = Task.Run(
            () => ExtractAndTransformAsync(entity, source, hasRows, settings.BatchSize, batches.Writer, stopReading.Token), CancellationToken.None);

        long loaded = 0, superseded = 0;
        var lastProgress = TimeSpan.Zero;
        var cancelled = false;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested(); // a batch already waiting is not started once cancelled

                // Not cancellable from here to the end of the batch: it is committed whole, then its rejects written.
                var started = Stopwatch.GetTimestamp();
                using (var span = Telemetry.Source.StartActivity($"batch {entity.Name}"))
                {
                    span?.SetTag("etl.batch.rows", batch.Count);
                    await loader.UpsertAsync(entity.Table, batch.Records, CancellationToken.None);
                    loaded += batch.Records.Count;
                    superseded += batch.Superseded;
                    foreach (var (row, reason) in batch.Rejects)
                    {
                        await rejects.WriteAsync(row, reason, CancellationToken.None);
                    }

                    await rejects.FlushAsync(CancellationToken.None);
                }

                Telemetry.RecordBatch(entity.Name, batch.Count, batch.Records.Count, batch.Superseded, batch.Rejects.Count, Stopwatch.GetElapsedTime(started));

                if (stopwatch.Elapsed - lastProgress >= ProgressInterval)
                {
                    lastProgress = stopwatch.Elapsed;
                    LogProgress(entity.Name, loaded + superseded + rejects.Count, loaded, rejects.Count);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        finally
        {
            // However the loop ended, the reader is stopped and waited for, so that the source is not disposed under it.
            batches.Writer.TryComplete();
            await stopReading.CancelAsync();
            await extractAndTransform.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!cancelled)
        {
            await extractAndTransform; // surfaces its failure, if any
        }

        return new PipelineSummary(loaded + superseded + rejects.Count, loaded, superseded, rejects.Count, stopwatch.Elapsed, cancelled);
    }

    private static async Task ExtractAndTransformAsync<T>(
        Entity<T> entity, IAsyncEnumerator<SourceRow> source, bool hasRows, int batchSize, ChannelWriter<Batch<T>> output, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            // One key index for every batch, cleared for each: a new one a batch would be a large-object allocation each time.
            var keys = new Dictionary<object, int>(batchSize);
            var batch = new Batch<T>(entity.Table.KeyOf, keys, batchSize);
            for (var more = hasRows; more; more = await source.MoveNextAsync())
            {
                var row = source.Current;
                if (row.Fields.Count != row.Header.Count)
                {
                    batch.Reject(row, $"expected {row.Header.Count} fields (as in the header), found {row.Fields.Count}");
                }
                else
                {
                    var result = Clean(entity, row);
                    if (result.Record is { } record)
                    {
                        batch.Add(record);
                    }
                    else
                    {
                        batch.Reject(row, result.RejectReason ?? "rejected by the rules, which gave no reason");
                    }
                }

                if (batch.Count == batchSize)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new Batch<T>(entity.Table.KeyOf, keys, batchSize);
                }
            }

            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken);
            }

            output.TryComplete();
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
            throw;
        }
    }

    private static RowResult<T> Clean<T>(Entity<T> entity, SourceRow row)
        where T : class
    {
        try
        {
            return entity.Rules.Clean(row);
        }
        catch (Exception exception)
        {
            // A rule that throws is a bug in the rule, not a bad row: stop, and say which row it met.
            throw new PipelineException($"The {entity.Name} rules failed on row {row.Number}: {exception.Message}", ExitCodes.Failure, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Entity}: {Read} rows so far: {Loaded} loaded, {Rejected} rejected")]
    private partial void LogProgress(string entity, long read, long loaded, long rejected);
}

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
/// Extract → transform → load, streaming: rows are read and cleaned one at a time into batches, while
/// the batch before is being loaded. Whole batches are handed on through a bounded channel, so a slow
/// database makes the reader wait and memory stays bounded however large the source is. Each batch is
/// loaded in one transaction and only then are its rejected rows written, so the summary, the table and
/// the reject file always agree; cancelling stops after the batch being written is committed.
/// </summary>
public sealed partial class EtlPipeline(
    IExtractor extractor,
    ITransformer transformer,
    ITableLoader<User> loader,
    IOptions<PipelineOptions> options,
    ILogger<EtlPipeline> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public async Task<PipelineSummary> RunAsync(RejectWriter rejects, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = options.Value;

        // The reader stops when the run is cancelled, and also when loading fails (an HTTP call in flight is abandoned).
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Open the source and read its first row before anything is written: a source that cannot be
        // read, or lacks a column, stops the run here with nothing loaded.
        await using var source = extractor.ExtractAsync().GetAsyncEnumerator(stopReading.Token);
        var hasRows = await source.MoveNextAsync();
        await loader.EnsureTableAsync(cancellationToken);

        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(settings.QueuedBatches)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        var extractAndTransform = Task.Run(
            () => ExtractAndTransformAsync(source, hasRows, settings.BatchSize, batches.Writer, stopReading.Token), CancellationToken.None);

        long loaded = 0;
        var lastProgress = TimeSpan.Zero;
        var cancelled = false;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested(); // a batch already waiting is not started once cancelled

                // Not cancellable from here to the end of the batch: it is committed whole, then its rejects written.
                await loader.UpsertAsync(batch.Users, CancellationToken.None);
                loaded += batch.Users.Count;
                foreach (var (row, reason) in batch.Rejects)
                {
                    await rejects.WriteAsync(row, reason, CancellationToken.None);
                }

                if (stopwatch.Elapsed - lastProgress >= ProgressInterval)
                {
                    lastProgress = stopwatch.Elapsed;
                    LogProgress(loaded + rejects.Count, loaded, rejects.Count);
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

        return new PipelineSummary(loaded + rejects.Count, loaded, rejects.Count, stopwatch.Elapsed, cancelled);
    }

    private async Task ExtractAndTransformAsync(
        IAsyncEnumerator<SourceRow> source, bool hasRows, int batchSize, ChannelWriter<Batch> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new Batch(batchSize);
            for (var more = hasRows; more; more = await source.MoveNextAsync())
            {
                var row = source.Current;
                var result = transformer.Transform(row);
                if (result.User is { } user)
                {
                    batch.Users.Add(user);
                }
                else
                {
                    batch.Rejects.Add((row, result.RejectReason!));
                }

                if (batch.Count == batchSize)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new Batch(batchSize);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Read} rows so far: {Loaded} loaded, {Rejected} rejected")]
    private partial void LogProgress(long read, long loaded, long rejected);

    /// <summary>The rows of one batch: the clean users to load and the rejected rows with their reasons.</summary>
    private sealed class Batch(int capacity)
    {
        public List<User> Users { get; } = new(capacity);

        public List<(SourceRow Row, string Reason)> Rejects { get; } = [];

        public int Count => Users.Count + Rejects.Count;
    }
}

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
/// Extract → transform → load, as three stages that run at the same time and hand rows on through
/// bounded channels: a slow stage makes the others wait, so memory stays bounded. Rows are loaded in
/// batches, one transaction each; cancelling stops after the batch being written is committed.
/// </summary>
public sealed partial class EtlPipeline(
    IExtractor extractor,
    ITransformer transformer,
    ILoader loader,
    IOptions<PipelineOptions> options,
    ILogger<EtlPipeline> logger)
{
    public async Task<PipelineSummary> RunAsync(RejectWriter rejects, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = options.Value;

        // Open the source and read its first row before anything is written: a source that cannot be
        // read, or lacks a column, stops the run here with nothing loaded.
        await using var source = extractor.ExtractAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasRows = await source.MoveNextAsync();
        await loader.EnsureSchemaAsync(cancellationToken);

        var channelOptions = new BoundedChannelOptions(settings.ChannelCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true };
        var rows = Channel.CreateBounded<SourceRow>(channelOptions);
        var users = Channel.CreateBounded<User>(channelOptions);
        long read = 0;

        var extract = Task.Run(async () =>
        {
            try
            {
                for (var more = hasRows; more; more = await source.MoveNextAsync())
                {
                    await rows.Writer.WriteAsync(source.Current, cancellationToken);
                    Interlocked.Increment(ref read);
                }

                rows.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                rows.Writer.TryComplete(exception);
            }
        }, CancellationToken.None);

        var transform = Task.Run(async () =>
        {
            try
            {
                await foreach (var row in rows.Reader.ReadAllAsync(cancellationToken))
                {
                    var result = transformer.Transform(row);
                    if (result.User is { } user)
                    {
                        await users.Writer.WriteAsync(user, cancellationToken);
                    }
                    else
                    {
                        await rejects.WriteAsync(row, result.RejectReason!);
                    }
                }

                users.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                users.Writer.TryComplete(exception);
            }
        }, CancellationToken.None);

        var loaded = 0L;
        var cancelled = false;
        var batch = new List<User>(settings.BatchSize);
        try
        {
            await foreach (var user in users.Reader.ReadAllAsync(cancellationToken))
            {
                batch.Add(user);
                if (batch.Count == settings.BatchSize)
                {
                    loaded += await CommitAsync(batch);
                    LogProgress(Interlocked.Read(ref read), loaded, rejects.Count);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        // The rows in hand form the last batch, also when cancelled: it is committed whole.
        loaded += await CommitAsync(batch);
        if (!cancelled)
        {
            await Task.WhenAll(extract, transform);
        }

        return new PipelineSummary(cancelled ? loaded + rejects.Count : Interlocked.Read(ref read), loaded, rejects.Count, stopwatch.Elapsed, cancelled);
    }

    private async Task<int> CommitAsync(List<User> batch)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await loader.WriteBatchAsync(batch);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Read} rows: {Loaded} loaded, {Rejected} rejected so far")]
    private partial void LogProgress(long read, long loaded, long rejected);
}

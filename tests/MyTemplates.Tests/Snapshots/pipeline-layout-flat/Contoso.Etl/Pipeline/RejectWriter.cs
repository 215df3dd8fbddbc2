using System.Text;
using Contoso.Etl.Models;
using nietras.SeparatedValues;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// The reject file: the source's header plus <c>reason</c> and <c>raw</c>, then each rejected row with the
/// reason it was rejected. A row whose fields match the header is written as it came, with <c>raw</c> empty;
/// a row with more or fewer fields than the header has its fields left empty and its text as read in
/// <c>raw</c>, so every line has the header's fields. Fixed, the file loads as it is: <c>reason</c> and
/// <c>raw</c> are extra columns, which are ignored. The file is opened before the first row is read (a path
/// that cannot be written stops the run before anything is loaded), and removed again when nothing was rejected.
/// </summary>
public sealed class RejectWriter : IAsyncDisposable
{
    private readonly StreamWriter file;
    private SepWriter? writer;
    private int width;

    private RejectWriter(string path, StreamWriter file) => (Path, this.file) = (path, file);

    public string Path { get; }

    public long Count { get; private set; }

    /// <summary>Opens <paramref name="path"/>, replacing an earlier run's file; a folder that does not exist is not created.</summary>
    /// <exception cref="PipelineException">The path cannot be written (exit code 2).</exception>
    public static RejectWriter Create(string path)
    {
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            throw new PipelineException($"Cannot write the reject file '{path}': the folder '{folder}' does not exist.", ExitCodes.Usage);
        }

        try
        {
            return new RejectWriter(path, new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"Cannot write the reject file '{path}': {exception.Message}", ExitCodes.Usage, exception);
        }
    }

    public async Task WriteAsync(SourceRow row, string reason, CancellationToken cancellationToken = default)
    {
        if (writer is null)
        {
            writer = Sep.New(',').Writer(options => options with { Escape = true, WriteHeader = false }).To(file, leaveOpen: true);
            width = row.Header.Count;
            await WriteRecordAsync([.. row.Header.Names, "reason", "raw"], cancellationToken);
        }

        var wellFormed = row.Fields.Count == width;
        IReadOnlyList<string> fields = wellFormed ? row.Fields : Enumerable.Repeat("", width).ToArray();
        await WriteRecordAsync([.. fields, reason, wellFormed ? "" : row.RawText ?? string.Join(',', row.Fields)], cancellationToken);
        Count++;
    }

    /// <summary>Writes what is buffered to the file: called after each committed batch, so that a run stopped later keeps its rejects.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (writer is not null)
        {
            writer.Flush();
            await file.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        await file.DisposeAsync();
        if (Count == 0)
        {
            File.Delete(Path); // a clean run leaves no reject file
        }
    }

    private async ValueTask WriteRecordAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        await using var record = writer!.NewRow(cancellationToken);
        for (var i = 0; i < fields.Count; i++)
        {
            record[i].Set(fields[i]);
        }
    }
}

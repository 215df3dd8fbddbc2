using Microsoft.Extensions.Logging;

namespace Company.Cli.Core;

/// <summary>
/// Diagnostics go to stderr (stdout carries results only), through a writer that tests can capture.
/// Warnings and errors by default; <c>--verbose</c> shows everything down to debug.
/// </summary>
public static class Logging
{
    public static ILoggerFactory CreateFactory(TextWriter error, bool verbose) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddProvider(new TextWriterLogger(error)));

    /// <summary>One line a message, <c>level: message</c>, as command-line tools write them.</summary>
    private sealed class TextWriterLogger(TextWriter writer) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warning",
                _ => "error",
            };
            lock (writer)
            {
                writer.WriteLine($"{level}: {formatter(state, exception)}");
                if (exception is not null)
                {
                    writer.WriteLine(exception);
                }
            }
        }

        public void Dispose()
        {
        }
    }
}

using Halyard.Cycle.Configuration;
using Halyard.Operations.Logging;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Commands;

/// <summary>
/// The diagnostic log of <c>halyard run</c>: warnings and above (<c>logging.level</c>; <c>--verbose</c>: debug)
/// to standard error, and information and above to <c>halyard-YYYYMMDD.log</c> in the journal folder, plain or
/// JSON lines (<c>logging.format</c>).
/// </summary>
internal static class RunLogging
{
    public static ILoggerFactory Create(HalyardConfig config, bool verbose, TextWriter console)
    {
        var level = verbose ? LogLevel.Debug : config.Logging.Level switch
        {
            "debug" => LogLevel.Debug,
            "information" => LogLevel.Information,
            "error" => LogLevel.Error,
            _ => LogLevel.Warning,
        };
        var folder = Path.GetFullPath(config.Journal.Dir);
        return LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            b.AddFilter("Microsoft", LogLevel.Warning);
            b.AddFilter("System", LogLevel.Warning);
            b.AddProvider(new FileLoggerProvider(folder, config.Logging.Format, TimeProvider.System));
            b.AddProvider(new ConsoleLoggerProvider(console, level));
        });
    }

    /// <summary>One line per event on the given writer (standard error): level, category, message.</summary>
    private sealed class ConsoleLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
    {
        private readonly Lock _lock = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConsoleLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum && logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var line = $"{logLevel.ToString().ToLowerInvariant()}: {category}[{eventId.Id}] {formatter(state, exception)}";
                lock (owner._lock)
                {
                    owner.Writer.WriteLine(line);
                }
            }
        }

        private LogLevel Minimum => minimum;

        private TextWriter Writer => writer;
    }
}

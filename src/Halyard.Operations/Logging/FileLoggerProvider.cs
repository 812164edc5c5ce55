using System.Globalization;
using System.Text;
using System.Text.Json;
using Halyard.Cycle.Configuration;
using Microsoft.Extensions.Logging;

namespace Halyard.Operations.Logging;

/// <summary>
/// The rolling log file in the journal folder: <c>halyard-YYYYMMDD.log</c> (a new file each UTC day), one line
/// per event, plain or JSON (<c>logging.format</c>); information and above. Each line is flushed as written.
/// Only the message templates' arguments are written: the library never passes a key, a signature or a prompt.
/// </summary>
public sealed class FileLoggerProvider(string folder, LogFormat format, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private StreamWriter? _writer;
    private string? _day;

    public static string FileNameFor(DateTimeOffset day) => "halyard-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".log";

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string category, LogLevel level, EventId id, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        var now = time.GetUtcNow();
        var line = format == LogFormat.Json ? Json(now, category, level, id, message, exception, state) : Plain(now, category, level, id, message, exception);
        lock (_lock)
        {
            var day = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (_writer is null || _day != day)
            {
                _writer?.Dispose();
                Directory.CreateDirectory(folder);
                _writer = new StreamWriter(new FileStream(Path.Combine(folder, FileNameFor(now)), FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
                _day = day;
            }

            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    private static string Plain(DateTimeOffset now, string category, LogLevel level, EventId id, string message, Exception? exception) =>
        string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ss.fffZ} {Level(level),-5} [{id.Id}] {category}: {message}{(exception is null ? string.Empty : " | " + exception.GetType().Name + ": " + exception.Message)}");

    private static string Json(DateTimeOffset now, string category, LogLevel level, EventId id, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("level", Level(level));
            w.WriteNumber("event_id", id.Id);
            w.WriteString("event", id.Name);
            w.WriteString("category", category);
            w.WriteString("message", message);
            if (exception is not null)
            {
                w.WriteString("exception", exception.GetType().Name + ": " + exception.Message);
            }

            w.WriteStartObject("state");
            foreach (var (key, value) in state ?? [])
            {
                if (key != "{OriginalFormat}")
                {
                    w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "crit",
    };

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            owner.Write(category, logLevel, eventId, formatter(state, exception), exception, state as IReadOnlyList<KeyValuePair<string, object?>>);
        }
    }
}

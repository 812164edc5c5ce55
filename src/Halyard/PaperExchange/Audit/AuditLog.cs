using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Halyard.PaperExchange.Audit;

/// <summary>
/// The <c>/exchange</c> audit trail: one JSON line per request,
/// <c>{"time": virtual ms, "request": raw body as JSON, "response": JSON or null, "fault": name or null}</c>.
/// Lines are flushed as written, so a crash loses nothing already answered.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly object _gate = new();

    public AuditLog(TextWriter writer, bool ownsWriter = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _ownsWriter = ownsWriter;
    }

    /// <summary>Appends to <paramref name="path"/> (created with its directory when missing).</summary>
    public static AuditLog ToFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new AuditLog(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true }, ownsWriter: true);
    }

    /// <param name="request">The parsed body, or null when it was not JSON (then <paramref name="rawRequest"/> is written as a string).</param>
    /// <param name="response">The JSON answered (or that would have been), or null when nothing was executed.</param>
    /// <param name="responseText">A non-JSON answer (e.g. the 422 text), written as a string when <paramref name="response"/> is null.</param>
    internal void Write(long timeMs, JsonElement? request, ReadOnlySpan<byte> rawRequest, byte[]? response, string? responseText, string? fault)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("time", timeMs);
            json.WritePropertyName("request");
            if (request is { } element)
            {
                element.WriteTo(json);
            }
            else
            {
                json.WriteStringValue(Encoding.UTF8.GetString(rawRequest));
            }

            json.WritePropertyName("response");
            if (response is not null)
            {
                json.WriteRawValue(response, skipInputValidation: true);
            }
            else if (responseText is not null)
            {
                json.WriteStringValue(responseText);
            }
            else
            {
                json.WriteNullValue();
            }

            if (fault is null)
            {
                json.WriteNull("fault");
            }
            else
            {
                json.WriteString("fault", fault);
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            _writer.Write(line);
            _writer.Write('\n');
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Flush();
            if (_ownsWriter)
            {
                _writer.Dispose();
            }
        }
    }
}

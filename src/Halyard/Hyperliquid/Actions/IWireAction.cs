using System.Text.Encodings.Web;
using System.Text.Json;

namespace Halyard.Hyperliquid.Actions;

/// <summary>An action that writes its wire object once through an <see cref="IActionSink"/>.</summary>
public interface IWireAction
{
    /// <summary>The wire <c>type</c> value.</summary>
    string Type { get; }

    /// <summary>Writes the whole action object, <c>type</c> first.</summary>
    void WriteTo(IActionSink sink);
}

/// <summary>Serialises actions (and anything written through a sink) to compact UTF-8 JSON.</summary>
public static class ActionJson
{
    /// <summary>Writer options for request bodies: compact, no needless escaping (the text is what is hashed).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] ToUtf8(IWireAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            action.WriteTo(new JsonActionSink(writer));
        }

        return buffer.ToArray();
    }
}

using System.Text.Json;

namespace Halyard.Hyperliquid.Actions;

/// <summary>Writes an action as JSON (the request body) into a <see cref="Utf8JsonWriter"/>.</summary>
public sealed class JsonActionSink : IActionSink
{
    private readonly Utf8JsonWriter _writer;

    public JsonActionSink(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    public void StartObject(int propertyCount) => _writer.WriteStartObject();

    public void EndObject() => _writer.WriteEndObject();

    public void StartArray(int length) => _writer.WriteStartArray();

    public void EndArray() => _writer.WriteEndArray();

    public void PropertyName(string name) => _writer.WritePropertyName(name);

    public void String(string value) => _writer.WriteStringValue(value);

    public void Integer(long value) => _writer.WriteNumberValue(value);

    public void Boolean(bool value) => _writer.WriteBooleanValue(value);
}

namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// Where an action writes its fields. Every action writes itself exactly once through this interface,
/// and the same calls drive both sinks — msgpack for the hash (<see cref="MsgPackActionSink"/>) and JSON for
/// the request body (<see cref="JsonActionSink"/>) — so key order and strings cannot differ between
/// what is signed and what is sent. Objects and arrays announce their size up front (msgpack needs it);
/// the msgpack sink checks that the announced size was honoured.
/// </summary>
public interface IActionSink
{
    void StartObject(int propertyCount);

    void EndObject();

    void StartArray(int length);

    void EndArray();

    void PropertyName(string name);

    void String(string value);

    void Integer(long value);

    void Boolean(bool value);
}

/// <summary>Shorthands for the common "name: value" pairs.</summary>
public static class ActionSinkExtensions
{
    public static void Property(this IActionSink sink, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.PropertyName(name);
        sink.String(value);
    }

    public static void Property(this IActionSink sink, string name, long value)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.PropertyName(name);
        sink.Integer(value);
    }

    public static void Property(this IActionSink sink, string name, bool value)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.PropertyName(name);
        sink.Boolean(value);
    }
}

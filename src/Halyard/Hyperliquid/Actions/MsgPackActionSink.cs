using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// Writes an action as msgpack (the hash input). Verifies that every object and array received exactly
/// the number of entries it announced; a mismatch is a bug in the action and throws.
/// </summary>
public sealed class MsgPackActionSink : IActionSink
{
    private readonly MsgPackWriter _writer;
    private readonly Stack<(bool IsObject, int Remaining, bool AwaitingValue)> _open = new();

    public MsgPackActionSink(MsgPackWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>True when every object and array that was started has been ended.</summary>
    public bool IsComplete => _open.Count == 0;

    public void StartObject(int propertyCount)
    {
        BeforeValue();
        _writer.WriteMapHeader(propertyCount);
        _open.Push((true, propertyCount, false));
    }

    public void EndObject() => End(isObject: true);

    public void StartArray(int length)
    {
        BeforeValue();
        _writer.WriteArrayHeader(length);
        _open.Push((false, length, false));
    }

    public void EndArray() => End(isObject: false);

    public void PropertyName(string name)
    {
        if (!_open.TryPeek(out var top) || !top.IsObject || top.AwaitingValue)
        {
            throw new InvalidOperationException("A property name must be written inside an object, before its value.");
        }

        if (top.Remaining == 0)
        {
            throw new InvalidOperationException($"Object has more properties than announced (at '{name}').");
        }

        _open.Pop();
        _open.Push((true, top.Remaining - 1, true));
        _writer.WriteString(name);
    }

    public void String(string value)
    {
        BeforeValue();
        _writer.WriteString(value);
    }

    public void Integer(long value)
    {
        BeforeValue();
        _writer.WriteInteger(value);
    }

    public void Boolean(bool value)
    {
        BeforeValue();
        _writer.WriteBool(value);
    }

    private void BeforeValue()
    {
        if (!_open.TryPeek(out var top))
        {
            return;
        }

        _open.Pop();
        if (top.IsObject)
        {
            if (!top.AwaitingValue)
            {
                throw new InvalidOperationException("A value inside an object must follow a property name.");
            }

            _open.Push((true, top.Remaining, false));
        }
        else
        {
            if (top.Remaining == 0)
            {
                throw new InvalidOperationException("Array has more elements than announced.");
            }

            _open.Push((false, top.Remaining - 1, false));
        }
    }

    private void End(bool isObject)
    {
        if (!_open.TryPop(out var top) || top.IsObject != isObject)
        {
            throw new InvalidOperationException("Unbalanced end of object/array.");
        }

        if (top.Remaining != 0 || top.AwaitingValue)
        {
            throw new InvalidOperationException(isObject
                ? "Object has fewer properties than announced."
                : "Array has fewer elements than announced.");
        }
    }
}

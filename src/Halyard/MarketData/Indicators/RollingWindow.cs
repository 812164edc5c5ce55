namespace Halyard.MarketData.Indicators;

/// <summary>
/// The last <see cref="Capacity"/> values of a series, oldest → newest, in a ring buffer: appending and
/// replacing the newest value are O(1).
/// </summary>
internal sealed class RollingWindow<T>
{
    private readonly T[] _items;
    private int _next;

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    /// <summary>The value at <paramref name="index"/>, 0 = oldest kept.</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items[(_next - Count + index + _items.Length) % _items.Length];
        }
    }

    public T Newest => this[Count - 1];

    public void Append(T value)
    {
        _items[_next] = value;
        _next = (_next + 1) % _items.Length;
        if (Count < _items.Length)
        {
            Count++;
        }
    }

    public void ReplaceNewest(T value)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The window is empty: there is no newest value to replace.");
        }

        _items[(_next - 1 + _items.Length) % _items.Length] = value;
    }

    /// <summary>A copy, oldest → newest.</summary>
    public T[] ToArray()
    {
        var copy = new T[Count];
        var start = (_next - Count + _items.Length) % _items.Length;
        var first = Math.Min(Count, _items.Length - start);
        _items.AsSpan(start, first).CopyTo(copy);
        _items.AsSpan(0, Count - first).CopyTo(copy.AsSpan(first));
        return copy;
    }
}

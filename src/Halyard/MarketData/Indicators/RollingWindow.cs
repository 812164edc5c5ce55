namespace Halyard.MarketData.Indicators;

/// <summary>
/// The last <see cref="Capacity"/> values of a series, oldest → newest, in a ring buffer: appending and
/// replacing the newest value are O(1). Positions wrap by one comparison instead of a division (every index
/// handled lies within one capacity of the buffer).
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
            return _items[Wrap(_next - Count + index)];
        }
    }

    public T Newest => Count == 0 ? throw new ArgumentOutOfRangeException(nameof(Newest), "The window is empty.") : _items[Wrap(_next - 1)];

    public void Append(T value)
    {
        _items[_next] = value;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
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

        _items[Wrap(_next - 1)] = value;
    }

    /// <summary>A copy, oldest → newest.</summary>
    public T[] ToArray()
    {
        var copy = new T[Count];
        var start = Wrap(_next - Count);
        var first = Math.Min(Count, _items.Length - start);
        _items.AsSpan(start, first).CopyTo(copy);
        _items.AsSpan(0, Count - first).CopyTo(copy.AsSpan(first));
        return copy;
    }

    /// <summary>The buffer position of <paramref name="position"/>, which lies in (−capacity, capacity).</summary>
    private int Wrap(int position) => position < 0 ? position + _items.Length : position;
}

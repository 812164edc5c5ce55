namespace Halyard.PaperExchange.Market;

/// <summary>
/// The last <see cref="Ways"/> marks asked per asset, with their times (on recorded candles a mark depends on the
/// asset and the time alone). Within an instant the stepper's crossing searches of every trigger and liquidation
/// estimate of an asset, the margin summaries, the pushed mids and the asset contexts ask the same few times of the
/// same asset; each is computed once. Not thread-safe: the market view is read under the engine's lock.
/// </summary>
internal sealed class RecentMarks(int assetCount)
{
    /// <summary>Times kept per asset: a segment's start, its last linear step, the grid point closing it, and the instant read.</summary>
    public const int Ways = 4;

    private readonly Entry[] _entries = new Entry[assetCount * Ways];
    private readonly byte[] _next = new byte[assetCount];

    public bool TryGet(int assetId, long timeMs, out decimal? mark)
    {
        var first = assetId * Ways;
        for (var i = first; i < first + Ways; i++)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Set && entry.TimeMs == timeMs)
            {
                mark = entry.Mark;
                return true;
            }
        }

        mark = null;
        return false;
    }

    /// <summary>Keeps a mark in place of the asset's oldest kept one.</summary>
    public void Put(int assetId, long timeMs, decimal? mark)
    {
        var slot = _next[assetId];
        _entries[(assetId * Ways) + slot] = new Entry(true, timeMs, mark);
        _next[assetId] = (byte)((slot + 1) % Ways);
    }

    private readonly record struct Entry(bool Set, long TimeMs, decimal? Mark);
}

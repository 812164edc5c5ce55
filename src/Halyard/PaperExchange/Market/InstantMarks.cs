namespace Halyard.PaperExchange.Market;

/// <summary>
/// Each asset's mark at the virtual time last asked and the synthetic book's top of the last mark: the pushes'
/// <c>allMids</c> and the asset contexts of a <c>metaAndAssetCtxs</c> read at the same instant compute them once.
/// The same values, scale included, as <see cref="MarketView.Mark"/> and <see cref="MarketView.Top"/>. Marks are kept
/// only on recorded candles (a mark there depends on the asset and the time alone); with live prices they are asked
/// each time. Not thread-safe: one per reader that holds the engine's lock.
/// </summary>
internal sealed class InstantMarks
{
    private readonly MarketView _market;
    private readonly (long TimeMs, decimal? Mark)?[] _marks;
    private readonly BookTop?[] _tops;

    public InstantMarks(MarketView market)
    {
        _market = market;
        _marks = new (long, decimal?)?[market.AssetCount];
        _tops = new BookTop?[market.AssetCount];
    }

    /// <summary><see cref="MarketView.Mark"/> of <paramref name="assetId"/> at <paramref name="timeMs"/>.</summary>
    public decimal? Mark(int assetId, long timeMs)
    {
        if (_market.IsLive || (uint)assetId >= (uint)_marks.Length)
        {
            return _market.Mark(assetId, timeMs);
        }

        if (_marks[assetId] is { } kept && kept.TimeMs == timeMs)
        {
            return kept.Mark;
        }

        var mark = _market.Mark(assetId, timeMs);
        _marks[assetId] = (timeMs, mark);
        return mark;
    }

    /// <summary>The best bid and ask around <paramref name="mark"/> (<see cref="MarketView.Top"/>) and their mid as a client parses it.</summary>
    public BookTop Top(int assetId, decimal mark)
    {
        if ((uint)assetId < (uint)_tops.Length && _tops[assetId] is { } kept && SameDigits(kept.Mark, mark))
        {
            return kept;
        }

        var (bid, ask) = _market.Top(assetId, mark);
        var top = new BookTop(mark, bid, ask, PriceMath.AsParsed(SyntheticBook.MidOf((bid, ask))));
        if ((uint)assetId < (uint)_tops.Length)
        {
            _tops[assetId] = top;
        }

        return top;
    }

    /// <summary>The same value written with the same digits (a client parsing "1.50" and "1.5" gets different decimals).</summary>
    public static bool SameDigits(decimal a, decimal b) => a == b && a.Scale == b.Scale;
}

/// <summary>The synthetic book's best bid and ask around <see cref="Mark"/>, and their mid as parsed from the venue's text.</summary>
internal readonly record struct BookTop(decimal Mark, decimal Bid, decimal Ask, decimal Mid);

using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>What a live venue's asset context says besides the price: the funding rate and the last 24 h's volumes.</summary>
/// <param name="Coin">The asset's name.</param>
/// <param name="Funding">The current (predicted hourly) funding rate.</param>
/// <param name="DayNotionalVolume">24 h volume in USD.</param>
/// <param name="DayBaseVolume">24 h volume in coins.</param>
public sealed record LiveAssetContext(string Coin, decimal Funding, decimal DayNotionalVolume, decimal DayBaseVolume);

/// <summary>
/// The paper exchange's live-price mode (a shadow trader's venue): instead of replaying recorded candles, the
/// engine marks at the prices a live venue showed, recorded here as they are read (its <c>allMids</c>, its asset
/// contexts' funding and volume). The mark of a coin at a time is the last price recorded at or before it (a
/// step function, as the venue's own ~3 s oracle steps); a trigger fires at the first recorded price at or
/// through it. The universe (asset ids, size decimals, leverage caps) is the live venue's, fixed when the feed
/// is made. Thread-safe: one reader records while the engine reads. Ticks older than <see cref="Keep"/> behind
/// the newest are pruned (the last one before the cut stays, so the mark never goes missing).
/// </summary>
public sealed class LivePriceFeed
{
    /// <summary>How much price history is kept per coin.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromHours(2);

    private readonly object _gate = new();
    private readonly Dictionary<string, Tape> _tapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(long Ms, LiveAssetContext Context)>> _contexts = new(StringComparer.Ordinal);
    private long _lastMs = long.MinValue;

    public LivePriceFeed(VenueSnapshot universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        Universe = universe;
    }

    /// <summary>The live venue's universe (asset id = index), as the feed was made with.</summary>
    public VenueSnapshot Universe { get; }

    /// <summary>When the newest price was recorded; null before the first.</summary>
    public DateTimeOffset? LastRecorded
    {
        get
        {
            lock (_gate)
            {
                return _lastMs == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(_lastMs);
            }
        }
    }

    /// <summary>Records the live mids at <paramref name="at"/> (coins outside the universe, e.g. spot <c>@n</c> keys, are ignored; unchanged prices add nothing).</summary>
    public void RecordPrices(DateTimeOffset at, IReadOnlyDictionary<string, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var ms = at.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            foreach (var (coin, price) in prices)
            {
                if (price <= 0 || Universe.Find(coin) is null)
                {
                    continue;
                }

                if (!_tapes.TryGetValue(coin, out var tape))
                {
                    tape = new Tape();
                    _tapes[coin] = tape;
                }

                tape.Add(ms, price, ms - (long)Keep.TotalMilliseconds);
            }

            _lastMs = Math.Max(_lastMs, ms);
        }
    }

    /// <summary>Records the live asset contexts (funding, volume) at <paramref name="at"/>.</summary>
    public void RecordContexts(DateTimeOffset at, IEnumerable<LiveAssetContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var ms = at.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            foreach (var context in contexts)
            {
                if (Universe.Find(context.Coin) is null)
                {
                    continue;
                }

                if (!_contexts.TryGetValue(context.Coin, out var list))
                {
                    list = [];
                    _contexts[context.Coin] = list;
                }

                if (list.Count > 0 && list[^1].Ms > ms)
                {
                    continue;
                }

                list.Add((ms, context));
                var cut = list.FindIndex(c => c.Ms >= ms - (long)Keep.TotalMilliseconds);
                if (cut > 1)
                {
                    list.RemoveRange(0, cut - 1);
                }
            }
        }
    }

    /// <summary>True once a price of <paramref name="coin"/> was recorded.</summary>
    internal bool HasPrice(string coin)
    {
        lock (_gate)
        {
            return _tapes.ContainsKey(coin);
        }
    }

    /// <summary>The last price recorded at or before <paramref name="timeMs"/>; null before the first.</summary>
    internal decimal? PriceAt(string coin, long timeMs)
    {
        lock (_gate)
        {
            return _tapes.TryGetValue(coin, out var tape) ? tape.At(timeMs) : null;
        }
    }

    /// <summary>The first time in [from, to] at which the price is at or beyond <paramref name="level"/>: <paramref name="from"/> itself, or a later recorded tick.</summary>
    internal long? FirstBeyond(string coin, long from, long to, decimal level, bool above)
    {
        lock (_gate)
        {
            return _tapes.TryGetValue(coin, out var tape) ? tape.FirstBeyond(from, to, level, above) : null;
        }
    }

    /// <summary>The context recorded last at or before <paramref name="timeMs"/>; null when none.</summary>
    internal LiveAssetContext? ContextAt(string coin, long timeMs)
    {
        lock (_gate)
        {
            if (!_contexts.TryGetValue(coin, out var list))
            {
                return null;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Ms <= timeMs)
                {
                    return list[i].Context;
                }
            }

            return null;
        }
    }

    /// <summary>One coin's recorded prices, oldest first.</summary>
    private sealed class Tape
    {
        private readonly List<long> _times = [];
        private readonly List<decimal> _prices = [];

        public void Add(long ms, decimal price, long pruneBefore)
        {
            if (_times.Count > 0 && ms < _times[^1])
            {
                return; // out of order (a slower read answered late): the newer price stands
            }

            if (_prices.Count > 0 && _prices[^1] == price)
            {
                return;
            }

            if (_times.Count > 0 && _times[^1] == ms)
            {
                _prices[^1] = price;
                return;
            }

            _times.Add(ms);
            _prices.Add(price);
            var keepFrom = _times.BinarySearch(pruneBefore);
            keepFrom = (keepFrom < 0 ? ~keepFrom : keepFrom) - 1;
            if (keepFrom > 0)
            {
                _times.RemoveRange(0, keepFrom);
                _prices.RemoveRange(0, keepFrom);
            }
        }

        public decimal? At(long ms)
        {
            var index = LastAtOrBefore(ms);
            return index >= 0 ? _prices[index] : null;
        }

        public long? FirstBeyond(long from, long to, decimal level, bool above)
        {
            bool Beyond(decimal price) => above ? price >= level : price <= level;

            var index = LastAtOrBefore(from);
            if (index >= 0 && Beyond(_prices[index]))
            {
                return from;
            }

            for (var i = index + 1; i < _times.Count && _times[i] <= to; i++)
            {
                if (Beyond(_prices[i]))
                {
                    return _times[i];
                }
            }

            return null;
        }

        private int LastAtOrBefore(long ms)
        {
            var index = _times.BinarySearch(ms);
            return index >= 0 ? index : ~index - 1;
        }
    }
}

using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>
/// What the market looks like at a virtual time: the mark of each asset along the documented candle
/// path, funding, open interest, 24h figures and the synthetic book. Reads immutable
/// <see cref="MarketDataSet"/>; per-asset price sources are resolved once, on first use.
/// </summary>
internal sealed class MarketView
{
    public const long HourMs = 3_600_000;
    public const long DayMs = 24 * HourMs;

    /// <summary>The interest component of the hourly funding rate (0.01% per 8h), used to report a premium.</summary>
    public const decimal HourlyInterestRate = 0.0000125m;

    private readonly MarketDataSet _data;
    private readonly BookOptions _book;
    private readonly long _priceIntervalMs;
    private readonly CoinSources?[] _sources;
    private readonly FundingSource?[] _funding;
    private readonly bool[] _hasData;
    private readonly (decimal Mid, decimal LevelNotional, SyntheticBook Book)?[] _lastBooks;
    private readonly RecentMarks _recentMarks;
    private readonly LivePriceFeed? _feed;

    /// <param name="feed">Live-price mode: marks, funding and volumes come from the feed, not from the data's candles.</param>
    public MarketView(MarketDataSet data, string priceInterval, BookOptions book, LivePriceFeed? feed = null)
    {
        _data = data;
        _feed = feed;
        _book = book;
        _priceIntervalMs = CandleIntervalNames.Milliseconds(priceInterval);
        Snapshot = data.Snapshot;
        var count = Snapshot.Universe.Count;
        _sources = new CoinSources?[count];
        _funding = new FundingSource?[count];
        _hasData = new bool[count];
        _lastBooks = new (decimal, decimal, SyntheticBook)?[count];
        _recentMarks = new RecentMarks(count);
        var coins = new HashSet<string>(data.Coins, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            _hasData[i] = coins.Contains(Snapshot.Universe[i].Name) && PriceIntervals(Snapshot.Universe[i].Name).Count > 0;
        }
    }

    public VenueSnapshot Snapshot { get; }

    public MarketDataSet Data => _data;

    public int AssetCount => _hasData.Length;

    /// <summary>Live-price mode: marks come from a feed that grows while the engine runs (otherwise a mark depends on the asset and the time alone).</summary>
    public bool IsLive => _feed is not null;

    /// <summary>The path grid: a quarter of the price interval. Between grid times the mark's 3 s steps lie on one line; at a grid time it may gap (a candle open).</summary>
    public long GridMs => _priceIntervalMs / MarkPath.Quarters;

    public UniverseAsset Asset(int assetId) => Snapshot.Universe[assetId];

    public bool IsValidAsset(int assetId) => assetId >= 0 && assetId < _hasData.Length;

    /// <summary>True when the bundled data has candles for the asset (otherwise it is served as delisted).</summary>
    public bool HasData(int assetId) =>
        IsValidAsset(assetId) && (_feed is { } feed ? !Asset(assetId).IsDelisted && feed.HasPrice(Asset(assetId).Name) : _hasData[assetId]);


    public int? FindAsset(string coin) => Snapshot.Find(coin)?.AssetId;

    /// <summary>The exact (unrounded) mark at <paramref name="timeMs"/> (the price of its 3 s step), or null before the asset's data begins.</summary>
    public decimal? Mark(int assetId, long timeMs)
    {
        if (_feed is { } feed)
        {
            return IsValidAsset(assetId) ? feed.PriceAt(Asset(assetId).Name, timeMs) : null;
        }

        if (!HasData(assetId))
        {
            return null;
        }

        // On recorded candles a mark depends on the asset and the time alone: the last few asked per asset are kept.
        if (_recentMarks.TryGet(assetId, timeMs, out var recent))
        {
            return recent;
        }

        var mark = PathMark(assetId, timeMs);
        _recentMarks.Put(assetId, timeMs, mark);
        return mark;
    }

    /// <summary>The mark on the recorded candles' path (<see cref="Mark"/> without its kept marks).</summary>
    private decimal? PathMark(int assetId, long timeMs)
    {
        var sources = Sources(assetId);
        foreach (var series in sources.Series)
        {
            var index = series.IndexContaining(timeMs);
            if (index >= 0)
            {
                return MarkPath.PriceAt(series, index, timeMs);
            }
        }

        // Past the end of every series: the price freezes at the last close of the latest-ending one.
        CandleSeries? latest = null;
        foreach (var series in sources.Series)
        {
            if (series.EndMs <= timeMs && (latest is null || series.EndMs > latest.EndMs))
            {
                latest = series;
            }
        }

        return latest?.Close(latest.Count - 1);
    }

    /// <summary>
    /// The first time in [from, to] at which the mark is at or beyond <paramref name="level"/>: on the candle path, the
    /// start of the first 3 s step beyond it; in live-price mode, the first recorded price beyond it.
    /// </summary>
    public long? FirstBeyond(int assetId, long from, long to, decimal level, bool above) => _feed is { } feed
        ? feed.FirstBeyond(Asset(assetId).Name, from, to, level, above)
        : Engine.MarketStepper.FirstStepBeyond(new AssetMarks(this, assetId), from, to, GridMs, level, above);

    /// <summary>One asset's marks, read by the stepper's search without a delegate.</summary>
    private readonly struct AssetMarks(MarketView market, int assetId) : Engine.MarketStepper.IMarks
    {
        public decimal? At(long timeMs) => market.Mark(assetId, timeMs);
    }

    /// <summary>
    /// The synthetic book around <paramref name="mid"/> at <paramref name="timeMs"/> (its depth follows the recorded
    /// volume of the last 24 h); the last one built per asset is reused while the mid and the depth are unchanged.
    /// </summary>
    public SyntheticBook Book(int assetId, decimal mid, long timeMs)
    {
        var levelNotional = LevelNotional(assetId, timeMs);
        var cached = _lastBooks[assetId];
        if (cached is not null && cached.Value.Mid == mid && cached.Value.LevelNotional == levelNotional)
        {
            return cached.Value.Book;
        }

        var book = SyntheticBook.Build(mid, Asset(assetId).SzDecimals, _book, levelNotional);
        _lastBooks[assetId] = (mid, levelNotional, book);
        return book;
    }

    /// <summary>The USD notional of one book level at <paramref name="timeMs"/>: the configured one, else a share of the last 24 h's volume.</summary>
    public decimal LevelNotional(int assetId, long timeMs) =>
        _book.LevelNotionalUsd ?? _book.LevelNotional(DayVolume(assetId, timeMs).Notional);

    /// <summary>
    /// Coins traded in the 3 s mark step at <paramref name="timeMs"/>: the recorded base volume of the price-interval
    /// candle containing it, spread evenly over the candle's steps (the tape resting orders fill from).
    /// </summary>
    public decimal StepVolume(int assetId, long timeMs)
    {
        if (_feed is { } feed)
        {
            return HasData(assetId) && feed.ContextAt(Asset(assetId).Name, timeMs) is { } context ? context.DayBaseVolume * MarkPath.StepMs / DayMs : 0m;
        }

        if (!HasData(assetId))
        {
            return 0m;
        }

        foreach (var series in Sources(assetId).Series)
        {
            var index = series.IndexContaining(timeMs);
            if (index >= 0)
            {
                return series.Volume(index) * MarkPath.StepMs / series.IntervalMs;
            }
        }

        return 0m;
    }

    /// <summary>Best bid and ask around <paramref name="mid"/>.</summary>
    public (decimal Bid, decimal Ask) Top(int assetId, decimal mid) => SyntheticBook.Top(mid, Asset(assetId).SzDecimals, _book);

    /// <summary>The latest funding print at or before <paramref name="timeMs"/> (the rate a <c>metaAndAssetCtxs</c> shows).</summary>
    public decimal? CurrentFunding(int assetId, long timeMs)
    {
        if (_feed is { } feed)
        {
            return HasData(assetId) ? feed.ContextAt(Asset(assetId).Name, timeMs)?.Funding : null;
        }

        var funding = FundingSeriesOf(assetId);
        var index = funding?.LastIndexAtOrBefore(timeMs) ?? -1;
        return index >= 0 ? funding!.Rate(index) : null;
    }

    /// <summary>The rate settled at the top of hour <paramref name="hourMs"/>: the print of that hour (venue timestamps jitter by ms), else the previous one.</summary>
    public decimal? FundingForHour(int assetId, long hourMs) => CurrentFunding(assetId, hourMs + 59_999);

    /// <summary>The funding history of an asset with data (looked up once per asset: the data set's files do not change).</summary>
    public FundingSeries? FundingSeriesOf(int assetId)
    {
        if (_feed is not null || !HasData(assetId))
        {
            return null;
        }

        var source = Volatile.Read(ref _funding[assetId]);
        if (source is null)
        {
            source = new FundingSource(_data.Funding(Asset(assetId).Name));
            Volatile.Write(ref _funding[assetId], source);
        }

        return source.Series;
    }

    /// <summary>Open interest in coins: the snapshot's open-interest notional held constant, converted at the current mark.</summary>
    public decimal OpenInterest(int assetId, decimal mark)
    {
        var asset = Asset(assetId);
        return mark > 0 ? PriceMath.RoundSizeDown(asset.SnapshotOpenInterest * asset.SnapshotMarkPx / mark, asset.SzDecimals) : 0m;
    }

    /// <summary>Notional and base volume of the completed price-interval candles of the last 24 hours.</summary>
    public (decimal Notional, decimal Base) DayVolume(int assetId, long timeMs)
    {
        if (_feed is { } feed)
        {
            return HasData(assetId) && feed.ContextAt(Asset(assetId).Name, timeMs) is { } context ? (context.DayNotionalVolume, context.DayBaseVolume) : (0m, 0m);
        }

        if (!HasData(assetId))
        {
            return (0m, 0m);
        }

        foreach (var series in Sources(assetId).Series)
        {
            var current = series.IndexContaining(timeMs);
            if (current < 0)
            {
                continue;
            }

            var first = series.FirstIndexAtOrAfter(timeMs - DayMs);
            if (first >= current)
            {
                return (0m, 0m);
            }

            var notional = series.CumulativeNotional(current) - series.CumulativeNotional(first);
            var baseVolume = series.CumulativeVolume(current) - series.CumulativeVolume(first);
            return (notional, baseVolume);
        }

        return (0m, 0m);
    }

    private CoinSources Sources(int assetId)
    {
        var sources = Volatile.Read(ref _sources[assetId]);
        if (sources is null)
        {
            var coin = Asset(assetId).Name;
            var series = new List<CandleSeries>();
            foreach (var interval in PriceIntervals(coin))
            {
                series.Add(_data.Candles(coin, interval)!);
            }

            sources = new CoinSources([.. series]);
            Volatile.Write(ref _sources[assetId], sources);
        }

        return sources;
    }

    /// <summary>Native intervals that are whole multiples of the price interval, finest first (so their path points fall on the grid).</summary>
    private List<string> PriceIntervals(string coin)
    {
        var result = new List<string>();
        foreach (var interval in _data.NativeIntervals(coin))
        {
            var ms = CandleIntervalNames.Milliseconds(interval);
            if (ms >= _priceIntervalMs && ms % _priceIntervalMs == 0)
            {
                result.Add(interval);
            }
        }

        return result;
    }

    private sealed record CoinSources(CandleSeries[] Series);

    private sealed record FundingSource(FundingSeries? Series);
}

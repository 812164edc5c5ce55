using BenchmarkDotNet.Attributes;
using Halyard.Domain;
using Halyard.MarketData;

namespace Halyard.Bench;

/// <summary>
/// One decision cycle of market data for 10 coins: a new 3m candle and a revised in-progress 4h candle
/// per coin, then the snapshot of each. <see cref="UpdateAndBuild"/> drives the indicator states
/// directly; <see cref="ThroughCacheAndFeed"/> goes the production way (candle cache + feed) against an
/// in-memory source, so it adds the request planning, merging and async plumbing.
/// Run: dotnet run -c Release --project bench/Halyard.Bench -- --filter '*IndicatorBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int Coins = 10;
    private const long ThreeMinutes = 180_000;
    private const long FourHours = 14_400_000;
    private const long Start = 1_753_488_000_000; // 2025-07-26T00:00:00Z

    private readonly MarketSnapshotOptions _options = new();
    private MarketSnapshotBuilder _builder = null!;
    private IndicatorState[] _intraday = null!;
    private IndicatorState[] _fourHour = null!;
    private AssetContext[] _contexts = null!;
    private long _now;

    private ManualClock _clock = null!;
    private MarketDataFeed _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _builder = new MarketSnapshotBuilder(_options);
        _contexts = Enumerable.Range(0, Coins)
            .Select(i => new AssetContext($"C{i}", 100m + i, 100m + i, 100m + i, 1_000_000m, 0.00001m, 99m, 50_000_000m, null))
            .ToArray();
        _intraday = new IndicatorState[Coins];
        _fourHour = new IndicatorState[Coins];
        for (var c = 0; c < Coins; c++)
        {
            _intraday[c] = _options.CreateState(CandleInterval.ThreeMinutes);
            _fourHour[c] = _options.CreateState(CandleInterval.FourHours);
            for (var i = 300; i > 0; i--)
            {
                _intraday[c].Apply(SyntheticSource.CandleAt(c, Start - (i * ThreeMinutes), ThreeMinutes));
                _fourHour[c].Apply(SyntheticSource.CandleAt(c, Start - (i * FourHours), FourHours));
            }
        }

        _now = Start;

        _clock = new ManualClock(Start + 60_000);
        var cache = new CandleCache(new SyntheticSource(), _clock, _options);
        _feed = new MarketDataFeed(cache, _builder);
        _feed.RefreshAsync(_contexts, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public int UpdateAndBuild()
    {
        var built = 0;
        for (var c = 0; c < Coins; c++)
        {
            _intraday[c].Apply(SyntheticSource.CandleAt(c, _now, ThreeMinutes));
            _fourHour[c].Apply(SyntheticSource.CandleAt(c, _now - (_now % FourHours), FourHours));
            built += _builder.Build(_contexts[c], _intraday[c], _fourHour[c]).Intraday.Close.Count;
        }

        _now += ThreeMinutes;
        return built;
    }

    [Benchmark]
    public int ThroughCacheAndFeed()
    {
        _clock.AdvanceMs(ThreeMinutes);
        return _feed.RefreshAsync(_contexts, CancellationToken.None).GetAwaiter().GetResult().Snapshots.Count;
    }

    /// <summary>A settable clock (the bench cannot use the test package's FakeTimeProvider).</summary>
    private sealed class ManualClock(long startMs) : TimeProvider
    {
        private long _ms = startMs;

        public void AdvanceMs(long ms) => _ms += ms;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(_ms);
    }

    /// <summary>Deterministic candles for any coin and time, computed on demand (no storage, no randomness).</summary>
    private sealed class SyntheticSource : ICandleSource
    {
        public static Candle CandleAt(int coin, long openMs, long intervalMs)
        {
            var t = openMs / (double)intervalMs;
            var open = 100.0 + coin + (5 * Math.Sin(t / 17.0)) + Math.Sin(t * 1.3);
            var close = 100.0 + coin + (5 * Math.Sin((t + 1) / 17.0)) + Math.Sin((t + 1) * 1.3);
            return new Candle(
                openMs,
                (decimal)open,
                (decimal)(Math.Max(open, close) + 0.3),
                (decimal)(Math.Min(open, close) - 0.3),
                (decimal)close,
                (decimal)(10 + Math.Abs(Math.Cos(t))));
        }

        public Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken)
        {
            var index = int.Parse(coin.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var candles = new List<Candle>();
            for (var t = startMs; t <= endMs; t += interval.Milliseconds)
            {
                candles.Add(CandleAt(index, t, interval.Milliseconds));
            }

            return Task.FromResult(Result<IReadOnlyList<Candle>>.Success(candles));
        }
    }
}

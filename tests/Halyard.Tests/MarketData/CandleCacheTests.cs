using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.MarketData;

public class CandleCacheTests
{
    private const long Minute = 60_000;
    private static readonly CandleInterval M3 = CandleInterval.ThreeMinutes;
    private static readonly IReadOnlyList<Candle> Btc3m = CandleFixtures.Load("BTC_3m.csv.gz");

    private sealed record Sut(CandleCache Cache, FakeCandleSource Source, FakeTimeProvider Time)
    {
        /// <summary>Sets the clock one minute into the 3m candle <paramref name="index"/> (it is in progress).</summary>
        public void InCandle(int index, long extraMs = Minute) =>
            Time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Btc3m[index].OpenTimeMs + extraMs));

        public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    private static Sut CreateSut(int lookback = 300)
    {
        var time = new FakeTimeProvider();
        var source = new FakeCandleSource(time, new Dictionary<CandleInterval, IReadOnlyList<Candle>> { [M3] = Btc3m });
        var cache = new CandleCache(source, time, new MarketSnapshotOptions(), new CandleCacheOptions { LookbackCandles = lookback });
        return new Sut(cache, source, time);
    }

    [Fact]
    public async Task RefreshAsync_FirstTime_FetchesLookbackWindowAtWarmupWeight()
    {
        var sut = CreateSut();
        sut.InCandle(299);

        var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.True(refresh.IsSuccess);
        var (coin, interval, start, end) = Assert.Single(sut.Source.Requests);
        Assert.Equal(("BTC", M3, Btc3m[0].OpenTimeMs, sut.NowMs), (coin, interval, start, end));
        Assert.True(refresh.Request!.IsInitial);
        Assert.Equal(300, refresh.Request.ExpectedCandles);
        Assert.Equal(25, refresh.Request.ExpectedWeight); // 20 + 300/60
        Assert.Equal(25, refresh.Weight);
        Assert.Equal(new ApplyCounts(300, 0, 0), refresh.Counts);
        Assert.Equal(300, refresh.State.CandleCount);
        Assert.Equal(FakeCandleSource.Partial(Btc3m[299], sut.NowMs, M3), refresh.State.Last);
        Assert.Same(refresh.State, sut.Cache.Get("BTC", M3));
    }

    [Fact]
    public async Task RefreshAsync_HundredCycles_OneRequestEachFromNewestOpenAndMatchesNaive()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        for (var k = 300; k < 400; k++)
        {
            var newestBefore = sut.Cache.Get("BTC", M3)!.Last!.OpenTimeMs;
            sut.InCandle(k);

            var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

            Assert.True(refresh.IsSuccess);
            Assert.Equal(newestBefore, sut.Source.Requests[^1].StartMs);
            Assert.False(refresh.Request!.IsInitial);
            Assert.Equal(new ApplyCounts(Appended: 1, Replaced: 1, Ignored: 0), refresh.Counts);
            Assert.Equal(20, refresh.Weight);
        }

        Assert.Equal(101, sut.Cache.RequestCount);
        Assert.Equal(101, sut.Source.Requests.Count);
        Assert.Equal(25 + (100 * 20), sut.Cache.WeightSpent);
        var expected = Btc3m.Take(399).Append(FakeCandleSource.Partial(Btc3m[399], sut.NowMs, M3)).ToArray();
        SeriesAssert.Matches(NaiveIndicators.Compute(expected), sut.Cache.Get("BTC", M3)!.ToSeries(), "after 100 cycles");
    }

    [Fact]
    public async Task RefreshAsync_TwoCoinsTwoIntervals_EachKeyItsOwnStateAsInACacheOfThatKeyAlone()
    {
        var h4 = CandleInterval.FourHours;
        var candles = new Dictionary<CandleInterval, IReadOnlyList<Candle>> { [M3] = Btc3m, [h4] = CandleFixtures.Load("BTC_4h.csv.gz") };
        var time = new FakeTimeProvider();
        CandleCache Cache() => new(new FakeCandleSource(time, candles), time, new MarketSnapshotOptions(), new CandleCacheOptions { LookbackCandles = 300 });
        var shared = Cache();
        (string Coin, CandleInterval Interval)[] keys = [("BTC", M3), ("ETH", M3), ("BTC", h4), ("ETH", h4)];
        var alone = keys.ToDictionary(k => k, _ => Cache());
        for (var k = 299; k < 330; k++)
        {
            time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Btc3m[k].OpenTimeMs + Minute));
            foreach (var key in keys)
            {
                var refresh = await shared.RefreshAsync(key.Coin, key.Interval, CancellationToken.None);
                var single = await alone[key].RefreshAsync(key.Coin, key.Interval, CancellationToken.None);
                Assert.Equal(single.Request, refresh.Request);
                Assert.Equal(single.State!.ToSeries().Close, refresh.State!.ToSeries().Close);
                Assert.Equal(single.State.Last, refresh.State.Last);
            }
        }

        Assert.Equal(4, keys.Select(k => shared.Get(k.Coin, k.Interval)).Distinct().Count());
        Assert.Null(shared.Get("BTC", CandleInterval.Parse("5m")));
        Assert.Null(shared.Get("SOL", M3));
        Assert.NotNull(shared.Plan("SOL", M3));
    }

    [Fact]
    public async Task RefreshAsync_SameInstantTwice_SecondSendsNothing()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        var again = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.True(again.IsSuccess);
        Assert.Null(again.Request);
        Assert.Equal(0, again.Weight);
        Assert.Single(sut.Source.Requests);
        Assert.Null(sut.Cache.Plan("BTC", M3));
    }

    [Fact]
    public async Task RefreshAsync_LaterInSameCandle_ReplacesTheInProgressCandle()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        sut.InCandle(299, extraMs: 2 * Minute);

        var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.Equal(new ApplyCounts(0, 1, 0), refresh.Counts);
        Assert.Equal(1, refresh.Request!.ExpectedCandles);
        Assert.Equal(300, refresh.State!.CandleCount);
        Assert.Equal(FakeCandleSource.Partial(Btc3m[299], sut.NowMs, M3), refresh.State.Last);
    }

    [Fact]
    public async Task RefreshAsync_GapLongerThanLookback_RebuildsFromAFreshLookback()
    {
        var sut = CreateSut(lookback: 81);
        sut.InCandle(80);
        var first = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        sut.InCandle(80 + 82);

        var plan = sut.Cache.Plan("BTC", M3);
        var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.True(plan!.IsInitial);
        Assert.Equal(plan, refresh.Request);
        Assert.Equal(Btc3m[162 - 80].OpenTimeMs, sut.Source.Requests[^1].StartMs);
        Assert.NotSame(first.State, refresh.State);
        Assert.Equal(81, refresh.State!.CandleCount);
    }

    [Fact]
    public async Task RefreshAsync_GapWithinLookback_FetchesTheGapIntoTheSameState()
    {
        var sut = CreateSut(lookback: 81);
        sut.InCandle(80);
        var first = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        sut.InCandle(80 + 50);

        var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.Same(first.State, refresh.State);
        Assert.Equal(51, refresh.Request!.ExpectedCandles);
        Assert.Equal(new ApplyCounts(50, 1, 0), refresh.Counts);
        Assert.Equal(131, refresh.State!.CandleCount);
    }

    [Fact]
    public async Task RefreshAsync_SourceFails_StateKeptAndNextRefreshAsksTheSameWindow()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        var state = sut.Cache.Get("BTC", M3)!;
        var lastBefore = state.Last;
        sut.InCandle(300);
        sut.Source.Failures["BTC"] = new Queue<Halyard.Domain.Error>([FakeCandleSource.Error(ErrorClass.Temporary)]);

        var failed = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        var retried = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.False(failed.IsSuccess);
        Assert.Equal(ErrorClass.Temporary, failed.Error.Class);
        Assert.Equal(20, failed.Weight);
        Assert.Equal(sut.Source.Requests[^2], sut.Source.Requests[^1]);
        Assert.Equal(lastBefore!.OpenTimeMs, sut.Source.Requests[^1].StartMs);
        Assert.True(retried.IsSuccess);
        Assert.Same(state, retried.State);
        Assert.Equal(301, state.CandleCount);
        Assert.Equal(3, sut.Cache.RequestCount);
    }

    [Fact]
    public async Task RefreshAsync_FirstFetchFails_NoStateExposed()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        sut.Source.Failures["BTC"] = new Queue<Halyard.Domain.Error>([FakeCandleSource.Error(ErrorClass.RateLimited)]);

        var failed = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.False(failed.IsSuccess);
        Assert.Null(sut.Cache.Get("BTC", M3));
        Assert.True(sut.Cache.Plan("BTC", M3)!.IsInitial);
    }

    [Fact]
    public async Task RefreshAsync_UnsortedWithStaleAndFutureCandles_SortsAndIgnoresThem()
    {
        var sut = CreateSut();
        sut.InCandle(299);
        await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);
        sut.InCandle(301);
        var future = Btc3m[305];
        sut.Source.Transform = served => [.. served.Reverse(), Btc3m[10], future];

        var refresh = await sut.Cache.RefreshAsync("BTC", M3, CancellationToken.None);

        Assert.Equal(new ApplyCounts(Appended: 2, Replaced: 1, Ignored: 2), refresh.Counts);
        Assert.Equal(Btc3m[301].OpenTimeMs, refresh.State!.Last!.OpenTimeMs);
        var expected = Btc3m.Take(301).Append(FakeCandleSource.Partial(Btc3m[301], sut.NowMs, M3)).ToArray();
        SeriesAssert.Matches(NaiveIndicators.Compute(expected), refresh.State.ToSeries(), "sorted");
    }

    [Fact]
    public async Task RefreshAsync_CoinWithoutCandles_LaterAsksOnlyFromTheLastFetch()
    {
        var time = new FakeTimeProvider();
        var source = new FakeCandleSource(time, new Dictionary<CandleInterval, IReadOnlyList<Candle>> { [M3] = [] });
        var cache = new CandleCache(source, time, new MarketSnapshotOptions());
        time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Btc3m[0].OpenTimeMs + Minute));
        var first = await cache.RefreshAsync("NEW", M3, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(3));

        var second = await cache.RefreshAsync("NEW", M3, CancellationToken.None);

        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.Null(first.State.Last);
        Assert.False(second.Request!.IsInitial);
        Assert.Equal(Btc3m[0].OpenTimeMs, source.Requests[^1].StartMs);
        Assert.Equal(2, second.Request.ExpectedCandles);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(5001)]
    public void Constructor_LookbackOutOfRange_NamesTheOption(int lookback)
    {
        var time = new FakeTimeProvider();
        var source = new FakeCandleSource(time, new Dictionary<CandleInterval, IReadOnlyList<Candle>>());
        var error = Assert.Throws<ArgumentException>(
            () => new CandleCache(source, time, new MarketSnapshotOptions(), new CandleCacheOptions { LookbackCandles = lookback }));
        Assert.Contains($"LookbackCandles = {lookback}", error.Message, StringComparison.Ordinal);
    }
}

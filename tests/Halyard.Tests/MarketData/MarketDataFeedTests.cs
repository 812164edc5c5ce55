using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.MarketData;

public class MarketDataFeedTests
{
    private static readonly IReadOnlyList<Candle> Btc3m = CandleFixtures.Load("BTC_3m.csv.gz");
    private static readonly IReadOnlyList<Candle> Btc4h = CandleFixtures.Load("BTC_4h.csv.gz");

    private static readonly AssetContext[] Coins =
    [
        new("BTC", 117_900m, 117_905m, 117_880m, 30_000m, 0.0000125m, 118_500m, 2_000_000_000m, null),
        new("ETH", 3_700m, null, 3_701m, 500_000m, -0.00001m, 3_650m, 900_000_000m, null),
    ];

    private sealed record Sut(MarketDataFeed Feed, CandleCache Cache, FakeCandleSource Source, FakeTimeProvider Time);

    private static Sut CreateSut()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Btc3m[^1].OpenTimeMs + 60_000));
        var source = new FakeCandleSource(
            time,
            new Dictionary<CandleInterval, IReadOnlyList<Candle>> { [CandleInterval.ThreeMinutes] = Btc3m, [CandleInterval.FourHours] = Btc4h });
        var options = new MarketSnapshotOptions();
        var cache = new CandleCache(source, time, options);
        return new Sut(new MarketDataFeed(cache, new MarketSnapshotBuilder(options)), cache, source, time);
    }

    [Fact]
    public async Task RefreshAsync_TwoCoins_BothSnapshotsFromFourRequestsWithinTheExpectedWeight()
    {
        var sut = CreateSut();
        var expectedWeight = sut.Feed.ExpectedWeight(Coins.Select(c => c.Coin));

        var batch = await sut.Feed.RefreshAsync(Coins, CancellationToken.None);

        Assert.Equal(["BTC", "ETH"], batch.Snapshots.Select(s => s.Coin));
        Assert.Empty(batch.Failures);
        Assert.Equal(4, batch.Requests);
        Assert.Equal(4 * 25, expectedWeight);
        Assert.Equal(sut.Cache.WeightSpent, batch.Weight);
        Assert.InRange(batch.Weight, 4 * 20, expectedWeight);
        Assert.Equal(3_700m, batch.Snapshots[1].Price); // no mid → mark
        Assert.NotNull(batch.Snapshots[0].Change4hPct);
    }

    [Fact]
    public async Task RefreshAsync_NextCycle_OnlyNewCandlesAtBaseWeight()
    {
        var sut = CreateSut();
        await sut.Feed.RefreshAsync(Coins, CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromMinutes(3));

        var expectedWeight = sut.Feed.ExpectedWeight(Coins.Select(c => c.Coin));
        var batch = await sut.Feed.RefreshAsync(Coins, CancellationToken.None);

        Assert.Equal(4 * 20, expectedWeight);
        Assert.Equal(4, batch.Requests);
        Assert.Equal(2, batch.Snapshots.Count);
        Assert.Equal(8, sut.Source.Requests.Count);
    }

    [Fact]
    public async Task RefreshAsync_OneCoinFailsTemporarily_OthersStillBuilt()
    {
        var sut = CreateSut();
        sut.Source.Failures["BTC"] = new Queue<Error>([FakeCandleSource.Error(ErrorClass.Temporary)]);

        var batch = await sut.Feed.RefreshAsync(Coins, CancellationToken.None);

        Assert.Equal("ETH", Assert.Single(batch.Snapshots).Coin);
        var failure = Assert.Single(batch.Failures);
        Assert.Equal(("BTC", CandleInterval.ThreeMinutes, ErrorClass.Temporary), (failure.Coin, failure.Interval, failure.Error.Class));
        Assert.Equal(3, batch.Requests); // BTC 4h is not asked once BTC 3m failed
    }

    [Fact]
    public async Task RefreshAsync_RateLimited_StopsAskingForTheRestOfTheCycle()
    {
        var sut = CreateSut();
        sut.Source.Failures["BTC"] = new Queue<Error>([FakeCandleSource.Error(ErrorClass.RateLimited)]);

        var batch = await sut.Feed.RefreshAsync(Coins, CancellationToken.None);

        Assert.Empty(batch.Snapshots);
        Assert.Equal(["BTC", "ETH"], batch.Failures.Select(f => f.Coin));
        Assert.All(batch.Failures, f => Assert.Equal(ErrorClass.RateLimited, f.Error.Class));
        Assert.Single(sut.Source.Requests);
    }
}

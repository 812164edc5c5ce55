using System.Text.Json;
using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>
/// Liquidation as the venue's docs describe it: through the book, 20 % at a time for positions above $100,000 with a
/// 30 s cooldown; under 2/3 of maintenance margin the backstop takes the position together with its margin.
/// </summary>
public sealed class LiquidationThroughBookTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A book deep enough that opening the position takes one level.</summary>
    private static readonly PaperExchangeOptions Deep = new() { Book = new BookOptions(LevelNotionalUsd: 1_000_000m) };

    [Fact]
    public async Task LargePosition_SlowSlide_FirstLiquidationSendsTwentyPercentToTheBook_ThenWaitsThirtySeconds()
    {
        // 1h candles: flat at 100,000, then a slide to 97,000 over a quarter hour (≈ 3.3 USD per 3 s step).
        using var market = new SyntheticMarket("1h", Start, (100_000m, 100_000m, 100_000m, 100_000m, 1_000m), (100_000m, 100_000m, 97_000m, 97_000m, 1_000m), (97_000m, 97_000m, 97_000m, 97_000m, 1_000m));
        var options = new PaperExchangeOptions { PriceInterval = "1h", Book = new BookOptions(LevelNotionalUsd: 1_000_000m) };
        using var h = new PaperHarness(options, Start, aliceUsdc: 5_000m, data: market.Data);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":40}")).GetProperty("status").GetString());
        Assert.True((await h.OrderAsync(Btc, true, "101000", "1.6", "Ioc")).TryGetProperty("filled", out _));

        h.Advance(TimeSpan.FromHours(3));

        var liquidations = (await Fills(h)).Where(f => f.TryGetProperty("liquidation", out _)).ToArray();
        Assert.NotEmpty(liquidations);
        var first = liquidations[0];
        Assert.Equal(0.32m, Dec(first.GetProperty("sz"))); // 20 % of 1.6 BTC ($160k)
        Assert.Equal("market", first.GetProperty("liquidation").GetProperty("method").GetString());
        Assert.True(first.GetProperty("crossed").GetBoolean());
        Assert.True(Dec(first.GetProperty("fee")) > 0m);
        Assert.True(Dec(first.GetProperty("px")) < Dec(first.GetProperty("liquidation").GetProperty("markPx")), "a sell through the book fills below the mark");
        var times = liquidations.Select(f => f.GetProperty("time").GetInt64()).Distinct().ToArray();
        Assert.All(times.Skip(1).Zip(times), pair => Assert.True(pair.First - pair.Second >= 3_000, $"{pair.Second} → {pair.First}"));
        if (times.Length > 1)
        {
            Assert.True(times[1] - times[0] >= 30_000, "the cooldown after a partial liquidation");
        }

        Assert.Equal(0m, await h.PositionAsync("BTC"));
    }

    [Fact]
    public async Task CrossPosition_GapUnderTwoThirdsOfMaintenance_BackstopTakesThePositionAndTheCrossMargin()
    {
        using var market = Gap();
        using var h = new PaperHarness(Deep, Start, aliceUsdc: 5_000m, data: market.Data);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":40}")).GetProperty("status").GetString());
        Assert.True((await h.OrderAsync(Btc, true, "101000", "1", "Ioc")).TryGetProperty("filled", out _));

        h.Advance(TimeSpan.FromMinutes(10));

        var backstop = (await Fills(h)).Single(f => f.TryGetProperty("liquidation", out _));
        Assert.Equal("backstop", backstop.GetProperty("liquidation").GetProperty("method").GetString());
        Assert.Equal(90_000m, Dec(backstop.GetProperty("px")));
        Assert.Equal(1m, Dec(backstop.GetProperty("sz")));
        Assert.Equal(0m, Dec(backstop.GetProperty("fee")));
        Assert.Equal(0m, await h.PositionAsync("BTC"));
        Assert.Equal(0m, Dec((await h.StateAsync()).GetProperty("marginSummary").GetProperty("accountValue")));
    }

    [Fact]
    public async Task IsolatedPosition_GapUnderTwoThirdsOfMaintenance_BackstopTakesExactlyItsMargin()
    {
        using var market = Gap();
        using var h = new PaperHarness(Deep, Start, aliceUsdc: 10_000m, data: market.Data);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":false,\"leverage\":40}")).GetProperty("status").GetString());
        Assert.True((await h.OrderAsync(Btc, true, "101000", "1", "Ioc")).TryGetProperty("filled", out _));
        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        var isolatedMargin = Dec(position.GetProperty("marginUsed")) - Dec(position.GetProperty("unrealizedPnl")); // marginUsed shows margin + unrealized PnL
        var entryFee = Dec((await Fills(h))[0].GetProperty("fee"));

        h.Advance(TimeSpan.FromMinutes(10));

        var backstop = (await Fills(h)).Single(f => f.TryGetProperty("liquidation", out _));
        Assert.Equal("backstop", backstop.GetProperty("liquidation").GetProperty("method").GetString());
        var value = Dec((await h.StateAsync()).GetProperty("marginSummary").GetProperty("accountValue"));
        Assert.InRange(value, 10_000m - entryFee - isolatedMargin - 0.01m, 10_000m - entryFee - isolatedMargin + 0.01m);
    }

    /// <summary>5m candles: flat at 100,000, then a candle opening 10 % lower (the mark gaps there).</summary>
    private static SyntheticMarket Gap() =>
        new("5m", Start, (100_000m, 100_000m, 100_000m, 100_000m, 100m), (90_000m, 90_000m, 90_000m, 90_000m, 100m), (90_000m, 90_000m, 90_000m, 90_000m, 100m));

    private static async Task<JsonElement[]> Fills(PaperHarness h) =>
        [.. (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().OrderBy(f => f.GetProperty("time").GetInt64()).ThenBy(f => f.GetProperty("tid").GetInt64())];
}

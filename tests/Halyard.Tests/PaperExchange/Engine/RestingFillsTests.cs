using System.Text.Json;
using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>Resting orders fill from each 3 s step's traded volume behind their queue, in price-time priority among our own orders.</summary>
public sealed class RestingFillsTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThreeRestingBuys_BetterPriceFirst_ThenOlderFirst_InPartialFillsNoLargerThanTheStepVolume()
    {
        // 100,000 for 75 s, then a slide to 99,000 by 150 s, held: 1 BTC traded in the 5 minutes = 0.01 BTC per 3 s step.
        using var market = new SyntheticMarket("5m", Start, (100_000m, 100_000m, 99_000m, 99_000m, 1m), (99_000m, 99_000m, 99_000m, 99_000m, 1m));
        var options = new PaperExchangeOptions { Book = new BookOptions(LevelNotionalUsd: 1_000m) };
        using var h = new PaperHarness(options, Start, aliceUsdc: 100_000m, data: market.Data);
        var older = Oid(await h.OrderAsync(Btc, true, "99500", "0.05", "Gtc"));
        var newer = Oid(await h.OrderAsync(Btc, true, "99500", "0.05", "Gtc"));
        var better = Oid(await h.OrderAsync(Btc, true, "99800", "0.05", "Gtc"));

        h.Advance(TimeSpan.FromMinutes(5));

        var fills = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().ToArray();
        Assert.All(fills, f => Assert.False(f.GetProperty("crossed").GetBoolean()));
        Assert.All(fills, f => Assert.InRange(Dec(f.GetProperty("sz")), 0.00001m, 0.01m));
        Assert.Equal(0.15m, await h.PositionAsync("BTC"));
        var byOid = fills.GroupBy(f => f.GetProperty("oid").GetInt64()).ToDictionary(g => g.Key, g => g.Select(Time).OrderBy(t => t).ToArray());
        Assert.True(byOid[better].Length >= 5, "partial fills of at most a step's volume");
        Assert.True(byOid[better][0] < byOid[older][0], "the better price fills first");
        Assert.True(byOid[older][^1] <= byOid[newer][0], "at one price the older order fills before the newer gets anything");
        Assert.All(fills, f => Assert.Equal(0, Time(f) % 3_000)); // on the 3 s mark steps
    }

    private static long Oid(JsonElement status) => status.GetProperty("resting").GetProperty("oid").GetInt64();

    private static long Time(JsonElement fill) => fill.GetProperty("time").GetInt64();
}

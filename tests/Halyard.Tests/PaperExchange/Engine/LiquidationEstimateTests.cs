using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>
/// The stepper's liquidation estimate reuses the margin summaries of the maintenance check at the boundary where
/// its segment starts: the same liquidation as when every segment computes them afresh.
/// </summary>
public sealed class LiquidationEstimateTests
{
    private static readonly TimeSpan Grid = TimeSpan.FromSeconds(75); // a quarter of the 5 m price interval

    [Fact]
    public async Task MaxLeverageLong_OneAdvanceOverManyBoundaries_LiquidatedAsWithOneAdvancePerSegment()
    {
        // Reused: a day per advance, so the summaries of each grid point serve the next segment's estimate.
        using var reused = await OpenAsync();
        var days = 0;
        for (; days < 20 && await reused.PositionAsync("BTC") != 0; days++)
        {
            reused.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0m, await reused.PositionAsync("BTC"));

        // Afresh: the same days but the last, which goes one grid segment per advance (each advance starts
        // without kept summaries, so every estimate computes its own).
        using var afresh = await OpenAsync();
        for (var day = 0; day < days - 1; day++)
        {
            afresh.Advance(TimeSpan.FromDays(1));
        }

        Assert.NotEqual(0m, await afresh.PositionAsync("BTC"));
        for (var t = TimeSpan.Zero; t < TimeSpan.FromDays(1); t += Grid)
        {
            afresh.Advance(Grid);
            await afresh.PositionAsync("BTC");
        }

        var fills = "{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}";
        var reusedFills = (await reused.InfoAsync(fills)).ToString();
        Assert.Contains("liquidation", reusedFills, StringComparison.Ordinal);
        Assert.Equal(reusedFills, (await afresh.InfoAsync(fills)).ToString());
        Assert.Equal((await reused.StateAsync()).ToString(), (await afresh.StateAsync()).ToString());
    }

    private static async Task<PaperHarness> OpenAsync()
    {
        var h = new PaperHarness(aliceUsdc: 100m);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":40}")).GetProperty("status").GetString());
        await h.OrderAsync(Btc, true, "50000", "0.01", "Gtc", cloid: "0x0000000000000000000000000000000b");
        await h.OrderAsync(Btc, true, "110000", "0.03", "Ioc");
        return h;
    }
}

using System.Text.Json;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>
/// The margin summary kept per account, time and state version (<c>MarginCalculator.SummaryAt</c>, behind the typed
/// <c>clearinghouseState</c>, the maintenance check and the liquidation estimate) against the JSON answer, whose
/// writer summarizes afresh every time: the same figures after orders, fills, leverage changes, funding and a
/// liquidation on the bundled data, read twice at each instant, and each change seen at the instant it happens.
/// </summary>
public sealed class KeptSummaryTests
{
    [Fact]
    public async Task TypedState_ReadAgainAfterEveryChange_EqualsTheStateSummarizedAfresh()
    {
        using var h = new PaperHarness(aliceUsdc: 100m);
        var empty = await AssertSameAsync(h);
        Assert.Empty(empty.AssetPositions);

        // A fill at the same instant as the kept summary: the next read sees the position.
        await h.OrderAsync(Btc, true, "110000", "0.003", "Ioc");
        var opened = await AssertSameAsync(h);
        Assert.Single(opened.AssetPositions);

        // A leverage change at the same instant: the margin used moves.
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":40}")).GetProperty("status").GetString());
        var levered = await AssertSameAsync(h);
        Assert.NotEqual(opened.MarginSummary.TotalMarginUsed, levered.MarginSummary.TotalMarginUsed);

        // More size at the same instant, then a resting order and time passing (marks, funding at the tops of the hours).
        await h.OrderAsync(Btc, true, "110000", "0.027", "Ioc");
        var bigger = await AssertSameAsync(h);
        Assert.NotEqual(levered.AssetPositions[0].Position.Szi, bigger.AssetPositions[0].Position.Szi);
        await h.OrderAsync(Btc, true, "50000", "0.01", "Gtc");
        await AssertSameAsync(h);
        for (var i = 0; i < 8; i++)
        {
            h.Advance(TimeSpan.FromMinutes(37));
            await AssertSameAsync(h);
        }

        // Days until the 40× long is liquidated (the maintenance check and the estimate use the kept summaries).
        for (var day = 0; day < 20 && (await AssertSameAsync(h)).AssetPositions.Count > 0; day++)
        {
            h.Advance(TimeSpan.FromDays(1));
        }

        var fills = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).ToString();
        Assert.Contains("liquidation", fills, StringComparison.Ordinal);
        Assert.Empty((await AssertSameAsync(h)).AssetPositions);
    }

    /// <summary>Reads the typed state twice (the second from what was kept) and the JSON state; all three the same.</summary>
    private static async Task<ClearinghouseStateWire> AssertSameAsync(PaperHarness h)
    {
        var user = Alice.ToLowerInvariant();
        var first = Typed(h, user);
        var again = Typed(h, user);
        var afresh = JsonSerializer.Deserialize((await h.StateAsync()).GetRawText(), InfoJsonContext.Default.ClearinghouseStateWire)!;
        var expected = JsonSerializer.Serialize(afresh, InfoJsonContext.Default.ClearinghouseStateWire);
        Assert.Equal(expected, JsonSerializer.Serialize(first, InfoJsonContext.Default.ClearinghouseStateWire));
        Assert.Equal(expected, JsonSerializer.Serialize(again, InfoJsonContext.Default.ClearinghouseStateWire));
        return again;
    }

    private static ClearinghouseStateWire Typed(PaperHarness h, string user) =>
        h.Engine.ReadTyped("clearinghouseState", (answers, now) => answers.ClearinghouseState(user, now)).Value!;
}

using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Decisions;

public class DecisionContextTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(2, 0, 1)]
    [InlineData(3, 0, 0)]
    [InlineData(0, 4, 0)]
    [InlineData(1, 3, 1)]
    public void MaxNewOpensThisCycle_IsTheTightestOfCycleCapSlotsAndHourlyCeiling(int held, int opensLastHour, int expected)
    {
        var positions = Enumerable.Range(0, held).Select(i => Some.Long($"C{i}", 1m, 10m)).ToArray();
        var ctx = Some.Context(positions: positions) with { OpensInLastHour = opensLastHour };

        Assert.Equal(expected, ctx.MaxNewOpensThisCycle);
        Assert.Equal(Math.Max(0, 3 - held), ctx.RemainingPositionSlots);
    }

    [Theory]
    [InlineData(null, false, false, 70)]
    [InlineData(-0.4, false, false, 70)]
    [InlineData(-0.6, false, true, 80)]
    [InlineData(1.0, true, true, 80)]
    public void IsGated_FollowsSharpeThresholdAndFlags(double? sharpe, bool viewGated, bool expectedGated, int expectedMin)
    {
        var ctx = Some.Context() with { Performance = PerformanceView.Empty with { GateSharpe = sharpe, Sharpe = -500, Gated = viewGated, ClosedTrades = 10 } };

        Assert.Equal(expectedGated, ctx.IsGated);
        Assert.Equal(expectedMin, ctx.EffectiveMinConfidence);
    }

    [Fact]
    public void GuardValues_AreReadFromTheRiskLimits()
    {
        var limits = new RiskLimits { MaxMarginUsagePct = 55m, LiquidityThresholdUsd = 1m, MaxNewPositionsPerCycle = 2 };
        var ctx = Some.Context(limits: limits);

        Assert.Equal((55m, 1m, 2), (ctx.MaxMarginUsagePct, ctx.LiquidityThresholdUsd, ctx.MaxNewPositionsPerCycle));
    }

    [Fact]
    public void InCooldown_UntilCooldownAfterCloseHasPassed()
    {
        var ctx = Some.Context() with { RecentlyClosed = new Dictionary<string, DateTimeOffset> { ["SOL"] = Some.Now.AddMinutes(-14) } };
        var later = ctx with { Time = Some.Now.AddMinutes(1) };

        Assert.True(ctx.InCooldown("SOL", out var until));
        Assert.Equal(Some.Now.AddMinutes(1), until);
        Assert.False(later.InCooldown("SOL", out _));
    }

    [Theory]
    [InlineData("BTC", 20)]
    [InlineData("SOL", 10)]
    [InlineData("DOGE", 10)]
    public void LeverageCap_IsTheClassCapBoundedByTheAssetMax(string coin, int expected)
    {
        var ctx = Some.Context(limits: new RiskLimits { MajorCoinLeverage = 50 });

        Assert.Equal(coin == "BTC" ? 40 : expected, ctx.LeverageCap(coin));
    }

    [Fact]
    public void ToParseOptions_CarriesSymbolsPricesAndHeldSides()
    {
        var ctx = Some.Context(positions: [Some.Short("SOL", 2m, 180m)]);

        var options = ctx.ToParseOptions();

        Assert.Contains("SOL", options.KnownSymbols);
        Assert.Equal(180m, options.ReferencePrices["SOL"]);
        Assert.Equal(PositionSide.Short, options.PositionSides["SOL"]);
    }

    [Fact]
    public void MarginHeadroom_IsCapMinusMarginInUse()
    {
        var ctx = Some.Context(equity: 1000m, marginUsed: 300m);

        Assert.Equal(600m, ctx.MarginHeadroomUsd);
    }
}

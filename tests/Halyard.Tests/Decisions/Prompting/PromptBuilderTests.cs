using Halyard.Decisions;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Decisions.Prompting;

public class PromptBuilderTests
{
    public static TheoryData<string> LimitChanges => new()
    {
        nameof(RiskLimits.MajorCoinLeverage), nameof(RiskLimits.AltcoinLeverage), nameof(RiskLimits.LeverageOverCap),
        nameof(RiskLimits.MinConfidence), nameof(RiskLimits.MinRiskRewardRatio), nameof(RiskLimits.MaxPositions),
        nameof(RiskLimits.MaxPositionSizeUsd), nameof(RiskLimits.MaxNewPositionsPerCycle), nameof(RiskLimits.MaxNewPositionsPerHour),
        nameof(RiskLimits.CooldownAfterClose), nameof(RiskLimits.LiquidityThresholdUsd), nameof(RiskLimits.MaxMarginUsagePct),
        nameof(RiskLimits.BtcEthPositionValueMinEquityMultiple), nameof(RiskLimits.BtcEthPositionValueMaxEquityMultiple),
        nameof(RiskLimits.AltPositionValueMinEquityMultiple), nameof(RiskLimits.AltPositionValueMaxEquityMultiple),
        nameof(RiskLimits.SharpePauseThreshold), nameof(RiskLimits.MajorCoins),
        nameof(RiskLimits.MaxLossPerTradePct), nameof(RiskLimits.LossOverCap), nameof(RiskLimits.SharpeWindow),
        nameof(RiskLimits.MaxDailyLossPct), nameof(RiskLimits.MaxDrawdownPct), nameof(RiskLimits.OnBreach),
    };

    [Theory]
    [MemberData(nameof(LimitChanges))]
    public void Build_ChangedRiskLimit_ChangesTheRenderedRuleText(string limit)
    {
        var (changed, expectedText) = Change(limit);
        var before = Build(Some.Context());

        var after = Build(Some.Context(limits: changed));

        Assert.NotEqual(before.System, after.System);
        Assert.Contains(expectedText, after.System, StringComparison.Ordinal);
        Assert.DoesNotContain(expectedText, before.System, StringComparison.Ordinal);
        Assert.NotEqual(before.Digest, after.Digest);
    }

    [Fact]
    public void Build_Gated_UsesStricterLanguageAndTheRaisedMinimum()
    {
        var limits = new RiskLimits { MinConfidence = 65, GatedConfidenceBoost = 15 };
        var calm = Some.Context(limits: limits) with { Performance = PerformanceView.Empty with { Sharpe = 0.3, GateSharpe = 0.3 } };
        var gated = calm with { Performance = PerformanceView.Empty with { Sharpe = -200, GateSharpe = -0.9, ClosedTrades = 12 } };

        var calmPrompt = Build(calm);
        var gatedPrompt = Build(gated);

        Assert.Contains("Not active (per-cycle Sharpe of the last 50 cycles with a position (mean / std of the cycle returns, not annualised): 0.3;", calmPrompt.System, StringComparison.Ordinal);
        Assert.Contains("an open needs confidence ≥ 65.", calmPrompt.System, StringComparison.Ordinal);
        Assert.Contains("-0.9, fell below the pause threshold -0.5", gatedPrompt.System, StringComparison.Ordinal);
        Assert.Contains("an open needs confidence ≥ 80 (normally 65, raised by 15", gatedPrompt.System, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Fees_AreRenderedFromTheContext()
    {
        var prompt = Build(Some.Context() with { TakerFeeBps = 3.5m, MakerFeeBps = 1m });

        Assert.Contains("Taker fee 3.5 bps (0.035%) and maker fee 1 bps (0.01%)", prompt.System, StringComparison.Ordinal);
        Assert.Contains("round trip with taker fills costs 0.07% of notional", prompt.System, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Budget_SaysRemainingSlotsAndMaxOpens()
    {
        var ctx = Some.Context(positions: [Some.Long("SOL", 2m, 170m), Some.Long("ETH", 1m, 3000m), Some.Short("BTC", 0.01m, 100000m)]);

        var prompt = Build(ctx);

        Assert.Contains("Open positions: 3 of at most 3; remaining slots: 0. New opens allowed this cycle: 0", prompt.User, StringComparison.Ordinal);
        Assert.Contains("Do not propose any open this cycle.", prompt.System, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Positions_ShowTheirStopAndTargetFromTriggerOrders()
    {
        var ctx = Some.Context(positions: [Some.Long("SOL", 2m, 170m)]) with
        {
            OpenOrders =
            [
                new OpenOrder("SOL", OrderSide.Sell, 160m, 2m, 1, null, true, true, 161.5m, "Stop Market", Some.Now),
                new OpenOrder("SOL", OrderSide.Sell, 200m, 2m, 2, null, true, true, 199m, "Take Profit Market", Some.Now),
            ],
        };

        var prompt = Build(ctx);

        Assert.Contains("SOL LONG 2 @ entry 170", prompt.User, StringComparison.Ordinal);
        Assert.Contains("stop_loss 161.5, take_profit 199.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("HELD long: hold or close only", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Candidates_ShowCompactSeriesAndLiquidity()
    {
        var prompt = Build(Some.Context(snapshots: [Some.Uptrend("SOL", 180m), Some.Snapshot("DOGE", 0.2m, openInterestCoins: 10m)]));

        Assert.Contains("### SOL (alt; leverage cap 10x; size decimals 2, price decimals ≤ 4)", prompt.User, StringComparison.Ordinal);
        Assert.Contains("3m: close [178.2, ", prompt.User, StringComparison.Ordinal);
        Assert.Contains("(BELOW the liquidity threshold)", prompt.User, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameContext_SameDigest_AndDigestIsSha256OfTheFullPrompt()
    {
        var a = Build(Some.Context());
        var b = Build(Some.Context());

        Assert.Equal(a, b);
        Assert.Equal(64, a.Digest.Length);
        Assert.Equal(RenderedPrompt.DigestOf(a.System, a.User), a.Digest);
    }

    [Fact]
    public void Build_StructuredOutput_AsksForBareJson()
    {
        var prompt = new PromptBuilder(PromptTemplate.Default, new PromptOptions { StructuredOutput = true }).Build(Some.Context());

        Assert.Contains("and nothing else (the response format enforces it)", prompt.System, StringComparison.Ordinal);
        Assert.DoesNotContain("<decisions>", prompt.System, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomTemplate_IsUsed()
    {
        var template = PromptTemplate.Parse(
            "--- system ---\nRULES {{rules}} {{budget}} {{fees}} {{gating}} {{output_contract}}\n--- user ---\nDATA {{account}} {{positions}} {{candidates}} {{ cycle }}\n",
            "test");

        var prompt = new PromptBuilder(template, new PromptOptions()).Build(Some.Context());

        Assert.StartsWith("RULES 1. Leverage", prompt.System, StringComparison.Ordinal);
        Assert.EndsWith(" 7", prompt.User, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--- system ---\n{{rules}} {{budget}} {{fees}} {{gating}} {{output_contract}} {{equity}}\n--- user ---\n{{account}} {{positions}} {{candidates}}", "unknown placeholder(s) {{equity}}")]
    [InlineData("--- system ---\n{{budget}} {{fees}} {{gating}} {{output_contract}}\n--- user ---\n{{account}} {{positions}} {{candidates}}", "required placeholder(s) missing: {{rules}}")]
    [InlineData("{{rules}}", "needs a line '--- system ---'")]
    public void Parse_BadTemplate_FailsAtLoadNamingTheProblem(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => PromptTemplate.Parse(text, "my.prompt"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("my.prompt: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateFile_IsReadFromDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"halyard-prompt-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "--- system ---\n{{rules}}{{budget}}{{fees}}{{gating}}{{output_contract}}\n--- user ---\n{{account}}{{positions}}{{candidates}}\n");
        try
        {
            Assert.StartsWith("1. Leverage", new PromptBuilder(PromptTemplate.Load(path), new PromptOptions()).Build(Some.Context()).System, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static RenderedPrompt Build(DecisionContext ctx) => new PromptBuilder().Build(ctx);

    private static (RiskLimits Limits, string Text) Change(string limit) => limit switch
    {
        nameof(RiskLimits.MajorCoinLeverage) => (new RiskLimits { MajorCoinLeverage = 17 }, "at most 17x for BTC, ETH"),
        nameof(RiskLimits.AltcoinLeverage) => (new RiskLimits { AltcoinLeverage = 7 }, "at most 7x for every other coin"),
        nameof(RiskLimits.LeverageOverCap) => (new RiskLimits { LeverageOverCap = LeverageOverCapPolicy.Deny }, "leverage above the cap is rejected"),
        nameof(RiskLimits.MinConfidence) => (new RiskLimits { MinConfidence = 64 }, "confidence ≥ 64"),
        nameof(RiskLimits.MinRiskRewardRatio) => (new RiskLimits { MinRiskRewardRatio = 2.5m }, "must be ≥ 2.5."),
        nameof(RiskLimits.MaxPositions) => (new RiskLimits { MaxPositions = 5 }, "At most 5 open positions"),
        nameof(RiskLimits.MaxPositionSizeUsd) => (new RiskLimits { MaxPositionSizeUsd = 2222m }, "at most 2222.00 USD"),
        nameof(RiskLimits.MaxNewPositionsPerCycle) => (new RiskLimits { MaxNewPositionsPerCycle = 2 }, "per-cycle cap 2"),
        nameof(RiskLimits.MaxNewPositionsPerHour) => (new RiskLimits { MaxNewPositionsPerHour = 9 }, "at most 9 new positions per hour"),
        nameof(RiskLimits.CooldownAfterClose) => (new RiskLimits { CooldownAfterClose = TimeSpan.FromMinutes(45) }, "within 45m of closing"),
        nameof(RiskLimits.LiquidityThresholdUsd) => (new RiskLimits { LiquidityThresholdUsd = 25_000_000m }, "≥ 25000000.00 USD"),
        nameof(RiskLimits.MaxMarginUsagePct) => (new RiskLimits { MaxMarginUsagePct = 60m }, "≤ 60%"),
        nameof(RiskLimits.BtcEthPositionValueMinEquityMultiple) => (new RiskLimits { BtcEthPositionValueMinEquityMultiple = 4m }, "between 4× and 10×"),
        nameof(RiskLimits.BtcEthPositionValueMaxEquityMultiple) => (new RiskLimits { BtcEthPositionValueMaxEquityMultiple = 12m }, "between 5× and 12×"),
        nameof(RiskLimits.AltPositionValueMinEquityMultiple) => (new RiskLimits { AltPositionValueMinEquityMultiple = 0.5m }, "between 0.5× and 1.5×"),
        nameof(RiskLimits.AltPositionValueMaxEquityMultiple) => (new RiskLimits { AltPositionValueMaxEquityMultiple = 2m }, "between 0.8× and 2×"),
        nameof(RiskLimits.SharpePauseThreshold) => (new RiskLimits { SharpePauseThreshold = -1.25m }, "activates below -1.25"),
        nameof(RiskLimits.MajorCoins) => (new RiskLimits { MajorCoins = new HashSet<string>(StringComparer.Ordinal) { "BTC" } }, "at most 20x for BTC;"),
        nameof(RiskLimits.MaxLossPerTradePct) => (new RiskLimits { MaxLossPerTradePct = 7m }, "must be at most 7% of equity"),
        nameof(RiskLimits.LossOverCap) => (new RiskLimits { LossOverCap = LossOverCapPolicy.Deny }, "An open over it is rejected"),
        nameof(RiskLimits.SharpeWindow) => (new RiskLimits { SharpeWindow = 77 }, "of the last 77 cycles with a position"),
        nameof(RiskLimits.MaxDailyLossPct) => (new RiskLimits { MaxDailyLossPct = 6m }, "a loss of 6% from the UTC day's opening equity"),
        nameof(RiskLimits.MaxDrawdownPct) => (new RiskLimits { MaxDrawdownPct = 22m }, "a fall of 22% from the equity high-water mark"),
        nameof(RiskLimits.OnBreach) => (new RiskLimits { OnBreach = BreachAction.Flatten }, "either one also closes every position"),
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };
}

using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// A market and account in which the base decision passes every rule with room to spare, so each
/// boundary test moves exactly one quantity. Equity 10,000; SOL at 100 (OI 1,000,000 coins = $100M);
/// BTC at 100,000; limits generous except the one under test.
/// </summary>
internal sealed record ValidatorScenario
{
    public static readonly DateTimeOffset Now = new(2025, 10, 1, 12, 0, 0, TimeSpan.Zero);

    public decimal Equity { get; init; } = 10_000m;

    public decimal MarginUsed { get; init; }

    public IReadOnlyList<Position> Positions { get; init; } = [];

    public Dictionary<string, AssetContext> Assets { get; init; } = new(StringComparer.Ordinal)
    {
        ["SOL"] = Asset("SOL", 100m, 1_000_000m),
        ["AVAX"] = Asset("AVAX", 20m, 5_000_000m),
        ["DOGE"] = Asset("DOGE", 0.2m, 1_000_000_000m),
        ["BTC"] = Asset("BTC", 100_000m, 10_000m),
        ["ETH"] = Asset("ETH", 4_000m, 100_000m),
        ["LOWCAP"] = Asset("LOWCAP", 5.5m, 10_000_000m),
        ["OLD"] = Asset("OLD", 1m, 100_000_000m),
    };

    public Dictionary<string, InstrumentRules> Instruments { get; init; } = new(StringComparer.Ordinal)
    {
        ["SOL"] = new InstrumentRules("SOL", 5, 2, 20),
        ["AVAX"] = new InstrumentRules("AVAX", 6, 2, 10),
        ["DOGE"] = new InstrumentRules("DOGE", 12, 0, 10),
        ["BTC"] = new InstrumentRules("BTC", 0, 5, 40),
        ["ETH"] = new InstrumentRules("ETH", 1, 4, 25),
        ["LOWCAP"] = new InstrumentRules("LOWCAP", 7, 0, 3),
        ["OLD"] = new InstrumentRules("OLD", 8, 0, 5, IsDelisted: true),
    };

    public Dictionary<string, DateTimeOffset> RecentlyClosed { get; init; } = new(StringComparer.Ordinal);

    public IReadOnlyList<DateTimeOffset> RecentOpens { get; init; } = [];

    public RiskLimits Limits { get; init; } = new()
    {
        MaxPositionSizeUsd = 1_000_000m,
        MaxPositions = 10,
        MaxNewPositionsPerCycle = 10,
        MaxNewPositionsPerHour = 100,
        MaxLossPerTradePct = 100m,
    };

    public bool Gated { get; init; }

    public bool OpensPaused { get; init; }

    public GuardSwitches Guards { get; init; } = GuardSwitches.AllOn;

    public MarginKind MarginMode { get; init; } = MarginKind.Cross;

    /// <summary>Adds already made to the held SOL position (scaling in).</summary>
    public int Adds { get; init; }

    /// <summary>open_long SOL: 10,000 USD at 5x (margin 2,000), stop 95, target 120 (R:R 4), confidence 80.</summary>
    public static TradingDecision Long(string coin = "SOL") =>
        new(coin, DecisionAction.OpenLong, Leverage: 5, PositionSizeUsd: 10_000m, StopLoss: 95m, TakeProfit: 120m, Confidence: 80);

    /// <summary>open_short SOL: stop 105, target 80 (R:R 4).</summary>
    public static TradingDecision Short(string coin = "SOL") =>
        new(coin, DecisionAction.OpenShort, Leverage: 5, PositionSizeUsd: 10_000m, StopLoss: 105m, TakeProfit: 80m, Confidence: 80);

    public static AssetContext Asset(string coin, decimal price, decimal openInterest, decimal? mid = null) =>
        new(coin, price, mid ?? price, price, openInterest, 0.00001m, price, 1_000_000m, 0m);

    public static Position Held(string coin, decimal size, decimal margin = 0m) =>
        new(coin, size, 100m, Math.Abs(size) * 100m, 0m, margin, 5, true, null);

    public ValidationContext Context() => new()
    {
        Account = new AccountSnapshot(Equity, MarginUsed, 0m, Equity - MarginUsed, Positions, Now),
        Equity = Equity,
        Assets = Assets,
        Instruments = Instruments,
        RecentlyClosed = RecentlyClosed,
        RecentOpens = RecentOpens,
        Now = Now,
        Limits = Limits,
        Gated = Gated,
        OpensPaused = OpensPaused,
        Guards = Guards,
        MarginMode = MarginMode,
        AddsBySymbol = new Dictionary<string, int> { ["SOL"] = Adds },
    };

    public IReadOnlyList<Verdict> Validate(params TradingDecision[] decisions) => new Validator().ValidateBatch(decisions, Context());

    public Verdict One(TradingDecision decision) => Validate(decision).Single();
}

internal static class VerdictAssert
{
    public static void Accepted(Verdict v)
    {
        Assert.True(v.Kind == VerdictKind.Accepted, $"expected accepted, got {v.Kind}: {string.Join("; ", v.Violations)}");
        Assert.Same(v.Decision, v.Executable);
    }

    public static void Rejected(Verdict v, ReasonCode code)
    {
        Assert.True(v.Kind == VerdictKind.Rejected, $"expected rejected with {code.Name()}, got {v.Kind}");
        Assert.Contains(code, v.Reasons);
        Assert.Null(v.Executable);
    }

    public static void RejectedOnly(Verdict v, ReasonCode code)
    {
        Rejected(v, code);
        Assert.Equal([code], v.Reasons);
    }

    public static Adjustment Adjusted(Verdict v, string field, decimal from, decimal to, ReasonCode reason)
    {
        Assert.True(v.Kind == VerdictKind.Adjusted, $"expected adjusted, got {v.Kind}: {string.Join("; ", v.Violations)}");
        var adjustment = Assert.Single(v.Adjustments, a => a.Field == field);
        Assert.Equal((from, to, reason), (adjustment.From, adjustment.To, adjustment.Reason));
        Assert.NotNull(v.Executable);
        return adjustment;
    }

    /// <summary>"accept", "reject", or "adjust" for table-driven tests.</summary>
    public static void Outcome(Verdict v, string expected, ReasonCode code)
    {
        switch (expected)
        {
            case "accept":
                Accepted(v);
                break;
            case "reject":
                RejectedOnly(v, code);
                break;
            default:
                throw new ArgumentException($"unknown outcome {expected}", nameof(expected));
        }
    }
}

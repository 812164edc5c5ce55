using Halyard.Decisions.Parsing;
using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Decisions;

/// <summary>
/// Everything the DecisionStep sees in one cycle (design: "Executor Context Extensions", "Manager Cycle"),
/// built by the Manager. The guard values (<see cref="MaxMarginUsagePct"/>, <see cref="LiquidityThresholdUsd"/>,
/// <see cref="MaxNewPositionsPerCycle"/>) are read from <see cref="Limits"/>, the object the Validator
/// enforces, so the prompt and the Validator cannot drift.
/// </summary>
public sealed record DecisionContext
{
    private readonly IReadOnlyList<Position>? positions;

    public required DateTimeOffset Time { get; init; }

    public required string TraderId { get; init; }

    public required long Cycle { get; init; }

    public required AccountSnapshot Account { get; init; }

    /// <summary>Open positions; defaults to the account snapshot's.</summary>
    public IReadOnlyList<Position> Positions
    {
        get => positions ?? Account.Positions;
        init => positions = value;
    }

    /// <summary>Resting orders, including the reduce-only SL/TP triggers of the positions.</summary>
    public IReadOnlyList<OpenOrder> OpenOrders { get; init; } = [];

    /// <summary>The coins the model may consider this cycle (ranked shortlist plus every held coin).</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    public required IReadOnlyDictionary<string, MarketSnapshot> Snapshots { get; init; }

    /// <summary>Venue rules by coin: max leverage, size and price decimals.</summary>
    public required IReadOnlyDictionary<string, InstrumentRules> AssetMeta { get; init; }

    /// <summary>When each coin was last closed (for the cooldown).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> RecentlyClosed { get; init; } = new Dictionary<string, DateTimeOffset>();

    public required RiskLimits Limits { get; init; }

    /// <summary>The latest view from the journal's analytics (see <see cref="DecisionStep.UpdatePerformance"/>).</summary>
    public PerformanceView Performance { get; init; } = PerformanceView.Empty;

    /// <summary>Set by the Manager when it has gated the trader (e.g. during a pause).</summary>
    public bool Gated { get; init; }

    /// <summary>The gating switch (<c>features.gating</c>); off: the prompt never reads as gated.</summary>
    public bool GatingEnabled { get; init; } = true;

    /// <summary>The circuit breakers stopping new opens now (daily_loss, max_drawdown); empty when none.</summary>
    public IReadOnlyList<string> BreakersTripped { get; init; } = [];

    /// <summary>The taker fee and slippage the Validator charges on a stop's fill (bps): the loss-per-trade rule.</summary>
    public decimal SlippageBps { get; init; } = 50m;

    /// <summary>The positions' plans, the recent trades and last cycle's size-down suggestions.</summary>
    public TradeMemory Memory { get; init; } = TradeMemory.Empty;

    /// <summary>New positions opened in the last hour (for the hourly ceiling).</summary>
    public int OpensInLastHour { get; init; }

    /// <summary>Scaling in is on (<c>features.scale_in</c>): an open on a coin held on the same side adds to it.</summary>
    public bool ScaleIn { get; init; }

    /// <summary>Taker fee in basis points of notional (default: <see cref="VenueFees"/>).</summary>
    public decimal TakerFeeBps { get; init; } = VenueFees.TakerBps;

    /// <summary>Maker fee in basis points of notional (default: <see cref="VenueFees"/>).</summary>
    public decimal MakerFeeBps { get; init; } = VenueFees.MakerBps;

    public decimal MaxMarginUsagePct => Limits.MaxMarginUsagePct;

    public decimal LiquidityThresholdUsd => Limits.LiquidityThresholdUsd;

    public int MaxNewPositionsPerCycle => Limits.MaxNewPositionsPerCycle;

    public int OpenPositionCount => Positions.Count(p => p.Size != 0m);

    /// <summary>Positions that may still be opened before <see cref="RiskLimits.MaxPositions"/>.</summary>
    public int RemainingPositionSlots => Math.Max(0, Limits.MaxPositions - OpenPositionCount);

    /// <summary>New opens allowed this cycle: per-cycle cap, remaining slots and the hourly ceiling.</summary>
    public int MaxNewOpensThisCycle =>
        Math.Max(0, Math.Min(Math.Min(MaxNewPositionsPerCycle, RemainingPositionSlots), Limits.MaxNewPositionsPerHour - OpensInLastHour));

    /// <summary>
    /// True when gating is on and the trader is gated: by the Manager, by the analytics, or because the
    /// gate's Sharpe (per cycle, not annualised) is below <see cref="RiskLimits.SharpePauseThreshold"/>.
    /// </summary>
    public bool IsGated =>
        GatingEnabled && (Gated || Performance.Gated || (Performance.GateSharpe is { } s && s < (double)Limits.SharpePauseThreshold));

    /// <summary>The minimum confidence for an open, raised by <see cref="RiskLimits.GatedConfidenceBoost"/> while gated.</summary>
    public int EffectiveMinConfidence => Math.Min(100, Limits.MinConfidence + (IsGated ? Limits.GatedConfidenceBoost : 0));

    public decimal Equity => Account.AccountValue;

    /// <summary>New margin the cap still allows: equity × <see cref="MaxMarginUsagePct"/> − margin in use.</summary>
    public decimal MarginHeadroomUsd => Math.Max(0m, Equity * MaxMarginUsagePct / 100m - Account.TotalMarginUsed);

    public Position? PositionOf(string coin) => Positions.FirstOrDefault(p => p.Coin == coin && p.Size != 0m);

    /// <summary>True while <paramref name="coin"/> may not be opened because it was closed recently.</summary>
    public bool InCooldown(string coin, out DateTimeOffset until)
    {
        until = default;
        if (!RecentlyClosed.TryGetValue(coin, out var closed))
        {
            return false;
        }

        until = closed + Limits.CooldownAfterClose;
        return Time < until;
    }

    /// <summary>The leverage cap for <paramref name="coin"/>: the class cap, and never above the asset's max.</summary>
    public int LeverageCap(string coin)
    {
        var cap = Limits.IsMajor(coin) ? Limits.MajorCoinLeverage : Limits.AltcoinLeverage;
        return AssetMeta.TryGetValue(coin, out var rules) ? Math.Min(cap, rules.MaxLeverage) : cap;
    }

    /// <summary>What the parser may use from this cycle: the symbols, their live prices, the held sides.</summary>
    public ParseOptions ToParseOptions() => new()
    {
        KnownSymbols = Candidates.Concat(Positions.Select(p => p.Coin)).Distinct(StringComparer.Ordinal).ToArray(),
        ReferencePrices = Snapshots.ToDictionary(kv => kv.Key, kv => kv.Value.Price, StringComparer.Ordinal),
        PositionSides = Positions.Where(p => p.Size != 0m).DistinctBy(p => p.Coin).ToDictionary(p => p.Coin, p => p.Side, StringComparer.Ordinal),
    };
}

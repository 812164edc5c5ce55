using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>
/// Everything the Validator judges a batch against. The same context type serves the DecisionStep's check
/// and the Manager's pre-execution re-check (built from a fresh account snapshot and live prices).
/// </summary>
public sealed record ValidationContext
{
    /// <summary>This trader's view of the account: its positions and <see cref="AccountSnapshot.TotalMarginUsed"/>.</summary>
    public required AccountSnapshot Account { get; init; }

    /// <summary>This trader's equity in USD (account value × allocation).</summary>
    public required decimal Equity { get; init; }

    /// <summary>Live market context by coin (mid/mark price, open interest).</summary>
    public required IReadOnlyDictionary<string, AssetContext> Assets { get; init; }

    /// <summary>The venue's rules by coin (max leverage, size decimals, delisting).</summary>
    public required IReadOnlyDictionary<string, InstrumentRules> Instruments { get; init; }

    /// <summary>When each coin was last closed (cooldown).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> RecentlyClosed { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>When this trader's recent opens were sent (the hourly cap counts those in the last hour).</summary>
    public IReadOnlyList<DateTimeOffset> RecentOpens { get; init; } = [];

    /// <summary>Adds already made to each held position (scaling in), by coin; absent: none.</summary>
    public IReadOnlyDictionary<string, int> AddsBySymbol { get; init; } = new Dictionary<string, int>();

    public required DateTimeOffset Now { get; init; }

    public required RiskLimits Limits { get; init; }

    /// <summary>Performance gating is active: the minimum confidence is raised by <see cref="RiskLimits.GatedConfidenceBoost"/>.</summary>
    public bool Gated { get; init; }

    /// <summary>New opens are paused (Sharpe breach); closes still pass. Honoured only with the gating switch on.</summary>
    public bool OpensPaused { get; init; }

    /// <summary>Safe mode after repeated model failures: no new opens, whatever the gating switch says.</summary>
    public bool SafeMode { get; init; }

    /// <summary>The circuit breakers stopping new opens (<see cref="BreakerNames"/>); empty when none.</summary>
    public IReadOnlyList<string> BreakersTripped { get; init; } = [];

    public GuardSwitches Guards { get; init; } = GuardSwitches.AllOn;

    /// <summary>The taker fee in basis points (the loss at the stop pays it on entry and exit; the liquidation estimate on entry).</summary>
    public decimal TakerFeeBps { get; init; } = 4.5m;

    /// <summary>The configured slippage in basis points (execution <c>slippage_bps</c>), charged on the stop's fill.</summary>
    public decimal SlippageBps { get; init; } = 50m;

    /// <summary>How new positions are margined (isolated-only assets are isolated whatever this says).</summary>
    public MarginKind MarginMode { get; init; } = MarginKind.Cross;

    /// <summary>The minimum confidence in force.</summary>
    public int MinConfidence => Limits.MinConfidence + (Gated && Guards.Gating ? Limits.GatedConfidenceBoost : 0);

    /// <summary>Opens in the hour before <see cref="Now"/>, <see cref="Now"/> included.</summary>
    public int OpensInLastHour => RecentOpens.Count(t => t > Now - TimeSpan.FromHours(1) && t <= Now);

    public int OpenPositionCount => Account.Positions.Count(p => p.Size != 0);
}

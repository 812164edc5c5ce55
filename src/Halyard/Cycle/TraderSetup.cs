using Halyard.Domain;
using Halyard.Execution;
using Halyard.Cycle.Configuration;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>One trader's settings as the Manager uses them (from <see cref="TraderConfig"/> and the document's sections).</summary>
public sealed record TraderSetup
{
    public required string TraderId { get; init; }

    public TimeSpan DecisionInterval { get; init; } = TimeSpan.FromMinutes(3);

    public RiskLimits Limits { get; init; } = new();

    public GuardSwitches Guards { get; init; } = GuardSwitches.AllOn;

    /// <summary>Share of the account's equity, in percent.</summary>
    public decimal AllocationPct { get; init; } = 100m;

    /// <summary>A shadow trader: it trades its own in-process paper account on the live prices (journaled as such).</summary>
    public bool Shadow { get; init; }

    /// <summary>Off: only the first actionable decision (open or close) of a cycle is considered.</summary>
    public bool MultiDecision { get; init; } = true;

    /// <summary>Sharpe gating (stricter prompt, raised minimum confidence, pause of new opens).</summary>
    public bool Gating { get; init; } = true;

    public ExternalPositionPolicy ExternalPositions { get; init; } = ExternalPositionPolicy.Leave;

    /// <summary>The analytics window in cycles (<c>AnalyzePerformance(lastN)</c>).</summary>
    public int AnalyticsWindow { get; init; } = 100;

    /// <summary>Consecutive failed model calls that enter safe mode.</summary>
    public int SafeModeAfterLlmFailures { get; init; } = 3;

    /// <summary>An open whose live price moved more than this (bps) between the snapshot and the pre-trade check is discarded.</summary>
    public decimal StalenessMaxMoveBps { get; init; } = 100m;

    public decimal TakerFeeBps { get; init; } = VenueFees.TakerBps;

    public decimal MakerFeeBps { get; init; } = VenueFees.MakerBps;

    /// <summary><c>memory.reasoning_chars</c>: a position's entry reasoning is shortened to this in the prompt.</summary>
    public int PlanReasoningChars { get; init; } = 240;

    /// <summary><c>memory.recent_trades</c>: the last closed trades shown to the model.</summary>
    public int RecentTrades { get; init; } = 5;

    /// <summary>execution <c>slippage_bps</c>: the Validator charges it on the stop's fill (loss at the stop).</summary>
    public decimal SlippageBps { get; init; } = 50m;

    /// <summary>execution <c>margin_mode</c>, for the Validator's liquidation estimate.</summary>
    public MarginKind MarginMode { get; init; } = MarginKind.Cross;

    /// <summary>
    /// True when every trade must go through the model: its failures count toward safe mode. False for the
    /// baseline and recorded makers, which cannot fail as a model call does.
    /// </summary>
    public bool AsksModel { get; init; }
}

namespace Halyard.Decisions;

/// <summary>
/// Recent performance as the DecisionStep receives it through <c>UpdatePerformance</c> (design: "Feed
/// VirtualTrader.Performance, then Executor.UpdatePerformance at the next cycle"). Produced by the
/// journal's analytics. Money in USD, rates in percent.
/// </summary>
public sealed record PerformanceView(
    int ClosedTrades,
    decimal WinRatePct,
    decimal NetPnlUsd,
    decimal FeesUsd,
    double? Sharpe,
    double? MaxDrawdownPct,
    decimal OpensPerHour,
    decimal RejectionRatePct,
    bool Gated)
{
    public static PerformanceView Empty { get; } = new(0, 0m, 0m, 0m, null, null, 0m, 0m, false);
}

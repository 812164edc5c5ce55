using Halyard.Decisions;

namespace Halyard.Journal.Analytics;

/// <summary>Closed-trade and PnL figures over the window (USD; rates in percent).</summary>
/// <param name="WinRatePct">Trades with net PnL &gt; 0 ÷ closed trades × 100; null with no closed trade.</param>
/// <param name="ProfitFactor">Gross profit ÷ gross loss (both net of fees and funding); null when no trade lost.</param>
/// <param name="RealizedNetPnlUsd">Σ closed trades' realized − fees + funding.</param>
/// <param name="UnrealizedNetPnlUsd">Σ open positions' unrealized − fees + funding.</param>
/// <param name="FeesUsd">Fees of the window's closed trades plus the entry fees of the open positions.</param>
/// <param name="FundingUsd">Funding received (+) or paid (−) on the same trades and positions.</param>
public sealed record TradeStatistics(
    int ClosedTrades,
    int Wins,
    int Losses,
    decimal? WinRatePct,
    decimal GrossProfitUsd,
    decimal GrossLossUsd,
    decimal? ProfitFactor,
    decimal RealizedNetPnlUsd,
    decimal UnrealizedNetPnlUsd,
    decimal FeesUsd,
    decimal FundingUsd)
{
    public decimal NetPnlUsd => RealizedNetPnlUsd + UnrealizedNetPnlUsd;
}

/// <summary>Rejections over the window's judgements (validator decisions and venue answers).</summary>
/// <param name="RatePct">(rejected decisions + rejected orders) ÷ (judged decisions + orders sent) × 100; null with no judgement.</param>
public sealed record RejectionStatistics(
    int DecisionsJudged,
    int DecisionsRejected,
    int OrdersSent,
    int OrdersRejected,
    IReadOnlyDictionary<RejectionClass, int> ByClass,
    decimal? RatePct)
{
    public int Judgements => DecisionsJudged + OrdersSent;

    /// <summary>One class's share of all judgements, in percent; the five shares add up to <see cref="RatePct"/>.</summary>
    public decimal? ClassRatePct(RejectionClass rejectionClass) =>
        Judgements == 0 ? null : (ByClass.TryGetValue(rejectionClass, out var count) ? count : 0) * 100m / Judgements;

    public decimal? DecisionRejectionRatePct => DecisionsJudged == 0 ? null : DecisionsRejected * 100m / DecisionsJudged;

    public decimal? OrderRejectionRatePct => OrdersSent == 0 ? null : OrdersRejected * 100m / OrdersSent;
}

/// <summary>
/// The result of <see cref="PerformanceAnalyzer.AnalyzePerformance"/> over the last <see cref="LastN"/>
/// cycles. The window runs from <see cref="WindowStart"/> (the time of the equity point the first return
/// starts from) to <see cref="WindowEnd"/> (the last equity point).
/// </summary>
/// <param name="OpensPerHour">Positions opened in the window ÷ the window's real duration in hours; null when the duration is 0.</param>
public sealed record PerformanceReport(
    int LastN,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    TradeStatistics Trades,
    ReturnStatistics Returns,
    int Opens,
    decimal? OpensPerHour,
    RejectionStatistics Rejections)
{
    /// <summary>The annualised Sharpe, or null below the minimum sample; what the gate reads.</summary>
    public double? Sharpe => Returns.Sharpe;

    /// <summary>The figures the DecisionStep receives through <c>UpdatePerformance</c>.</summary>
    public PerformanceView ToView(bool gated) => new(
        Trades.ClosedTrades,
        Trades.WinRatePct ?? 0m,
        Trades.NetPnlUsd,
        Trades.FeesUsd,
        Returns.Sharpe,
        Returns.MaxDrawdownPct is { } drawdown ? (double)drawdown : null,
        OpensPerHour ?? 0m,
        Rejections.RatePct ?? 0m,
        gated);
}

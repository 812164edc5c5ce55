using Halyard.Domain;

namespace Halyard.Journal.Analytics;

/// <summary>
/// A round trip that has ended. <see cref="RealizedPnlUsd"/> is the price PnL before fees and funding
/// (the venue's <c>closedPnl</c> summed over the closing fills); <see cref="FeesUsd"/> is every fee paid
/// on the entry and exit fills (positive = paid); <see cref="FundingUsd"/> is the funding cash flow
/// while the position was open (positive = received, negative = paid). <see cref="Size"/> is in coins.
/// </summary>
public sealed record ClosedTrade(
    string Coin,
    PositionSide Side,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Size,
    decimal RealizedPnlUsd,
    decimal FeesUsd,
    decimal FundingUsd)
{
    /// <summary>The trade's result net of fees and funding: realized − fees + funding.</summary>
    public decimal NetPnlUsd => RealizedPnlUsd - FeesUsd + FundingUsd;
}

/// <summary>
/// A position still open at the end of the window: its unrealized price PnL at the mark, the fees
/// already paid to open it and the funding received (+) or paid (−) so far.
/// </summary>
public sealed record OpenPositionPnl(
    string Coin,
    DateTimeOffset EntryTime,
    decimal UnrealizedPnlUsd,
    decimal FeesUsd,
    decimal FundingUsd)
{
    /// <summary>Unrealized − fees + funding.</summary>
    public decimal NetPnlUsd => UnrealizedPnlUsd - FeesUsd + FundingUsd;
}

/// <summary>The trader's equity (account value in USD, unrealized PnL included) at one cycle.</summary>
public sealed record EquityPoint(DateTimeOffset Time, decimal Equity);

/// <summary>Who judged: our Validator (a decision) or the venue/network (a request that was sent).</summary>
public enum JudgementSource
{
    Validator,
    Venue,
}

/// <summary>The five rejection classes of the rejection rate (mapping: <see cref="RejectionClassifier"/>).</summary>
public enum RejectionClass
{
    Precision,
    Parameters,
    Risk,
    Insufficient,
    Other,
}

/// <summary>One judgement: a decision the Validator judged, or an action the venue answered. <see cref="Rejection"/> is null when it passed.</summary>
public sealed record Judgement(DateTimeOffset Time, JudgementSource Source, RejectionClass? Rejection);

/// <summary>Everything <see cref="PerformanceAnalyzer.AnalyzePerformance"/> reads. Lists are in any order; the analyzer sorts by time.</summary>
public sealed record PerformanceInputs
{
    public IReadOnlyList<ClosedTrade> ClosedTrades { get; init; } = [];

    public IReadOnlyList<EquityPoint> EquityCurve { get; init; } = [];

    public IReadOnlyList<OpenPositionPnl> OpenPositions { get; init; } = [];

    public IReadOnlyList<Judgement> Judgements { get; init; } = [];
}

/// <summary>Analytics settings.</summary>
/// <param name="MinReturns">Fewest returns before Sharpe and Sortino are reported (and so before the gate can act).</param>
/// <param name="DaysPerYear">Calendar days per year for annualisation (perpetuals trade every day).</param>
public sealed record AnalyticsOptions(int MinReturns = 10, int DaysPerYear = 365)
{
    public static AnalyticsOptions Default { get; } = new();
}

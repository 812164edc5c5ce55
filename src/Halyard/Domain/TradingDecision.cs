namespace Halyard.Domain;

/// <summary>The actions of the design's decision output contract.</summary>
public enum DecisionAction
{
    OpenLong,
    OpenShort,
    CloseLong,
    CloseShort,
    Hold,
    Wait,
}

/// <summary>
/// One decision as the model proposed it (design: "Decision Output (Array Contract)"). Nothing here
/// has been validated: the Validator judges it against live prices.
/// </summary>
public sealed record TradingDecision(
    string Symbol,
    DecisionAction Action,
    int? Leverage = null,
    decimal? PositionSizeUsd = null,
    decimal? EntryPrice = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    int? Confidence = null,
    decimal? RiskUsd = null,
    string? Reasoning = null,
    string? InvalidationCondition = null,
    decimal? CloseFraction = null)
{
    /// <summary>
    /// A close of part of the position: <see cref="CloseFraction"/> (0–1) or, on a close,
    /// <see cref="PositionSizeUsd"/> (the USD to close). A close with neither closes everything.
    /// </summary>
    public bool IsPartialClose => IsClose && (CloseFraction is not null || PositionSizeUsd is not null);

    public bool IsOpen => Action is DecisionAction.OpenLong or DecisionAction.OpenShort;

    public bool IsClose => Action is DecisionAction.CloseLong or DecisionAction.CloseShort;
}

using Halyard.Domain;
using Halyard.Execution;

namespace Halyard.Cycle;

/// <summary>
/// Where the decision vocabulary meets the order vocabulary: an executable (validated) decision becomes
/// the Orchestrator's intent. Lives in the cycle, above both, so the execution layer knows nothing of decisions.
/// </summary>
public static class DecisionIntents
{
    /// <summary>An open intent from an executable (validated) open decision.</summary>
    /// <param name="scaleIn">The open adds to a position held on its side (<c>features.scale_in</c>).</param>
    public static OpenIntent ToOpenIntent(this TradingDecision decision, string traderId, long cycle, string decisionId, long? validatedAt = null, bool scaleIn = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.IsOpen || decision.PositionSizeUsd is not { } usd || decision.Leverage is not { } leverage)
        {
            throw new ArgumentException("Only an open decision with a size and a leverage becomes an open intent.", nameof(decision));
        }

        return new OpenIntent
        {
            TraderId = traderId,
            Cycle = cycle,
            DecisionId = decisionId,
            Symbol = decision.Symbol,
            Side = decision.Action == DecisionAction.OpenLong ? PositionSide.Long : PositionSide.Short,
            Size = OrderSize.Usd(usd),
            Leverage = leverage,
            StopLoss = decision.StopLoss,
            TakeProfit = decision.TakeProfit,
            ValidatedAt = validatedAt,
            ScaleIn = scaleIn,
        };
    }

    /// <summary>A close intent from an executable close decision.</summary>
    public static CloseIntent ToCloseIntent(this TradingDecision decision, string traderId, long cycle, string decisionId, long? validatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.IsClose)
        {
            throw new ArgumentException("Only a close decision becomes a close intent.", nameof(decision));
        }

        if (decision.PositionSizeUsd is not null && decision.CloseFraction is null)
        {
            throw new ArgumentException("A partial close reaches execution as a fraction (the Validator restates a USD size as one).", nameof(decision));
        }

        return new CloseIntent
        {
            TraderId = traderId,
            Cycle = cycle,
            DecisionId = decisionId,
            Symbol = decision.Symbol,
            Side = decision.Action == DecisionAction.CloseLong ? PositionSide.Long : PositionSide.Short,
            Fraction = decision.CloseFraction is { } f && f < 1m ? f : null,
            ValidatedAt = validatedAt,
        };
    }
}

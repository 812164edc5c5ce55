namespace Halyard.PaperExchange;

/// <summary>
/// Slippage an account paid on the paper exchange, in USD (positive = cost, rounded per fill to 6 decimals like fees).
/// </summary>
/// <param name="TakerVsMarkUsd">Every taker fill (orders crossing the book, fired triggers, market liquidations) against the mark at that instant: the half spread plus the levels walked.</param>
/// <param name="TriggersVsTriggerPriceUsd">Market triggers (stops and targets) against their trigger price: the 3 s mark step or candle-open gap past the trigger plus the book walked.</param>
public sealed record SlippageFigures(decimal TakerVsMarkUsd, decimal TriggersVsTriggerPriceUsd);

namespace Halyard.Decisions.Baseline;

/// <summary>The baseline's knobs (docs/decision-makers.md, "Baseline").</summary>
public sealed record BaselineOptions
{
    /// <summary>Stop distance in 4h ATR14: stop = price ∓ k·ATR14.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Reward/risk aimed above the minimum, so the target clears it after rounding.</summary>
    public decimal RewardRiskMargin { get; init; } = 0.25m;

    /// <summary>Leverage used unless the margin headroom needs more (never above the cap).</summary>
    public int DefaultLeverage { get; init; } = 3;

    /// <summary>Size above the band minimum, as a fraction (0.02 = 2 %), so size rounding stays inside the band.</summary>
    public decimal SizeBuffer { get; init; } = 0.02m;

    /// <summary>Intraday RSI14 window for a long entry (outside: overextended or no momentum).</summary>
    public double LongRsiMin { get; init; } = 45;

    public double LongRsiMax { get; init; } = 70;

    /// <summary>Intraday RSI14 window for a short entry.</summary>
    public double ShortRsiMin { get; init; } = 30;

    public double ShortRsiMax { get; init; } = 55;

    /// <summary>Confidence of a trend-aligned entry before confirmations.</summary>
    public int BaseConfidence { get; init; } = 55;

    /// <summary>Confidence added per confirmation (price vs 4h EMA20, intraday MACD vs signal, intraday EMA20 vs EMA50).</summary>
    public int ConfirmationConfidence { get; init; } = 10;
}

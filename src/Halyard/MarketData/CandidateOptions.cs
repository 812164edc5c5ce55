namespace Halyard.MarketData;

/// <summary>How the candidate shortlist is drawn from the universe.</summary>
public sealed record CandidateOptions
{
    /// <summary>Minimum open interest × mark price in USD for a coin to be ranked (design default 15,000,000).</summary>
    public decimal LiquidityThresholdUsd { get; init; } = 15_000_000m;

    /// <summary>How many ranked coins are taken (held coins come on top of these).</summary>
    public int MaxCandidates { get; init; } = 10;

    /// <summary>Weight of the day-notional-volume percentile in the score.</summary>
    public double VolumeWeight { get; init; } = 0.5;

    /// <summary>Weight of the movement percentile (|price / prevDayPx − 1|) in the score.</summary>
    public double MovementWeight { get; init; } = 0.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (LiquidityThresholdUsd < 0m)
        {
            throw new ArgumentException($"{nameof(LiquidityThresholdUsd)} = {LiquidityThresholdUsd}: must be ≥ 0.", nameof(LiquidityThresholdUsd));
        }

        if (MaxCandidates is < 0 or > 1000)
        {
            throw new ArgumentException($"{nameof(MaxCandidates)} = {MaxCandidates}: allowed 0..1000.", nameof(MaxCandidates));
        }

        if (!(VolumeWeight >= 0) || !(MovementWeight >= 0) || VolumeWeight + MovementWeight <= 0 || double.IsInfinity(VolumeWeight + MovementWeight))
        {
            throw new ArgumentException(
                $"{nameof(VolumeWeight)} = {VolumeWeight}, {nameof(MovementWeight)} = {MovementWeight}: both finite and ≥ 0, not both 0.",
                nameof(VolumeWeight));
        }
    }
}

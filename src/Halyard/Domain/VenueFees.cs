namespace Halyard.Domain;

/// <summary>
/// Hyperliquid's base-tier perpetual fees in basis points of notional (taker 4.5, maker 1.5; see
/// docs/paper-exchange.md), stated once: the paper exchange charges them by default, the prompt and the
/// cycle assume them unless the paper exchange is configured otherwise.
/// </summary>
public static class VenueFees
{
    public const decimal TakerBps = 4.5m;

    public const decimal MakerBps = 1.5m;
}

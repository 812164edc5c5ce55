using Halyard.Hyperliquid.RateLimit;

namespace Halyard.Hyperliquid.Http;

/// <summary>Configuration of one <see cref="HyperliquidHttp"/>.</summary>
public sealed record HyperliquidHttpOptions
{
    /// <summary>Base URL and network (mainnet, testnet, or our paper exchange).</summary>
    public required HyperliquidEndpoint Endpoint { get; init; }

    /// <summary>
    /// How long one request may take, from sending to the last byte of the response. A timeout on
    /// <c>/exchange</c> leaves the outcome unknown.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The client-side request-weight budget.</summary>
    public WeightBudgetOptions Budget { get; init; } = new();

    /// <summary>Throws when the options cannot work (a configuration bug).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint);
        ArgumentNullException.ThrowIfNull(Budget);
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive (or infinite).");
        }

        Budget.Validate();
    }
}

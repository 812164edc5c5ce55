using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.RateLimit;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Hyperliquid.Http;

/// <summary>Builds a <see cref="HyperliquidHttp"/> over a fake handler and a fake clock.</summary>
internal static class TestHttp
{
    public static readonly Uri VenueUrl = new("http://venue.test");

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public static HyperliquidHttp Create(
        HttpMessageHandler handler,
        FakeTimeProvider clock,
        WeightBudgetOptions? budget = null,
        TimeSpan? timeout = null,
        Uri? baseUrl = null)
    {
        var options = new HyperliquidHttpOptions
        {
            Endpoint = new HyperliquidEndpoint(baseUrl ?? VenueUrl, isMainnet: false),
            Budget = budget ?? new WeightBudgetOptions(),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return new HyperliquidHttp(new HttpClient(handler), options, clock);
    }
}

using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.MarketData;

namespace Halyard.Cycle.Venue;

/// <summary>The <see cref="ICandleSource"/> over the venue's <c>candleSnapshot</c> (the info client).</summary>
public sealed class InfoCandleSource(InfoClient info) : ICandleSource
{
    public Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return info.GetCandlesAsync(
            coin,
            interval.Name,
            DateTimeOffset.FromUnixTimeMilliseconds(startMs),
            DateTimeOffset.FromUnixTimeMilliseconds(endMs),
            cancellationToken);
    }
}

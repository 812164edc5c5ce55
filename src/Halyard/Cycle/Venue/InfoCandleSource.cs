using Halyard.Hyperliquid.Info;
using Halyard.MarketData;

namespace Halyard.Cycle.Venue;

/// <summary>The <see cref="ICandleSource"/> over the venue's <c>candleSnapshot</c> (the info client).</summary>
public sealed class InfoCandleSource(InfoClient info) : ICandleSource
{
    public async Task<CandleFetchResult> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var result = await info.GetCandlesAsync(
            coin,
            interval.Name,
            DateTimeOffset.FromUnixTimeMilliseconds(startMs),
            DateTimeOffset.FromUnixTimeMilliseconds(endMs),
            cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? CandleFetchResult.Success(result.Value) : CandleFetchResult.Failure(result.Error);
    }
}

using Halyard.Domain;
using Halyard.PaperExchange.Data;

namespace Halyard.Cycle.Replay;

/// <summary>The replay's window: <c>[From, To)</c> in virtual time.</summary>
public sealed record ReplayWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A replay without <c>from</c> covers this much before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);

    /// <summary>
    /// The window from the requested bounds: <c>to</c> defaults to the end of the data common to every coin
    /// on <paramref name="priceInterval"/>, <c>from</c> to 30 days before <c>to</c> (never before the data's start).
    /// </summary>
    public static Result<ReplayWindow> Resolve(MarketDataSet data, string priceInterval, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(data);
        var range = data.CommonRange(priceInterval);
        if (range is null && (from is null || to is null))
        {
            return Error.Invalid($"the market data ({data.Description}) has no {priceInterval} range common to its coins; give --from and --to");
        }

        var end = to ?? range!.Value.End;
        var start = from ?? (range is { } r && end - DefaultLength < r.Start ? r.Start : end - DefaultLength);
        if (start >= end)
        {
            return Error.Invalid($"the window is empty: from {start:u} is not before to {end:u}");
        }

        return new ReplayWindow(start, end);
    }
}

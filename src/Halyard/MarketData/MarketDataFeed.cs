using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.MarketData;

/// <summary>A coin whose candles could not be refreshed this cycle, and why.</summary>
public sealed record MarketDataFailure(string Coin, CandleInterval Interval, Error Error);

/// <summary>The snapshots of one cycle, the coins left out, and what the refresh cost.</summary>
public sealed record MarketSnapshotBatch(
    IReadOnlyList<MarketSnapshot> Snapshots,
    IReadOnlyList<MarketDataFailure> Failures,
    int Requests,
    int Weight);

/// <summary>
/// One cycle of market data for a shortlist: refreshes the intraday and 4h candles of each coin through
/// the <see cref="CandleCache"/> (only what is new) and builds its <see cref="MarketSnapshot"/>.
/// Coins are refreshed one after another, in the given order. A coin whose refresh fails gets no
/// snapshot and is listed in <see cref="MarketSnapshotBatch.Failures"/>; after a rate-limit or
/// exchange-down failure the remaining coins are not requested this cycle (they are listed too).
/// </summary>
public sealed class MarketDataFeed
{
    private readonly CandleCache _cache;
    private readonly MarketSnapshotBuilder _builder;
    private readonly CandleInterval[] _intervals;

    public MarketDataFeed(CandleCache cache, MarketSnapshotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(builder);
        _cache = cache;
        _builder = builder;
        _intervals = [builder.Options.Intraday, builder.Options.Slow];
    }

    /// <summary>The weight a refresh of <paramref name="coins"/> would cost now (both intervals).</summary>
    public int ExpectedWeight(IEnumerable<string> coins)
    {
        ArgumentNullException.ThrowIfNull(coins);
        var weight = 0;
        foreach (var coin in coins)
        {
            weight += (_cache.Plan(coin, _builder.Options.Intraday)?.ExpectedWeight ?? 0)
                + (_cache.Plan(coin, _builder.Options.Slow)?.ExpectedWeight ?? 0);
        }

        return weight;
    }

    /// <summary>Refreshes and builds the snapshot of every coin in <paramref name="contexts"/>.</summary>
    public async Task<MarketSnapshotBatch> RefreshAsync(IReadOnlyList<AssetContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var snapshots = new List<MarketSnapshot>(contexts.Count);
        var failures = new List<MarketDataFailure>();
        var (requests, weight) = (0, 0);
        Error? stop = null;
        for (var c = 0; c < contexts.Count; c++)
        {
            var context = contexts[c];
            if (stop is not null)
            {
                failures.Add(new MarketDataFailure(context.Coin, _builder.Options.Intraday, stop));
                continue;
            }

            IndicatorState? intraday = null;
            IndicatorState? fourHour = null;
            foreach (var interval in _intervals)
            {
                var refresh = await _cache.RefreshAsync(context.Coin, interval, cancellationToken).ConfigureAwait(false);
                requests += refresh.Request is null ? 0 : 1;
                weight += refresh.Weight;
                if (!refresh.IsSuccess)
                {
                    failures.Add(new MarketDataFailure(context.Coin, interval, refresh.Error));
                    stop = refresh.Error.Class is ErrorClass.RateLimited or ErrorClass.ExchangeDown ? refresh.Error : null;
                    break;
                }

                (intraday, fourHour) = interval == _builder.Options.Intraday ? (refresh.State, fourHour) : (intraday, refresh.State);
            }

            if (intraday is not null && fourHour is not null)
            {
                snapshots.Add(_builder.Build(context, intraday, fourHour));
            }
        }

        return new MarketSnapshotBatch(snapshots, failures, requests, weight);
    }
}

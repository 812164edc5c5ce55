using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.MarketData;

/// <summary>
/// Candles and their indicator state per (coin, interval), kept up to date with the fewest requests:
/// <list type="bullet">
/// <item>the first refresh of a key fetches <see cref="CandleCacheOptions.LookbackCandles"/> candles
/// (enough to warm every indicator up);</item>
/// <item>later refreshes fetch from the newest kept candle's open time to now: that candle again (it was
/// in progress, or has closed since) plus whatever opened after it — usually one or two candles, weight 20;</item>
/// <item>no request at all when nothing can have changed since the last fetch (same instant);</item>
/// <item>after a gap longer than the lookback the key is rebuilt from a fresh lookback fetch.</item>
/// </list>
/// A failed fetch leaves the state as it was. One instance per trader: nothing is shared between
/// instances. Different keys may be refreshed concurrently; one key must not be refreshed twice at once.
/// </summary>
public sealed class CandleCache
{
    private readonly ICandleSource _source;
    private readonly TimeProvider _time;
    private readonly MarketSnapshotOptions _snapshotOptions;
    private readonly ConcurrentDictionary<(string Coin, CandleInterval Interval), Entry> _entries = new();
    private long _requests;
    private long _weight;

    public CandleCache(ICandleSource source, TimeProvider time, MarketSnapshotOptions snapshotOptions, CandleCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(snapshotOptions);
        snapshotOptions.Validate();
        Options = options ?? new CandleCacheOptions();
        Options.Validate(snapshotOptions);
        _source = source;
        _time = time;
        _snapshotOptions = snapshotOptions;
    }

    public CandleCacheOptions Options { get; }

    /// <summary>Requests sent so far.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>The weight of the requests sent so far (by candles returned; by the plan when a request failed).</summary>
    public long WeightSpent => Interlocked.Read(ref _weight);

    /// <summary>The indicator state of a key, or null before its first successful refresh.</summary>
    public IndicatorState? Get(string coin, CandleInterval interval) =>
        _entries.TryGetValue((coin, interval), out var entry) && entry.FetchedThroughMs is not null ? entry.State : null;

    /// <summary>The request the next <see cref="RefreshAsync"/> of the key would send now, or null when none is needed.</summary>
    public CandleRequest? Plan(string coin, CandleInterval interval)
    {
        ArgumentException.ThrowIfNullOrEmpty(coin);
        ArgumentNullException.ThrowIfNull(interval);
        _entries.TryGetValue((coin, interval), out var entry);
        return Plan(coin, interval, entry, _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Fetches what is new for the key and applies it to its indicator state.</summary>
    public async Task<CandleRefresh> RefreshAsync(string coin, CandleInterval interval, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(coin);
        ArgumentNullException.ThrowIfNull(interval);
        var entry = _entries.GetOrAdd((coin, interval), static (key, options) => new Entry(options.CreateState(key.Interval)), _snapshotOptions);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var plan = Plan(coin, interval, entry, nowMs);
        if (plan is null)
        {
            return CandleRefresh.UpToDate(entry.State);
        }

        var result = await _source.FetchAsync(coin, interval, plan.StartMs, plan.EndMs, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        if (!result.IsSuccess)
        {
            Interlocked.Add(ref _weight, plan.ExpectedWeight);
            return CandleRefresh.Failed(plan, result.Error);
        }

        var weight = CandleSnapshotWeight.For(result.Value.Count);
        Interlocked.Add(ref _weight, weight);
        var state = plan.IsInitial ? _snapshotOptions.CreateState(interval) : entry.State;
        var counts = ApplyAll(state, result.Value, nowMs);
        entry.State = state;
        entry.FetchedThroughMs = nowMs;
        return CandleRefresh.Fetched(state, plan, weight, counts);
    }

    private CandleRequest? Plan(string coin, CandleInterval interval, Entry? entry, long nowMs)
    {
        var nowOpen = interval.FloorMs(nowMs);
        var lookback = Options.LookbackCandles;
        if (entry?.FetchedThroughMs is { } fetched)
        {
            if (fetched >= nowMs)
            {
                return null;
            }

            var start = entry.State.Last?.OpenTimeMs ?? interval.FloorMs(fetched);
            var expected = (nowOpen - start) / interval.Milliseconds + 1;
            if (expected <= lookback)
            {
                return new CandleRequest(coin, interval, start, nowMs, (int)expected, IsInitial: false);
            }
        }

        return new CandleRequest(coin, interval, nowOpen - ((lookback - 1) * interval.Milliseconds), nowMs, lookback, IsInitial: true);
    }

    /// <summary>Applies the fetched candles oldest first (a source's array is walked as a span: no enumerator, no interface call per candle).</summary>
    private static ApplyCounts ApplyAll(IndicatorState state, IReadOnlyList<Candle> candles, long nowMs)
    {
        var fetched = candles as Candle[] ?? [.. candles];
        var ordered = IsAscending(fetched) ? fetched : [.. fetched.OrderBy(c => c.OpenTimeMs)];
        int appended = 0, replaced = 0, ignored = 0;
        foreach (var candle in ordered)
        {
            if (candle.OpenTimeMs > nowMs)
            {
                ignored++;
                continue;
            }

            switch (state.Apply(candle))
            {
                case CandleApplied.Appended:
                    appended++;
                    break;
                case CandleApplied.Replaced:
                    replaced++;
                    break;
                default:
                    ignored++;
                    break;
            }
        }

        return new ApplyCounts(appended, replaced, ignored);
    }

    private static bool IsAscending(ReadOnlySpan<Candle> candles)
    {
        for (var i = 1; i < candles.Length; i++)
        {
            if (candles[i].OpenTimeMs < candles[i - 1].OpenTimeMs)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Entry(IndicatorState state)
    {
        public IndicatorState State { get; set; } = state;

        /// <summary>The instant (Unix ms) of the last successful fetch, null before the first.</summary>
        public long? FetchedThroughMs { get; set; }
    }
}

/// <summary>How many fetched candles were appended, replaced in place, or ignored (stale or in the future).</summary>
public readonly record struct ApplyCounts(int Appended, int Replaced, int Ignored);

/// <summary>The outcome of one <see cref="CandleCache.RefreshAsync"/>.</summary>
public sealed class CandleRefresh
{
    private CandleRefresh(IndicatorState? state, CandleRequest? request, Error? error, int weight, ApplyCounts counts)
    {
        State = state;
        Request = request;
        Error = error;
        Weight = weight;
        Counts = counts;
    }

    /// <summary>The key's indicator state after the refresh (null when the fetch failed).</summary>
    public IndicatorState? State { get; }

    /// <summary>The request sent, or null when none was needed.</summary>
    public CandleRequest? Request { get; }

    public Error? Error { get; }

    /// <summary>The weight this refresh cost (0 when no request was sent).</summary>
    public int Weight { get; }

    public ApplyCounts Counts { get; }

    [MemberNotNullWhen(true, nameof(State))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    internal static CandleRefresh UpToDate(IndicatorState state) => new(state, null, null, 0, default);

    internal static CandleRefresh Fetched(IndicatorState state, CandleRequest request, int weight, ApplyCounts counts) =>
        new(state, request, null, weight, counts);

    internal static CandleRefresh Failed(CandleRequest request, Error error) =>
        new(null, request, error, request.ExpectedWeight, default);
}

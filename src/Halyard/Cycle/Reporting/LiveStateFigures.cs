using Halyard.Hyperliquid.Info;
using Halyard.Journal;

namespace Halyard.Cycle.Reporting;

/// <summary>How long the sibling of a fired stop or target stayed live on the venue (replay-clock seconds).</summary>
/// <param name="Samples">Fired protective triggers whose sibling was found.</param>
public sealed record SiblingLiveStats(int Samples, double? MedianSeconds, double? MaxSeconds);

/// <summary>
/// The state reads of a run (the WebSocket live state, docs/websocket.md): how the account was read, how often the
/// pushed state disagreed with a poll, and how long a fired stop's sibling stayed live.
/// </summary>
public sealed record LiveStateFigures
{
    /// <summary><c>features.websocket</c> as the run had it.</summary>
    public bool WebSocket { get; init; }

    /// <summary><c>/info</c> requests during the cycles (every attempt; the summary's own reads excluded).</summary>
    public long InfoRequests { get; init; }

    public double InfoRequestsPerCycle { get; init; }

    /// <summary>
    /// How the cycles read the venue: <c>typed</c> (the replay's in-process typed path: reads answered without HTTP,
    /// counted in <see cref="TypedReads"/>, not in <see cref="InfoRequests"/>) or <c>http</c> (every read an <c>/info</c> request).
    /// </summary>
    public string Reads { get; init; } = "http";

    /// <summary>
    /// How the WebSocket pushes reached the shadow state: <c>typed</c> (the replay's in-process hand-off: the messages
    /// themselves, no JSON), <c>json</c> (text frames parsed by the client) or <c>none</c> (no WebSocket).
    /// </summary>
    public string Pushes { get; init; } = "none";

    /// <summary>Reads served by the typed path during the cycles (one per read the HTTP path would send as an <c>/info</c> request).</summary>
    public long TypedReads { get; init; }

    public double TypedReadsPerCycle { get; init; }

    /// <summary>For every stop or take-profit that fired: the time until its sibling was cancelled (or the run's end).</summary>
    public required SiblingLiveStats SiblingLiveAfterFire { get; init; }

    /// <summary>Reactions between cycles, by trigger.</summary>
    public IReadOnlyDictionary<string, int> Reactions { get; init; } = new Dictionary<string, int>();

    /// <summary>Account, order and mid reads served from the pushed state.</summary>
    public long PushedReads { get; init; }

    /// <summary>Reads that polled because the pushed state was not usable then (socket down, stale, resyncing).</summary>
    public long FallbackPolls { get; init; }

    public long CrossChecks { get; init; }

    public long CrossChecksDisagreed { get; init; }

    public long Resyncs { get; init; }

    public long ResyncsWithDifferences { get; init; }

    /// <summary>Share of cycles whose record holds a cross-check or a resync that found the pushed state different from the poll.</summary>
    public double CyclesDisagreedPct { get; init; }

    /// <summary>Times the replay clock stopped between cycles for a venue event (the replay only).</summary>
    public long EventStops { get; init; }

    /// <summary>
    /// The sibling-live figures from the venue's order history: a filled reduce-only trigger's sibling is the other
    /// reduce-only trigger of the same coin placed within <paramref name="pairedWithin"/> of it; its live time is
    /// from the fill to its own end (cancelled, or <paramref name="end"/> when still open).
    /// </summary>
    public static SiblingLiveStats SiblingLive(IReadOnlyList<OrderStatusReport> history, DateTimeOffset end, TimeSpan pairedWithin)
    {
        ArgumentNullException.ThrowIfNull(history);
        var latest = history
            .GroupBy(r => r.Order.Oid)
            .Select(g => g.OrderByDescending(r => r.StatusTimestamp).First())
            .Where(r => r.Order.IsTrigger || r.Order.OrderType.StartsWith("Stop", StringComparison.Ordinal) || r.Order.OrderType.StartsWith("Take Profit", StringComparison.Ordinal))
            .Where(r => r.Order.ReduceOnly)
            .ToArray();
        var samples = new List<double>();
        foreach (var fired in latest.Where(r => r.IsFilled))
        {
            var sibling = latest
                .Where(r => r.Order.Oid != fired.Order.Oid && r.Order.Coin == fired.Order.Coin && !r.IsFilled)
                .Where(r => (r.Order.Timestamp - fired.Order.Timestamp).Duration() <= pairedWithin)
                .OrderBy(r => (r.Order.Timestamp - fired.Order.Timestamp).Duration())
                .FirstOrDefault();
            if (sibling is null)
            {
                continue;
            }

            var gone = sibling.IsOpen ? end : sibling.StatusTimestamp;
            if (gone < fired.StatusTimestamp)
            {
                continue; // replaced before the fire: not a sibling any more
            }

            samples.Add((gone - fired.StatusTimestamp).TotalSeconds);
        }

        if (samples.Count == 0)
        {
            return new SiblingLiveStats(0, null, null);
        }

        samples.Sort();
        var mid = samples.Count / 2;
        var median = samples.Count % 2 == 1 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
        return new SiblingLiveStats(samples.Count, Math.Round(median, 3), Math.Round(samples[^1], 3));
    }

    /// <summary>Share of <paramref name="records"/> holding a disagreeing <c>state_cross_check</c> or <c>state_resync</c> action.</summary>
    public static double DisagreedPct(IReadOnlyList<DecisionCycleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var disagreed = records.Count(r => r.Actions.Any(a => a.Action is ActionNames.StateCrossCheck or ActionNames.StateResync && a.Result == ActionNames.Disagreed));
        return Math.Round(100.0 * disagreed / records.Count, 3);
    }

    /// <summary>The reactions journaled in <paramref name="records"/>, by trigger.</summary>
    public static IReadOnlyDictionary<string, int> ReactionsOf(IReadOnlyList<DecisionCycleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.SelectMany(r => r.Actions).Where(a => a.Action == ActionNames.Reaction)
            .GroupBy(a => a.Result, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}

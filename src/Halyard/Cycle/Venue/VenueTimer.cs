namespace Halyard.Cycle.Venue;

/// <summary>
/// Measures, on the wall clock, the time each HTTP request spends outside our process (the network and the
/// venue; for the in-process paper exchange, the simulator), so the decision-to-order latency can be
/// reported as our own time. A caller opens a <see cref="Probe"/>; the requests made in that async flow add
/// their intervals to it.
/// </summary>
public sealed class VenueTimer : DelegatingHandler
{
    private readonly AsyncLocal<Probe?> _current = new();
    private readonly TimeProvider _wall;
    private long _infoRequests;

    public VenueTimer(HttpMessageHandler inner, TimeProvider wall)
        : base(inner)
    {
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
    }

    /// <summary>Starts collecting the intervals of the current async flow's requests (until the next <see cref="Begin"/>).</summary>
    public Probe Begin()
    {
        var probe = new Probe();
        _current.Value = probe;
        return probe;
    }

    /// <summary>The wall clock the intervals are measured on.</summary>
    public TimeProvider Wall => _wall;

    /// <summary>
    /// Counts an interval spent in the venue without HTTP (the replay's typed reads: the in-process paper exchange
    /// answering) as outside time of the current async flow, as the HTTP request it stands for would be.
    /// </summary>
    public void AddOutside(long start, long end) => _current.Value?.Add(start, end);

    /// <summary><c>/info</c> requests sent so far (every attempt; the replay's summary divides them by the cycles).</summary>
    public long InfoRequests => Interlocked.Read(ref _infoRequests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri?.AbsolutePath.EndsWith("/info", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _infoRequests);
        }

        var probe = _current.Value;
        var start = _wall.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            probe?.Add(start, _wall.GetTimestamp());
        }
    }

    /// <summary>The outside intervals (wall timestamps) of one flow's requests.</summary>
    public sealed class Probe
    {
        private readonly Lock _gate = new();
        private readonly List<(long Start, long End)> _intervals = [];

        /// <summary>Outside time (timestamp ticks) of the requests that ended at or before <paramref name="until"/>.</summary>
        public long OutsideBefore(long until)
        {
            lock (_gate)
            {
                long total = 0;
                foreach (var (start, end) in _intervals)
                {
                    if (end <= until)
                    {
                        total += end - start;
                    }
                }

                return total;
            }
        }

        internal void Add(long start, long end)
        {
            lock (_gate)
            {
                _intervals.Add((start, end));
            }
        }
    }
}

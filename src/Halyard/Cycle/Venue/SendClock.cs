namespace Halyard.Cycle.Venue;

/// <summary>
/// Stamps, on the wall clock, the moment each HTTP request is handed to the transport and the moment its
/// response is read, so the decision-to-order latency can be measured as our own time (validated
/// decision → request sent) apart from the network (request → response). A caller opens a
/// <see cref="Probe"/> before a venue call; requests made in that async flow stamp it.
/// </summary>
public sealed class SendClock : DelegatingHandler
{
    private readonly AsyncLocal<Probe?> _current = new();
    private readonly TimeProvider _wall;

    public SendClock(HttpMessageHandler inner, TimeProvider wall)
        : base(inner)
    {
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
    }

    /// <summary>Starts stamping the requests of the current async flow (until the next <see cref="Begin"/>).</summary>
    public Probe Begin()
    {
        var probe = new Probe();
        _current.Value = probe;
        return probe;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var probe = _current.Value;
        probe?.Sent(_wall.GetTimestamp());
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        probe?.Answered(_wall.GetTimestamp());
        return response;
    }

    /// <summary>Wall-clock timestamps (<see cref="TimeProvider.GetTimestamp"/>) of the first request and the last answer.</summary>
    public sealed class Probe
    {
        private long _firstSent;
        private long _lastAnswered;

        public long? FirstSent => Interlocked.Read(ref _firstSent) is var v && v != 0 ? v : null;

        public long? LastAnswered => Interlocked.Read(ref _lastAnswered) is var v && v != 0 ? v : null;

        internal void Sent(long timestamp) => Interlocked.CompareExchange(ref _firstSent, timestamp, 0);

        internal void Answered(long timestamp) => Interlocked.Exchange(ref _lastAnswered, timestamp);
    }
}

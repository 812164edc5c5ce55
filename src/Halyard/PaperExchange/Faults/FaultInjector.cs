namespace Halyard.PaperExchange.Faults;

/// <summary>The fault applied to one request (null name = none).</summary>
public enum PaperFault
{
    None,
    Http5xx,
    RateLimited,
    Timeout,
    ResponseLost,
    Malformed,
    Down,
}

/// <summary>The decision for one request: which fault, and how much latency to add first.</summary>
internal readonly record struct FaultDecision(PaperFault Fault, TimeSpan Latency);

/// <summary>
/// Draws faults per request from seeded streams (one per endpoint, two draws per request whatever the
/// configuration, so a request's fate depends only on its position in its endpoint's sequence).
/// </summary>
internal sealed class FaultInjector
{
    private readonly FaultOptions _options;
    private readonly Random _exchange;
    private readonly Random _info;
    private readonly object _gate = new();

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _exchange = new Random(options.Seed);
        _info = new Random(unchecked((options.Seed * 31) + 7919));
    }

    public FaultDecision Decide(bool isExchange, DateTimeOffset now, DateTimeOffset start)
    {
        var endpoint = isExchange ? _options.Exchange : _options.Info;
        double draw, jitter;
        lock (_gate)
        {
            var random = isExchange ? _exchange : _info;
            draw = random.NextDouble();
            jitter = random.NextDouble();
        }

        var latency = endpoint.Latency + TimeSpan.FromTicks((long)(endpoint.LatencyJitter.Ticks * jitter));
        if (_options.IsDownAt(now, start))
        {
            return new FaultDecision(PaperFault.Down, latency);
        }

        var fault = Pick(endpoint, draw);
        return new FaultDecision(fault, latency);
    }

    public static string? Name(PaperFault fault) => fault switch
    {
        PaperFault.None => null,
        PaperFault.Http5xx => "http_5xx",
        PaperFault.RateLimited => "rate_limited",
        PaperFault.Timeout => "timeout",
        PaperFault.ResponseLost => "response_lost",
        PaperFault.Malformed => "malformed",
        PaperFault.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static PaperFault Pick(EndpointFaultOptions endpoint, double draw)
    {
        var bound = endpoint.Http5xx;
        if (draw < bound)
        {
            return PaperFault.Http5xx;
        }

        bound += endpoint.RateLimited;
        if (draw < bound)
        {
            return PaperFault.RateLimited;
        }

        bound += endpoint.Timeout;
        if (draw < bound)
        {
            return PaperFault.Timeout;
        }

        bound += endpoint.ResponseLost;
        if (draw < bound)
        {
            return PaperFault.ResponseLost;
        }

        bound += endpoint.Malformed;
        return draw < bound ? PaperFault.Malformed : PaperFault.None;
    }
}

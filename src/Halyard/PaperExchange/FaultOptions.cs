namespace Halyard.PaperExchange;

/// <summary>
/// <c>paper_exchange.faults</c>. Every draw comes from <c>new Random(seed)</c> (one stream per endpoint), so
/// a sequential run sees the same faults on the same requests. The flat keys (<c>http_5xx</c>,
/// <c>rate_limited</c>, <c>timeout</c>, <c>response_lost</c>, <c>malformed</c>, <c>latency</c>,
/// <c>latency_jitter</c>) configure <c>/exchange</c> (<see cref="Exchange"/>); <c>faults.info</c> holds the same
/// keys for <c>/info</c>. Probabilities are per request, 0..1, and at most one fault applies to a request.
/// </summary>
public sealed record FaultOptions
{
    /// <summary><c>seed</c>.</summary>
    public int Seed { get; init; }

    /// <summary>The flat keys under <c>faults</c>: per-<c>/exchange</c>-request faults.</summary>
    public EndpointFaultOptions Exchange { get; init; } = new();

    /// <summary><c>faults.info</c>: per-<c>/info</c>-request faults (default: none).</summary>
    public EndpointFaultOptions Info { get; init; } = new();

    /// <summary><c>faults.socket</c>: what happens to <c>/ws</c> pushes (default: nothing).</summary>
    public Streaming.SocketFaultOptions Socket { get; init; } = new();

    /// <summary><c>down_after</c> (duration): the exchange goes down this long after the engine's start time; null = never.</summary>
    public TimeSpan? DownAfter { get; init; }

    /// <summary><c>down_for</c> (duration): how long it stays down (every request answers HTTP 503).</summary>
    public TimeSpan DownFor { get; init; }

    /// <summary><c>retry_after</c> (duration, whole seconds on the wire): the <c>Retry-After</c> of a 429.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>timeout_after</c> (duration): how long a timed-out or lost request hangs before the connection fails.</summary>
    public TimeSpan TimeoutAfter { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsDownAt(DateTimeOffset now, DateTimeOffset start) =>
        DownAfter is { } after && now >= start + after && now < start + after + DownFor;

    public IEnumerable<string> Validate()
    {
        foreach (var error in Exchange.Validate("paper_exchange.faults"))
        {
            yield return error;
        }

        foreach (var error in Info.Validate("paper_exchange.faults.info"))
        {
            yield return error;
        }

        foreach (var error in Socket.Validate())
        {
            yield return "paper_exchange." + error;
        }

        if (DownAfter < TimeSpan.Zero || DownFor < TimeSpan.Zero || RetryAfter < TimeSpan.Zero || TimeoutAfter <= TimeSpan.Zero)
        {
            yield return "paper_exchange.faults: down_after, down_for and retry_after must be >= 0, timeout_after > 0.";
        }
    }
}

/// <summary>Per-request fault probabilities and added latency of one endpoint.</summary>
/// <param name="Http5xx"><c>http_5xx</c>: answer HTTP 500 without executing.</param>
/// <param name="RateLimited"><c>rate_limited</c>: answer HTTP 429 with <c>Retry-After</c> without executing.</param>
/// <param name="Timeout"><c>timeout</c>: never answer, without executing.</param>
/// <param name="ResponseLost"><c>response_lost</c>: execute, then never answer.</param>
/// <param name="Malformed"><c>malformed</c>: execute, then answer HTTP 200 with the JSON truncated in the middle.</param>
/// <param name="Latency"><c>latency</c> (duration): added before every request is handled.</param>
/// <param name="LatencyJitter"><c>latency_jitter</c> (duration): plus a uniform draw in [0, jitter).</param>
public sealed record EndpointFaultOptions(
    double Http5xx = 0,
    double RateLimited = 0,
    double Timeout = 0,
    double ResponseLost = 0,
    double Malformed = 0,
    TimeSpan Latency = default,
    TimeSpan LatencyJitter = default)
{
    public bool Any => Http5xx + RateLimited + Timeout + ResponseLost + Malformed > 0 || Latency > TimeSpan.Zero || LatencyJitter > TimeSpan.Zero;

    public IEnumerable<string> Validate(string path)
    {
        double[] probabilities = [Http5xx, RateLimited, Timeout, ResponseLost, Malformed];
        foreach (var p in probabilities)
        {
            if (p is < 0 or > 1 || double.IsNaN(p))
            {
                yield return path + ": http_5xx, rate_limited, timeout, response_lost and malformed are probabilities in [0, 1].";
                yield break;
            }
        }

        if (probabilities.Sum() > 1)
        {
            yield return path + ": the fault probabilities add up to more than 1.";
        }

        if (Latency < TimeSpan.Zero || LatencyJitter < TimeSpan.Zero)
        {
            yield return path + ": latency and latency_jitter must be >= 0.";
        }
    }
}

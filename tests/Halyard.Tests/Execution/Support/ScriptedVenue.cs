using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Halyard.Tests.Execution.Support;

/// <summary>A scripted failure for the next requests of one kind.</summary>
internal abstract record Fault
{
    /// <summary><c>{"status":"err","response":text}</c> (HTTP 200): classified by the venue error map.</summary>
    public sealed record Err(string Text) : Fault;

    /// <summary>An HTTP status with a text body (429 with Retry-After seconds, 5xx).</summary>
    public sealed record Http(int Status, int? RetryAfterSeconds = null) : Fault;

    /// <summary>The connection is refused: nothing was sent.</summary>
    public sealed record Refused : Fault;

    /// <summary>The request is executed, then the response is lost (connection reset while reading).</summary>
    public sealed record Lost : Fault;

    /// <summary>No answer until the client gives up (its timeout), nothing executed.</summary>
    public sealed record Hang : Fault;
}

/// <summary>
/// An in-process <see cref="HttpMessageHandler"/> speaking the venue's JSON for the requests the Orchestrator
/// makes, over a tiny state model (positions, open orders, orders by cloid, fills) — no matching engine: entries
/// fill at the mid (fully, partly, or rest, as configured), reduce-only IOCs close, triggers rest. Faults are
/// scripted per request kind (<see cref="Kind"/>): <c>order:entry</c>, <c>order:trigger</c>, <c>order:close</c>,
/// <c>cancel</c>, <c>cancelByCloid</c>, <c>updateLeverage</c>, <c>scheduleCancel</c>, or an info type.
/// </summary>
internal sealed partial class ScriptedVenue : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextOid = 1000;

    public ScriptedVenue(TimeProvider time)
    {
        _time = time;
    }

    public static readonly string[] Coins = ["BTC", "ETH", "SOL"];

    public Dictionary<string, decimal> Mids { get; } = new(StringComparer.Ordinal) { ["BTC"] = 100_000m, ["ETH"] = 2_500m, ["SOL"] = 150m };

    public Dictionary<string, decimal> Positions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Leverage { get; } = new(StringComparer.Ordinal);

    public List<VenueOrder> OpenOrders { get; } = [];

    public Dictionary<string, VenueOrder> ByCloid { get; } = new(StringComparer.Ordinal);

    public List<VenueFill> Fills { get; } = [];

    /// <summary>How entries (non-reduce-only limit orders) execute: the fraction filled at once (1 = all, 0 = nothing).</summary>
    public decimal EntryFillFraction { get; set; } = 1m;

    /// <summary>When true a GTC entry's unfilled part rests; otherwise (IOC) it is cancelled.</summary>
    public bool GtcRests { get; set; } = true;

    /// <summary>Triggers answer <c>"waitingForTrigger"</c> (no oid), as the venue does for grouped TP/SL.</summary>
    public bool TriggersAnswerWaiting { get; set; }

    /// <summary>Answer to <c>scheduleCancel</c> (null: ok).</summary>
    public string? ScheduleCancelError { get; set; }

    public decimal Withdrawable { get; set; } = 10_000m;

    /// <summary>Called with the request kind when a request arrives, before it is answered.</summary>
    public Action<string>? OnRequest { get; set; }

    /// <summary>Requests received per kind.</summary>
    public int Count(string kind)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(kind);
        }
    }

    /// <summary>The next <paramref name="times"/> requests of <paramref name="kind"/> get <paramref name="fault"/>.</summary>
    public void Script(string kind, Fault fault, int times = 1000)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(kind, out var queue))
            {
                _faults[kind] = queue = new Queue<Fault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public static int AssetOf(string coin) => Array.IndexOf(Coins, coin);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var path = request.RequestUri!.AbsolutePath;
        var kind = path.EndsWith("/exchange", StringComparison.Ordinal) ? ExchangeKind(root.GetProperty("action")) : root.GetProperty("type").GetString()!;
        OnRequest?.Invoke(kind);
        Fault? fault;
        lock (_gate)
        {
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            fault = _faults.TryGetValue(kind, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }

        switch (fault)
        {
            case Fault.Err err:
                return Json("{\"status\":\"err\",\"response\":" + JsonSerializer.Serialize(err.Text) + "}");
            case Fault.Http http:
                var response = new HttpResponseMessage((HttpStatusCode)http.Status) { Content = new StringContent("venue says no") };
                if (http.RetryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                }

                return response;
            case Fault.Refused:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused (scripted)");
            case Fault.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException("unreachable");
        }

        string body;
        lock (_gate)
        {
            body = path.EndsWith("/exchange", StringComparison.Ordinal) ? Exchange(root.GetProperty("action")) : Info(root);
        }

        if (fault is Fault.Lost)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "response lost (scripted)");
        }

        return Json(body);
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static string ExchangeKind(JsonElement action)
    {
        var type = action.GetProperty("type").GetString()!;
        if (type != "order")
        {
            return type;
        }

        var first = action.GetProperty("orders")[0];
        return first.GetProperty("t").TryGetProperty("trigger", out _) ? "order:trigger"
            : first.GetProperty("r").GetBoolean() ? "order:close"
            : "order:entry";
    }

    private static string D(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static decimal Dec(JsonElement element) => decimal.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();
}

/// <summary>An order the scripted venue knows.</summary>
internal sealed class VenueOrder
{
    public required long Oid { get; init; }

    public required string Coin { get; init; }

    public required bool IsBuy { get; init; }

    public required decimal LimitPx { get; init; }

    public required decimal OrigSz { get; init; }

    public decimal Sz { get; set; }

    public decimal Filled { get; set; }

    public string? Cloid { get; init; }

    public bool ReduceOnly { get; init; }

    public bool IsTrigger { get; init; }

    public decimal TriggerPx { get; init; }

    public bool IsTakeProfit { get; init; }

    public string Tif { get; init; } = "Gtc";

    public string Status { get; set; } = "open";
}

/// <summary>A fill of the scripted venue.</summary>
internal sealed record VenueFill(string Coin, decimal Px, decimal Sz, bool IsBuy, long Time, string Dir, decimal ClosedPnl, long Oid, string? Cloid);

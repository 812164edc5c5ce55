using System.Text;
using System.Text.Json;
using Halyard.Domain;
using Halyard.PaperExchange.Audit;
using Halyard.PaperExchange.Auth;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Faults;
using Halyard.PaperExchange.Hosting;
using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;
using Halyard.PaperExchange.Streaming;

namespace Halyard.PaperExchange;

/// <summary>
/// The paper exchange: one venue simulator (accounts, matching, triggers, funding, liquidation on replayed
/// real market data) behind the venue's HTTP API, with seeded fault injection and the <c>/exchange</c>
/// audit log. Host it in-process with <see cref="CreateHandler"/> (<c>new HttpClient(engine.CreateHandler())</c>)
/// or on loopback with <see cref="PaperExchangeServer"/>. Its time is the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class PaperExchangeEngine : IDisposable
{
    private const string Json = "application/json";
    private const string Text = "text/plain; charset=utf-8";

    private readonly VenueEngine _venue;
    private readonly FaultInjector _faults;
    private readonly FaultOptions _faultOptions;
    private readonly AuditLog? _audit;
    private readonly bool _ownsAudit;
    private readonly StreamEngine _streamEngine;
    private readonly SocketFaultCounter _socketCounter = new();
    private readonly CancellationTokenSource _sockets = new();
    private readonly HashSet<System.Net.WebSockets.WebSocket> _open = [];
    private readonly IpWeightBudget _ipBudget;
    private readonly TimeProvider _protocolTime;

    /// <param name="options">The configuration (validated here; invalid options throw).</param>
    /// <param name="time">The venue's clock: a <see cref="ReplayClock"/> for replays, a <see cref="ScaledClock"/> for a live window, a fake in tests.</param>
    /// <param name="data">Market data; null = <see cref="PaperExchangeOptions.DataDirectory"/> or the embedded data.</param>
    /// <param name="audit">The audit sink; null = <see cref="PaperExchangeOptions.AuditLogPath"/> (or none).</param>
    /// <param name="protocolTime">
    /// The protocol's clock (nonce window, <c>expiresAfter</c>, <c>scheduleCancel</c> times); null = <paramref name="time"/>.
    /// The standalone host passes the wall clock, since clients sign with theirs; in-process replays keep the replay clock.
    /// </param>
    public PaperExchangeEngine(PaperExchangeOptions options, TimeProvider time, MarketDataSet? data = null, AuditLog? audit = null, TimeProvider? protocolTime = null)
        : this(options, time, data, SignatureSignerRecovery.Instance, audit, protocolTime)
    {
    }

    /// <summary>
    /// The live-price mode (a shadow trader's venue): the engine trades on the prices recorded in <paramref name="feed"/>
    /// (a live venue's mids, funding and volumes) over the feed's universe, instead of replaying recorded candles.
    /// <c>candleSnapshot</c> and <c>fundingHistory</c> answer empty (read them from the live venue).
    /// </summary>
    public static PaperExchangeEngine OnLivePrices(PaperExchangeOptions options, TimeProvider time, LivePriceFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return new PaperExchangeEngine(options, time, MarketDataSet.UniverseOnly(feed.Universe), SignatureSignerRecovery.Instance, null, null, feed);
    }

    internal PaperExchangeEngine(
        PaperExchangeOptions options, TimeProvider time, MarketDataSet? data, ISignerRecovery recovery, AuditLog? audit, TimeProvider? protocolTime = null, LivePriceFeed? feed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid paper exchange options: " + string.Join(" ", errors), nameof(options));
        }

        Time = time;
        Options = options;
        data ??= options.DataDirectory is { } directory ? MarketDataSet.FromDirectory(directory) : MarketDataSet.Embedded;
        _venue = new VenueEngine(data, options, time, new ProtocolClock(time, protocolTime), recovery, feed);
        StartTime = time.GetUtcNow();
        _faultOptions = options.Faults;
        _faults = new FaultInjector(options.Faults);
        _ipBudget = new IpWeightBudget(options.IpWeightPerMinute);
        _protocolTime = protocolTime ?? time;
        _ownsAudit = audit is null && options.AuditLogPath is not null;
        _audit = audit ?? (options.AuditLogPath is { } path ? AuditLog.ToFile(path) : null);
        _streamEngine = new StreamEngine(_venue.Attach, _venue.Detach, _venue.Subscribe, _venue.Unsubscribe, HandleAsync);
    }

    public PaperExchangeOptions Options { get; }

    /// <summary>The virtual clock (a <see cref="ReplayClock"/> in replays, a <see cref="ScaledClock"/> for the server).</summary>
    public TimeProvider Time { get; }

    /// <summary>The clock's time when the engine was created (the origin of <c>down_after</c>).</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>What the socket faults did so far (sessions, pushed, dropped, disconnects, silences).</summary>
    public SocketFaultCounts SocketFaults => _socketCounter.Snapshot();

    /// <summary>
    /// The in-process <c>/ws</c>: a connector for <see cref="Hyperliquid.WebSocket.HyperliquidSocket"/> that opens a
    /// WebSocket pair over memory (no port) and serves the server end from this engine, with the socket faults.
    /// With <paramref name="typedPushes"/> (only when <see cref="ServesTypedPushes"/>) the pushes are handed to the
    /// client as messages instead of JSON frames (a <see cref="Hyperliquid.WebSocket.HandOffWebSocket"/>; docs/websocket.md).
    /// </summary>
    public Hyperliquid.WebSocket.WebSocketConnector InProcessWebSocket(TimeProvider wall, bool typedPushes = false)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (typedPushes && !ServesTypedPushes)
        {
            throw new ArgumentException("The paper exchange injects socket faults: typed pushes would skip them.", nameof(typedPushes));
        }

        return ct =>
        {
            ct.ThrowIfCancellationRequested();
            var (client, server) = Hosting.InProcessWebSocket.CreatePair();
            var handOff = typedPushes ? new Hyperliquid.WebSocket.WsHandOff() : null;
            _ = Task.Run(() => ServeAsync(server, wall, idleTimeout: null, handOff, _sockets.Token), CancellationToken.None);
            return Task.FromResult(handOff is null ? client : new Hyperliquid.WebSocket.HandOffWebSocket(client, handOff));
        };
    }

    /// <summary>True when <c>/ws</c> meets no injected fault (<c>paper_exchange.faults.socket</c> unset): only then may pushes be typed.</summary>
    public bool ServesTypedPushes => !_faultOptions.Socket.Any;

    /// <summary>Serves one accepted <c>/ws</c> connection until it closes (both hostings call this).</summary>
    public Task ServeWebSocketAsync(System.Net.WebSockets.WebSocket socket, TimeProvider wall, TimeSpan? idleTimeout, CancellationToken cancellationToken) =>
        ServeAsync(socket, wall, idleTimeout, null, cancellationToken);

    private async Task ServeAsync(
        System.Net.WebSockets.WebSocket socket, TimeProvider wall, TimeSpan? idleTimeout, Hyperliquid.WebSocket.WsHandOff? handOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _sockets.Token);
        lock (_open)
        {
            _open.Add(socket);
        }

        try
        {
            var options = new StreamServeOptions(wall, idleTimeout, _faultOptions.Socket, _faultOptions.Seed, _socketCounter, handOff);
            await StreamConnection.ServeAsync(socket, _streamEngine, options, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(socket);
            }
        }
    }

    /// <summary>Aborts every open <c>/ws</c> connection, as a network failure would (clients reconnect).</summary>
    public int DropWebSockets()
    {
        System.Net.WebSockets.WebSocket[] open;
        lock (_open)
        {
            open = [.. _open];
        }

        foreach (var socket in open)
        {
            socket.Abort();
        }

        return open.Length;
    }

    /// <summary>An in-process hosting: no sockets; use with <c>new HttpClient(handler) { BaseAddress = … }</c>.</summary>
    public HttpMessageHandler CreateHandler() => new PaperExchangeHandler(this);

    /// <summary>Credits <paramref name="usdc"/> to a master account, creating it when new.</summary>
    public void Fund(string address, decimal usdc)
    {
        if (!FundedAccount.IsAddress(address) || usdc < 0)
        {
            throw new ArgumentException("Fund needs a 0x + 40 hex address and a non-negative amount.", nameof(address));
        }

        _venue.Fund(address, usdc);
    }

    /// <summary>
    /// The slippage an account paid so far (USD, positive = cost): its taker fills against the mark at each fill, and its
    /// market triggers (stops, targets) against their trigger prices. Null for an unknown account.
    /// </summary>
    public SlippageFigures? SlippageOf(string address) => _venue.SlippageOf(address);

    /// <summary>Processes the market up to the clock's time (replay drivers may call it after advancing the clock; every request does it anyway).</summary>
    public void Synchronize() => _venue.Synchronize();

    /// <summary>
    /// <see cref="Synchronize"/>, then the number of <c>/ws</c> data messages queued to any connection so far (acks and
    /// pongs not counted): a reader that already flushed at this count knows nothing new was pushed since.
    /// </summary>
    public long SynchronizeAndCountPushes()
    {
        _venue.Synchronize();
        return _venue.Pushed;
    }

    /// <summary>
    /// For a replay driver that steps its clock from venue event to venue event (so pushes go out when things
    /// happen, between cycles): processes the quiet market up to the next event (a trigger or resting order
    /// reached, a liquidation, a scheduled cancel) at or before <paramref name="limit"/> and returns its time, or
    /// null when nothing happens until then. The driver then moves the clock there and calls <see cref="Synchronize"/>,
    /// which fires the event at its time and publishes it. The clock must not be moved past the time returned.
    /// </summary>
    public DateTimeOffset? NextEventUntil(DateTimeOffset limit) =>
        _venue.AdvanceToNextEvent(limit.ToUnixTimeMilliseconds()) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>
    /// True when <c>/info</c> requests meet no injected fault or delay (<c>paper_exchange.faults.info</c> and
    /// <c>down_after</c> unset): only then may a replay read through <see cref="ReadTyped"/> instead of HTTP.
    /// </summary>
    public bool ServesTypedReads => !_faultOptions.Info.Any && _faultOptions.DownAfter is null;

    /// <summary>
    /// One <c>/info</c> read of <paramref name="type"/> served as typed records, without a body: the per-IP weight is
    /// spent as for the HTTP request (over the budget: the HTTP path's 429 error), then the engine answers under its lock.
    /// Only when <see cref="ServesTypedReads"/>; nothing is audited (only <c>/exchange</c> is).
    /// </summary>
    internal Result<T> ReadTyped<T>(string type, Func<TypedInfoAnswers, long, T> read)
    {
        if (!ServesTypedReads)
        {
            throw new InvalidOperationException("Typed reads need a paper exchange without /info faults.");
        }

        if (_ipBudget.TrySpendInfo(type, _protocolTime.GetUtcNow().ToUnixTimeMilliseconds()) is { } retryAfter)
        {
            return Hyperliquid.Http.TransportErrors.TooManyRequests(Encoding.UTF8.GetBytes("Too Many Requests"), retryAfter);
        }

        return _venue.Typed(read);
    }

    /// <summary>Answers one POST to <c>/info</c> or <c>/exchange</c>, with faults and the audit line applied. Both hostings call this.</summary>
    public async Task<PaperResponse> HandleAsync(string path, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var isExchange = path == "/exchange";
        if (!isExchange && path != "/info")
        {
            return new PaperResponse(404, Encoding.UTF8.GetBytes("Not Found"), Text, null, PaperFault.None);
        }

        var decision = _faults.Decide(isExchange, Time.GetUtcNow(), StartTime);
        await VirtualDelay.SpendAsync(Time, decision.Latency, cancellationToken).ConfigureAwait(false);
        var timeMs = _venue.NowMs();
        using var document = TryParse(body);
        var request = document?.RootElement;
        var faultName = FaultInjector.Name(decision.Fault);
        switch (decision.Fault)
        {
            case PaperFault.Down:
                Audit(isExchange, timeMs, request, body, null, faultName);
                return new PaperResponse(503, Encoding.UTF8.GetBytes("Service Unavailable"), Text, null, decision.Fault);
            case PaperFault.Http5xx:
                Audit(isExchange, timeMs, request, body, null, faultName);
                return new PaperResponse(500, Encoding.UTF8.GetBytes("Internal Server Error"), Text, null, decision.Fault);
            case PaperFault.RateLimited:
                Audit(isExchange, timeMs, request, body, null, faultName);
                return new PaperResponse(429, Encoding.UTF8.GetBytes("Too Many Requests"), Text, _faultOptions.RetryAfter, decision.Fault);
            case PaperFault.Timeout:
                Audit(isExchange, timeMs, request, body, null, faultName);
                await VirtualDelay.SpendAsync(Time, _faultOptions.TimeoutAfter, cancellationToken).ConfigureAwait(false);
                return new PaperResponse(0, null, Text, null, decision.Fault);
        }

        if (_ipBudget.TrySpend(isExchange, request, _protocolTime.GetUtcNow().ToUnixTimeMilliseconds()) is { } retryAfter)
        {
            Audit(isExchange, timeMs, request, body, null, "ip_rate_limited");
            return new PaperResponse(429, Encoding.UTF8.GetBytes("Too Many Requests"), Text, retryAfter, PaperFault.None);
        }

        var reply = request is { } root ? (isExchange ? _venue.Exchange(root) : _venue.Info(root)) : VenueEngine.Unreadable();
        Audit(isExchange, timeMs, request, body, reply, faultName);
        switch (decision.Fault)
        {
            case PaperFault.ResponseLost:
                await VirtualDelay.SpendAsync(Time, _faultOptions.TimeoutAfter, cancellationToken).ConfigureAwait(false);
                return new PaperResponse(0, null, Json, null, decision.Fault);
            case PaperFault.Malformed:
                return new PaperResponse(200, reply.Body[..(reply.Body.Length / 2)], Json, null, decision.Fault);
            default:
                return new PaperResponse(reply.StatusCode, reply.Body, reply.IsJson ? Json : Text, null, PaperFault.None);
        }
    }

    public void Dispose()
    {
        _sockets.Cancel();
        DropWebSockets();
        _sockets.Dispose();
        if (_ownsAudit)
        {
            _audit?.Dispose();
        }
    }

    private void Audit(bool isExchange, long timeMs, JsonElement? request, ReadOnlyMemory<byte> raw, EngineReply? reply, string? fault)
    {
        if (!isExchange || _audit is null)
        {
            return;
        }

        byte[]? json = reply is { IsJson: true } r ? r.Body : null;
        string? text = reply is { IsJson: false } t ? Encoding.UTF8.GetString(t.Body) : null;
        _audit.Write(timeMs, request, raw.Span, json, text, fault);
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

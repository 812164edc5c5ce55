using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NetWebSocket = System.Net.WebSockets.WebSocket;

namespace Halyard.Hyperliquid.WebSocket;

/// <summary>Opens one WebSocket to the venue: a <see cref="ClientWebSocket"/> to <c>wss://…/ws</c>, or the paper exchange's in-process pair.</summary>
public delegate Task<NetWebSocket> WebSocketConnector(CancellationToken cancellationToken);

/// <summary>
/// A client of the venue's WebSocket API: keeps one connection open, sends every subscription (and re-sends
/// them after each reconnect, since subscriptions do not survive one), pings on a heartbeat and aborts a
/// silent socket, reconnects with exponential backoff, and hands every message to one handler in the order
/// received, framed by <see cref="WsConnected"/> / <see cref="WsDisconnected"/> so the reader knows where a
/// gap may be. <see cref="FlushAsync"/> is a ping whose pong proves every earlier message was handled.
/// </summary>
public sealed class HyperliquidSocket : IAsyncDisposable
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("""{"method":"ping"}""");

    private readonly WebSocketConnector _connect;
    private readonly Func<WsMessage, ValueTask> _handler;
    private readonly HyperliquidSocketOptions _options;
    private readonly Dictionary<string, WsSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Queue<TaskCompletionSource<bool>> _pongWaiters = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private NetWebSocket? _socket;
    private Task? _run;
    private long _generation;
    private long _received;

    /// <param name="connect">Opens a connection (see <see cref="ClientConnector"/>).</param>
    /// <param name="handler">Receives every message and lifecycle event, one at a time, in order.</param>
    public HyperliquidSocket(WebSocketConnector connect, Func<WsMessage, ValueTask> handler, HyperliquidSocketOptions options)
    {
        _connect = connect ?? throw new ArgumentNullException(nameof(connect));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Connections made so far (1 after the first connect).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Messages received so far (all channels, pongs included).</summary>
    public long Received => Interlocked.Read(ref _received);

    public bool IsConnected => Volatile.Read(ref _socket) is { State: WebSocketState.Open };

    /// <summary>A connector opening a <see cref="ClientWebSocket"/> to <paramref name="url"/> (the endpoint's <c>WebSocketUrl</c>).</summary>
    public static WebSocketConnector ClientConnector(Uri url) => async ct =>
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(url, ct).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    /// <summary>Starts the connection loop (once). The first <see cref="WsConnected"/> tells when it is up.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _run ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>Adds a subscription (sent now when connected, and after every reconnect).</summary>
    public async Task SubscribeAsync(WsSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            if (!_subscriptions.TryAdd(subscription.Key, subscription))
            {
                return;
            }
        }

        await TrySendAsync(Volatile.Read(ref _socket), Request("subscribe", subscription), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a subscription and tells the venue.</summary>
    public async Task UnsubscribeAsync(WsSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            if (!_subscriptions.Remove(subscription.Key))
            {
                return;
            }
        }

        await TrySendAsync(Volatile.Read(ref _socket), Request("unsubscribe", subscription), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a ping and waits for its pong: true once every message received before the pong has been handled;
    /// false when the socket is down or drops first.
    /// </summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is not { State: WebSocketState.Open })
        {
            return false;
        }

        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                _pongWaiters.Enqueue(waiter);
            }

            // In process with typed pushes the server takes the ping without its frame (its pong comes back in order).
            if (socket is not HandOffWebSocket { HandOff: var handOff } || !handOff.TryPing())
            {
                await socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            waiter.TrySetResult(false);
        }
        finally
        {
            _send.Release();
        }

        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Aborts the current connection (as if the network dropped it); the loop reconnects after its backoff.</summary>
    public void Drop() => Volatile.Read(ref _socket)?.Abort();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Volatile.Read(ref _socket)?.Abort();
        if (_run is { } run)
        {
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        _send.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            NetWebSocket socket;
            try
            {
                socket = await _connect(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or InvalidOperationException && !stop.IsCancellationRequested)
            {
                await Task.Delay(_options.BackoffFor(attempt++), _options.Time, stop).ConfigureAwait(false);
                continue;
            }

            attempt = 0;
            var generation = Interlocked.Increment(ref _generation);
            var reason = await ServeAsync(socket, generation, stop).ConfigureAwait(false);
            Volatile.Write(ref _socket, null);
            FailWaiters();
            socket.Dispose();
            if (stop.IsCancellationRequested)
            {
                return;
            }

            await _handler(new WsDisconnected(generation, reason)).ConfigureAwait(false);
            await Task.Delay(_options.BackoffFor(attempt++), _options.Time, stop).ConfigureAwait(false);
        }
    }

    /// <summary>One connection: subscribe everything, heartbeat, receive until it ends; returns why it ended.</summary>
    private async Task<string> ServeAsync(NetWebSocket socket, long generation, CancellationToken stop)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Volatile.Write(ref _socket, socket);
        WsSubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions.Values];
        }

        await _handler(new WsConnected(generation)).ConfigureAwait(false);
        foreach (var subscription in subscriptions)
        {
            if (!await TrySendAsync(socket, Request("subscribe", subscription), stop).ConfigureAwait(false))
            {
                return "the subscription could not be sent";
            }
        }

        var heartbeat = _options.PingInterval is { } interval ? HeartbeatAsync(socket, interval, connection.Token) : Task.CompletedTask;
        string reason;
        try
        {
            reason = await ReceiveAsync(socket, stop).ConfigureAwait(false);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return reason;
    }

    private async Task<string> ReceiveAsync(NetWebSocket socket, CancellationToken stop)
    {
        var handOff = (socket as HandOffWebSocket)?.HandOff;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException || (ex is OperationCanceledException && !stop.IsCancellationRequested))
                {
                    return "receive failed: " + ex.Message;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return "closed by the server (" + socket.CloseStatus + ")";
                }

                if (message.Length + result.Count > _options.MaxMessageBytes)
                {
                    socket.Abort();
                    return "message over " + _options.MaxMessageBytes + " bytes";
                }

                if (!result.EndOfMessage)
                {
                    message.Write(buffer, 0, result.Count);
                    continue;
                }

                // A message that came in one receive is parsed where it landed; a longer one from its pieces.
                ReadOnlyMemory<byte> frame = buffer.AsMemory(0, result.Count);
                if (message.Length > 0)
                {
                    message.Write(buffer, 0, result.Count);
                    frame = message.GetBuffer().AsMemory(0, (int)message.Length);
                }

                // In process, a typed push's marker stands for the messages the server handed over (in the same order).
                var marked = handOff is not null && result.MessageType == WebSocketMessageType.Binary ? WsHandOff.MarkedCount(frame.Span) : 0;
                if (marked > 0)
                {
                    message.SetLength(0);
                    for (var i = 0; i < marked; i++)
                    {
                        await HandleAsync(handOff!.Take() ?? new WsMalformed(string.Empty, "a typed push's marker without its message")).ConfigureAwait(false);
                    }

                    continue;
                }

                var parsed = WsMessageParser.Parse(frame);
                message.SetLength(0);
                await HandleAsync(parsed).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One message received (null: a frame the parser skips): counted, a pong completes the oldest flush, then the handler.</summary>
    private ValueTask HandleAsync(WsMessage? parsed)
    {
        Interlocked.Increment(ref _received);
        if (parsed is null)
        {
            return ValueTask.CompletedTask;
        }

        if (parsed is WsPong)
        {
            CompleteOldestWaiter();
        }

        return _handler(parsed);
    }

    /// <summary>Pings every interval; a ping whose pong does not arrive within the timeout aborts the socket.</summary>
    private async Task HeartbeatAsync(NetWebSocket socket, TimeSpan interval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(interval, _options.Time, ct).ConfigureAwait(false);
            var answered = FlushOnAsync(socket, ct);
            var timeout = Task.Delay(_options.PongTimeout, _options.Time, ct);
            if (await Task.WhenAny(answered, timeout).ConfigureAwait(false) == timeout || !await answered.ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                socket.Abort();
                return;
            }
        }
    }

    private async Task<bool> FlushOnAsync(NetWebSocket socket, CancellationToken ct)
    {
        if (Volatile.Read(ref _socket) != socket)
        {
            return false;
        }

        return await FlushAsync(ct).ConfigureAwait(false);
    }

    private void CompleteOldestWaiter()
    {
        TaskCompletionSource<bool>? waiter = null;
        lock (_gate)
        {
            _pongWaiters.TryDequeue(out waiter);
        }

        waiter?.TrySetResult(true);
    }

    private void FailWaiters()
    {
        TaskCompletionSource<bool>[] waiters;
        lock (_gate)
        {
            waiters = [.. _pongWaiters];
            _pongWaiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(false);
        }
    }

    private async Task<bool> TrySendAsync(NetWebSocket? socket, byte[] payload, CancellationToken ct)
    {
        if (socket is not { State: WebSocketState.Open })
        {
            return false;
        }

        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _send.Release();
        }
    }

    private static byte[] Request(string method, WsSubscription subscription)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WritePropertyName("subscription");
            subscription.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

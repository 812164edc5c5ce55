using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.PaperExchange.Streaming;

/// <summary>What a connection needs from the engine (each call takes the engine's lock).</summary>
internal sealed record StreamEngine(
    Func<WsHandOff?, StreamSession> Attach,
    Action<StreamSession> Detach,
    Action<StreamSession, WsSubscription, JsonElement> Subscribe,
    Action<StreamSession, WsSubscription, JsonElement> Unsubscribe,
    Func<string, ReadOnlyMemory<byte>, CancellationToken, Task<PaperResponse>> Post);

/// <summary>How one connection is served: the host's wall clock, the venue's idle timeout, the socket faults, and where typed pushes go (null: JSON frames).</summary>
internal sealed record StreamServeOptions(TimeProvider Wall, TimeSpan? IdleTimeout, SocketFaultOptions Faults, int Seed, SocketFaultCounter Counter, WsHandOff? HandOff = null);

/// <summary>
/// Serves one <c>/ws</c> connection in the venue's protocol: <c>subscribe</c>/<c>unsubscribe</c> (acked on
/// <c>subscriptionResponse</c>, an unknown subscription on <c>error</c>), <c>ping</c> → <c>pong</c>, <c>post</c>
/// (info or signed action, answered on <c>post</c>), pushes from the hub, the idle close after the venue's
/// 60 s, and the socket faults.
/// </summary>
internal static class StreamConnection
{
    /// <summary>The pong of a typed ping (<see cref="WsHandOff.TryPing"/>): what the client parses from the pong frame.</summary>
    private static readonly WsPong TypedPong = new();

    public static async Task ServeAsync(WebSocket socket, StreamEngine engine, StreamServeOptions options, CancellationToken ct)
    {
        var session = engine.Attach(options.HandOff);
        options.Counter.SessionOpened();
        options.HandOff?.AnswerPings(() => session.Send(TypedPong, isData: false));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendAsync(socket, session, options, stop.Token);
        try
        {
            await ReceiveAsync(socket, session, engine, options, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            options.HandOff?.AnswerPings(null);
            engine.Detach(session);
            session.Complete();
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            socket.Abort();
        }
    }

    private static async Task ReceiveAsync(WebSocket socket, StreamSession session, StreamEngine engine, StreamServeOptions options, CancellationToken ct)
    {
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, options.Wall);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, idle.Token);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            if (options.IdleTimeout is { } timeout)
            {
                idle.CancelAfter(timeout);
            }

            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            await HandleAsync(bytes, session, engine, ct).ConfigureAwait(false);
        }
    }

    private static async Task HandleAsync(byte[] bytes, StreamSession session, StreamEngine engine, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            session.Send(StreamFrames.Error("Error parsing JSON: " + Encoding.UTF8.GetString(bytes)), isData: false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var method = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            switch (method)
            {
                case "ping":
                    session.Send(StreamFrames.Pong, isData: false);
                    return;
                case "subscribe" or "unsubscribe":
                    var raw = root.TryGetProperty("subscription", out var s) ? s.Clone() : default;
                    if (WsSubscription.From(raw) is not { } subscription || !KnownInterval(subscription))
                    {
                        session.Send(StreamFrames.Error("Invalid subscription " + (raw.ValueKind == JsonValueKind.Undefined ? "{}" : raw.GetRawText())), isData: false);
                        return;
                    }

                    (method == "subscribe" ? engine.Subscribe : engine.Unsubscribe)(session, subscription, raw);
                    return;
                case "post":
                    await PostAsync(root, session, engine, ct).ConfigureAwait(false);
                    return;
                default:
                    session.Send(StreamFrames.Error("Unknown method: " + Encoding.UTF8.GetString(bytes)), isData: false);
                    return;
            }
        }
    }

    private static bool KnownInterval(WsSubscription subscription) =>
        subscription.Type != WsChannels.Candle || Data.CandleIntervalNames.TryGetMilliseconds(subscription.Interval, out _);

    /// <summary><c>{"method":"post","id":n,"request":{"type":"info"|"action","payload":{…}}}</c>: the HTTP body over the socket.</summary>
    private static async Task PostAsync(JsonElement root, StreamSession session, StreamEngine engine, CancellationToken ct)
    {
        if (!root.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id)
            || !root.TryGetProperty("request", out var request) || !request.TryGetProperty("type", out var typeElement)
            || typeElement.GetString() is not ("info" or "action") || !request.TryGetProperty("payload", out var payload))
        {
            session.Send(StreamFrames.Error("Invalid post request: " + root.GetRawText()), isData: false);
            return;
        }

        var type = typeElement.GetString()!;
        var reply = await engine.Post(type == "info" ? "/info" : "/exchange", Encoding.UTF8.GetBytes(payload.GetRawText()), ct).ConfigureAwait(false);
        if (reply.Body is null)
        {
            return; // the simulated network lost it: the client must reconcile (docs: in-flight posts on a dropped socket)
        }

        if (reply.StatusCode != 200 || reply.ContentType.StartsWith("text/", StringComparison.Ordinal))
        {
            var text = Encoding.UTF8.GetString(reply.Body);
            session.Send(StreamFrames.Post(id, "error", w => w.WriteStringValue(text)), isData: false);
            return;
        }

        var infoType = type == "info" && payload.TryGetProperty("type", out var t) ? t.GetString() : null;
        session.Send(StreamFrames.Post(id, type, w =>
        {
            if (infoType is null)
            {
                w.WriteRawValue(reply.Body, skipInputValidation: true);
                return;
            }

            w.WriteStartObject();
            w.WriteString("type", infoType);
            w.WritePropertyName("data");
            w.WriteRawValue(reply.Body, skipInputValidation: true);
            w.WriteEndObject();
        }), isData: false);
    }

    private static async Task SendAsync(WebSocket socket, StreamSession session, StreamServeOptions options, CancellationToken ct)
    {
        var faults = options.Faults;
        var random = new Random(options.Seed + session.Number);
        var silent = false;
        var outbox = session.Outbox;
        while (await outbox.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (outbox.TryRead(out var item))
            {
                var (frame, isData) = (item.Frame, item.IsData);
                if (isData && faults.Any)
                {
                    var draw = random.NextDouble();
                    if (draw < faults.Drop)
                    {
                        options.Counter.Dropped();
                        continue;
                    }

                    if (draw < faults.Drop + faults.Disconnect)
                    {
                        options.Counter.Disconnected();
                        socket.Abort();
                        return;
                    }

                    if (!silent && draw < faults.Drop + faults.Disconnect + faults.Silence)
                    {
                        options.Counter.Silenced();
                        silent = true;
                    }

                    if (faults.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(faults.Delay, options.Wall, ct).ConfigureAwait(false);
                    }
                }

                if (silent)
                {
                    continue;
                }

                if (isData)
                {
                    options.Counter.Pushed(item.Messages?.Length ?? 1);
                }

                try
                {
                    if (item.IsTyped)
                    {
                        // Typed pushes: the messages go to the client's side of the hand-off, markers on the socket in
                        // their place (in order). The typed items queued right behind go with them, under markers that
                        // count them (a typed session has no socket faults: nothing is drawn per message).
                        var count = Put(session.HandOff!, item);
                        while (outbox.TryPeek(out var next) && next.IsTyped && outbox.TryRead(out _))
                        {
                            if (next.IsData)
                            {
                                options.Counter.Pushed(next.Messages?.Length ?? 1);
                            }

                            count += Put(session.HandOff!, next);
                        }

                        for (; count > 0; count -= WsHandOff.MaxPerMarker)
                        {
                            await socket.SendAsync(WsHandOff.MarkerFor(Math.Min(count, WsHandOff.MaxPerMarker)), WebSocketMessageType.Binary, endOfMessage: true, ct).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        await socket.SendAsync(frame!.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Hands a typed item's messages over; returns how many.</summary>
    private static int Put(WsHandOff handOff, StreamOut item)
    {
        if (item.Message is { } message)
        {
            handOff.Put(message);
            return 1;
        }

        foreach (var each in item.Messages!)
        {
            handOff.Put(each);
        }

        return item.Messages.Length;
    }
}

/// <summary>Counts what the socket faults did (thread-safe).</summary>
internal sealed class SocketFaultCounter
{
    private long _sessions, _pushed, _dropped, _disconnects, _silences;

    public void SessionOpened() => Interlocked.Increment(ref _sessions);

    public void Pushed(int messages = 1) => Interlocked.Add(ref _pushed, messages);

    public void Dropped() => Interlocked.Increment(ref _dropped);

    public void Disconnected() => Interlocked.Increment(ref _disconnects);

    public void Silenced() => Interlocked.Increment(ref _silences);

    public SocketFaultCounts Snapshot() => new(
        Interlocked.Read(ref _sessions), Interlocked.Read(ref _pushed), Interlocked.Read(ref _dropped), Interlocked.Read(ref _disconnects), Interlocked.Read(ref _silences));
}

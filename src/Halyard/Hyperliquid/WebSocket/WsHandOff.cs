using System.Collections.Concurrent;

namespace Halyard.Hyperliquid.WebSocket;

/// <summary>
/// The typed pushes of one in-process connection (a replay's paper exchange, <c>replay.pushes: typed</c>): the server
/// puts a message here and then sends <see cref="Marker"/> on the socket in its place; the client takes the oldest
/// message here when it receives the marker. Both sides keep the socket's order (the server's send loop is
/// sequential, the client's receive loop too), so a typed push arrives exactly where its JSON frame would have,
/// between the same acks and pongs; only the serialisation and the parse are skipped. Typed pushes queued one behind
/// the other go under one marker that counts them (<see cref="MarkerFor"/>): the client takes that many, in order.
/// The client's ping goes the same way (<see cref="TryPing"/>): the server queues its pong in its outbox at once, after
/// every push queued before, as it does when its receive loop reads a ping frame; the pong comes back as a typed push.
/// </summary>
public sealed class WsHandOff
{
    /// <summary>The frame that stands for a typed push: one binary byte (the venue sends text frames only).</summary>
    public static readonly ReadOnlyMemory<byte> Marker = new byte[] { 0x1E };

    /// <summary>The most typed pushes one marker stands for (<see cref="MarkerFor"/>).</summary>
    public const int MaxPerMarker = byte.MaxValue;

    private const byte MarkerByte = 0x1E;

    /// <summary>The markers for 2 to <see cref="MaxPerMarker"/> pushes (read-only, made once).</summary>
    private static readonly ReadOnlyMemory<byte>[] Counted = CountedMarkers();

    /// <summary>
    /// The frame that stands for the next <paramref name="count"/> typed pushes: <see cref="Marker"/> for one, else the
    /// marker byte and the count (the server sends the pushes queued together under one frame).
    /// </summary>
    public static ReadOnlyMemory<byte> MarkerFor(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPerMarker);
        return count == 1 ? Marker : Counted[count];
    }

    private static ReadOnlyMemory<byte>[] CountedMarkers()
    {
        var markers = new ReadOnlyMemory<byte>[MaxPerMarker + 1];
        for (var count = 2; count <= MaxPerMarker; count++)
        {
            markers[count] = new byte[] { MarkerByte, (byte)count };
        }

        return markers;
    }

    /// <summary>How many typed pushes a binary frame stands for (see <see cref="MarkerFor"/>); 0 when it is no marker.</summary>
    public static int MarkedCount(ReadOnlySpan<byte> frame) => frame switch
    {
        [MarkerByte] => 1,
        [MarkerByte, var count] when count >= 2 => count,
        _ => 0,
    };

    private readonly ConcurrentQueue<WsMessage> _messages = new();
    private Action? _ping;

    /// <summary>Called by the server just before it sends the marker that stands for the message.</summary>
    public void Put(WsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
    }

    /// <summary>Called by the server while it serves the connection: <paramref name="pong"/> queues a pong (null: no longer served).</summary>
    public void AnswerPings(Action? pong) => Volatile.Write(ref _ping, pong);

    /// <summary>
    /// Called by the client in place of sending a ping frame: the server queues its pong now. False when no server
    /// answers (not yet served, or no more): the client then sends the ping frame.
    /// </summary>
    public bool TryPing()
    {
        if (Volatile.Read(ref _ping) is not { } ping)
        {
            return false;
        }

        ping();
        return true;
    }

    /// <summary>Called by the client for each message a marker stands for: the oldest one handed over.</summary>
    public WsMessage? Take() => _messages.TryDequeue(out var message) ? message : null;
}

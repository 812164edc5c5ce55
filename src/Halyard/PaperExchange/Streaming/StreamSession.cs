using System.Threading.Channels;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.PaperExchange.Streaming;

/// <summary>
/// One item of a session's outbox: a text frame, or (a typed session only) a message handed over in place of its
/// frame; <paramref name="IsData"/> for pushed data (what the socket faults act on), not acks and pongs.
/// </summary>
internal readonly record struct StreamOut(byte[]? Frame, WsMessage? Message, bool IsData);

/// <summary>
/// One <c>/ws</c> connection's subscriptions and outbox. The hub fills the outbox under the engine's lock;
/// the connection's send loop empties it in order, so a pong queued after a push is sent after it.
/// A typed session (<paramref name="handOff"/> set: an in-process replay connection without socket faults) takes
/// its pushes as messages, handed over through <see cref="WsHandOff"/> in place of their JSON frames.
/// </summary>
internal sealed class StreamSession(int number, WsHandOff? handOff = null)
{
    private readonly Channel<StreamOut> _outbox =
        Channel.CreateUnbounded<StreamOut>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Dictionary<string, WsSubscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>The session's number in the engine (seeds its fault draws).</summary>
    public int Number { get; } = number;

    /// <summary>Where typed pushes go (null: every push is a JSON frame).</summary>
    public WsHandOff? HandOff { get; } = handOff;

    public bool IsTyped => HandOff is not null;

    /// <summary>Read under the engine's lock only.</summary>
    public IEnumerable<WsSubscription> Subscriptions => _subscriptions.Values;

    public ChannelReader<StreamOut> Outbox => _outbox.Reader;

    public bool Add(WsSubscription subscription) => _subscriptions.TryAdd(subscription.Key, subscription);

    public void Remove(WsSubscription subscription) => _subscriptions.Remove(subscription.Key);

    /// <summary>True when the session holds the user subscription of <paramref name="type"/> for <paramref name="user"/>.</summary>
    public bool Has(string type, string user) => _subscriptions.Count > 0 && _subscriptions.ContainsKey(type + "|" + user + "||");

    /// <summary>The hub's count of data messages queued to every session (set when the hub adds the session; acks and pongs not counted).</summary>
    public System.Runtime.CompilerServices.StrongBox<long>? Queued { get; set; }

    public void Send(byte[] frame, bool isData) => Queue(new StreamOut(frame, null, isData));

    /// <summary>A typed push (a typed session only).</summary>
    public void Send(WsMessage message)
    {
        if (HandOff is null)
        {
            throw new InvalidOperationException("A JSON session takes frames, not messages.");
        }

        Queue(new StreamOut(null, message, IsData: true));
    }

    public void Complete() => _outbox.Writer.TryComplete();

    private void Queue(StreamOut item)
    {
        if (_outbox.Writer.TryWrite(item) && item.IsData && Queued is { } queued)
        {
            Interlocked.Increment(ref queued.Value);
        }
    }
}

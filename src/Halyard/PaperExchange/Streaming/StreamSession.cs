using System.Threading.Channels;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.PaperExchange.Streaming;

/// <summary>
/// One <c>/ws</c> connection's subscriptions and outbox. The hub fills the outbox under the engine's lock;
/// the connection's send loop empties it in order, so a pong queued after a push is sent after it.
/// </summary>
internal sealed class StreamSession(int number)
{
    private readonly Channel<(byte[] Frame, bool IsData)> _outbox =
        Channel.CreateUnbounded<(byte[] Frame, bool IsData)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Dictionary<string, WsSubscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>The session's number in the engine (seeds its fault draws).</summary>
    public int Number { get; } = number;

    /// <summary>Read under the engine's lock only.</summary>
    public IEnumerable<WsSubscription> Subscriptions => _subscriptions.Values;

    public ChannelReader<(byte[] Frame, bool IsData)> Outbox => _outbox.Reader;

    public bool Add(WsSubscription subscription) => _subscriptions.TryAdd(subscription.Key, subscription);

    public void Remove(WsSubscription subscription) => _subscriptions.Remove(subscription.Key);

    /// <summary>True when the session holds the user subscription of <paramref name="type"/> for <paramref name="user"/>.</summary>
    public bool Has(string type, string user) => _subscriptions.Count > 0 && _subscriptions.ContainsKey(type + "|" + user + "||");

    /// <summary>The hub's count of data messages queued to every session (set when the hub adds the session; acks and pongs not counted).</summary>
    public System.Runtime.CompilerServices.StrongBox<long>? Queued { get; set; }

    public void Send(byte[] frame, bool isData)
    {
        if (_outbox.Writer.TryWrite((frame, isData)) && isData && Queued is { } queued)
        {
            Interlocked.Increment(ref queued.Value);
        }
    }

    public void Complete() => _outbox.Writer.TryComplete();
}

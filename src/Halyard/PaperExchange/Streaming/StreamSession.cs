using System.Threading.Channels;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.PaperExchange.Streaming;

/// <summary>
/// One item of a session's outbox: a text frame, or (a typed session only) a message handed over in place of its
/// frame, or the typed pushes of one publish (<paramref name="Messages"/>); <paramref name="IsData"/> for pushed data
/// (what the socket faults act on), not acks and pongs.
/// </summary>
internal readonly record struct StreamOut(byte[]? Frame, WsMessage? Message, bool IsData, WsMessage[]? Messages = null)
{
    /// <summary>A typed item: one message, or the typed pushes of one publish (<see cref="Messages"/>, all data).</summary>
    public bool IsTyped => Message is not null || Messages is not null;
}

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

    /// <summary>The user channels held, by user (what <see cref="ChannelsOf"/> reads on every push, without building a key).</summary>
    private readonly Dictionary<string, UserChannels> _users = new(StringComparer.Ordinal);

    /// <summary>The session's number in the engine (seeds its fault draws).</summary>
    public int Number { get; } = number;

    /// <summary>Where typed pushes go (null: every push is a JSON frame).</summary>
    public WsHandOff? HandOff { get; } = handOff;

    public bool IsTyped => HandOff is not null;

    /// <summary>Read under the engine's lock only.</summary>
    public Dictionary<string, WsSubscription>.ValueCollection Subscriptions => _subscriptions.Values;

    public ChannelReader<StreamOut> Outbox => _outbox.Reader;

    public bool Add(WsSubscription subscription)
    {
        if (!_subscriptions.TryAdd(subscription.Key, subscription))
        {
            return false;
        }

        if (subscription.User is { } user && ChannelOf(subscription.Type) is var channel and not UserChannels.None)
        {
            _users[user] = _users.GetValueOrDefault(user) | channel;
        }

        return true;
    }

    public void Remove(WsSubscription subscription)
    {
        if (_subscriptions.Remove(subscription.Key) && subscription.User is { } user && ChannelOf(subscription.Type) is var channel and not UserChannels.None)
        {
            var left = _users.GetValueOrDefault(user) & ~channel;
            if (left == UserChannels.None)
            {
                _users.Remove(user);
            }
            else
            {
                _users[user] = left;
            }
        }
    }

    /// <summary>The user channels the session holds for <paramref name="user"/>.</summary>
    public UserChannels ChannelsOf(string user) => _users.Count > 0 && _users.TryGetValue(user, out var channels) ? channels : UserChannels.None;

    /// <summary>The flag of a user channel's subscription type; None for the others.</summary>
    public static UserChannels ChannelOf(string type) => type switch
    {
        WsChannels.OrderUpdates => UserChannels.OrderUpdates,
        WsChannels.UserFills => UserChannels.UserFills,
        WsChannels.UserEventsType => UserChannels.UserEvents,
        WsChannels.ClearinghouseState => UserChannels.ClearinghouseState,
        _ => UserChannels.None,
    };

    /// <summary>The hub's count of data messages queued to every session (set when the hub adds the session; acks and pongs not counted).</summary>
    public System.Runtime.CompilerServices.StrongBox<long>? Queued { get; set; }

    /// <summary>The typed pushes held while the hub publishes (see <see cref="Hold"/>); touched under the engine's lock only.</summary>
    private readonly List<WsMessage> _held = [];
    private bool _holding;

    /// <summary>
    /// From now until <see cref="Release"/> (the hub's publish, under the engine's lock) a typed session keeps its typed
    /// pushes and queues them as one item, so they cross the socket under one marker; a data frame sent meanwhile
    /// queues the kept ones first (the order stays). Acks and pongs, which may come from other threads, go at once.
    /// </summary>
    public void Hold() => _holding = IsTyped;

    /// <summary>Queues what was held since <see cref="Hold"/>.</summary>
    public void Release()
    {
        _holding = false;
        QueueHeld();
    }

    public void Send(byte[] frame, bool isData)
    {
        if (isData)
        {
            QueueHeld();
        }

        Queue(new StreamOut(frame, null, isData));
    }

    /// <summary>A typed push (a typed session only).</summary>
    public void Send(WsMessage message) => Send(message, isData: true);

    /// <summary>A typed message (a typed session only): a push, or (<paramref name="isData"/> false) a pong.</summary>
    public void Send(WsMessage message, bool isData)
    {
        if (HandOff is null)
        {
            throw new InvalidOperationException("A JSON session takes frames, not messages.");
        }

        if (isData && _holding)
        {
            _held.Add(message);
            return;
        }

        if (isData)
        {
            QueueHeld();
        }

        Queue(new StreamOut(null, message, isData));
    }

    private void QueueHeld()
    {
        if (_held.Count == 0)
        {
            return;
        }

        var item = _held.Count == 1 ? new StreamOut(null, _held[0], IsData: true) : new StreamOut(null, null, IsData: true, [.. _held]);
        _held.Clear();
        if (_outbox.Writer.TryWrite(item) && Queued is { } queued)
        {
            Interlocked.Add(ref queued.Value, item.Messages?.Length ?? 1);
        }
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

/// <summary>The user channels one session holds for one user.</summary>
[Flags]
internal enum UserChannels
{
    None = 0,
    OrderUpdates = 1,
    UserFills = 2,
    UserEvents = 4,
    ClearinghouseState = 8,
}

using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange.Streaming;

namespace Halyard.Tests.PaperExchange.Streaming;

/// <summary>The user channels a session holds, by user, as the hub reads them on every push.</summary>
public sealed class StreamSessionTests
{
    private const string Alice = "0x00000000000000000000000000000000000a11ce";
    private const string Bob = "0x0000000000000000000000000000000000000b0b";

    [Fact]
    public void ChannelsOf_FollowsTheUserSubscriptionsAddedAndRemoved()
    {
        var session = new StreamSession(0);
        Assert.Equal(UserChannels.None, session.ChannelsOf(Alice));

        Assert.True(session.Add(WsSubscription.OrderUpdates(Alice)));
        Assert.True(session.Add(WsSubscription.ClearinghouseState(Alice)));
        Assert.True(session.Add(WsSubscription.UserEvents(Bob)));
        Assert.True(session.Add(WsSubscription.AllMids()));
        Assert.False(session.Add(WsSubscription.OrderUpdates(Alice)));
        Assert.Equal(UserChannels.OrderUpdates | UserChannels.ClearinghouseState, session.ChannelsOf(Alice));
        Assert.Equal(UserChannels.UserEvents, session.ChannelsOf(Bob));

        session.Remove(WsSubscription.OrderUpdates(Alice));
        Assert.Equal(UserChannels.ClearinghouseState, session.ChannelsOf(Alice));
        session.Remove(WsSubscription.ClearinghouseState(Alice));
        session.Remove(WsSubscription.UserFills(Bob)); // not held: nothing changes
        Assert.Equal(UserChannels.None, session.ChannelsOf(Alice));
        Assert.Equal(UserChannels.UserEvents, session.ChannelsOf(Bob));
        Assert.Single(session.Subscriptions, s => s.Type == WsChannels.AllMids);
    }
}

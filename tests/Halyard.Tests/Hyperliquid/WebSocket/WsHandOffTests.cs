using Halyard.Hyperliquid.WebSocket;

namespace Halyard.Tests.Hyperliquid.WebSocket;

/// <summary>The typed ping of an in-process connection: answered only while a server serves the hand-off.</summary>
public sealed class WsHandOffTests
{
    [Fact]
    public void TryPing_OnlyWhileAServerAnswers()
    {
        var handOff = new WsHandOff();
        var pongs = 0;
        Assert.False(handOff.TryPing());

        handOff.AnswerPings(() => pongs++);
        Assert.True(handOff.TryPing());
        Assert.True(handOff.TryPing());
        Assert.Equal(2, pongs);

        handOff.AnswerPings(null);
        Assert.False(handOff.TryPing());
        Assert.Equal(2, pongs);
    }
}

using System.Net.WebSockets;
using System.Text;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange.Hosting;
using Halyard.Tests.PaperExchange.Streaming;

namespace Halyard.Tests.Hyperliquid.WebSocket;

/// <summary>The client's receive loop: a message is parsed whether it arrives in one receive or in pieces.</summary>
public sealed class HyperliquidSocketFrameTests
{
    [Fact]
    public async Task Receive_WholePiecedAndLongerThanTheBufferFrames_AreEachOneMessage()
    {
        var (client, server) = InProcessWebSocket.CreatePair();
        await using var probe = new SocketProbe(_ => Task.FromResult(client), TimeProvider.System);
        probe.Socket.Start();
        await probe.WaitForAsync<WsConnected>();

        // Whole: one send, one receive.
        await Send(server, """{"channel":"allMids","data":{"mids":{"BTC":"100.5"}}}""");
        // Pieces: three sends of one message.
        var pieced = Encoding.UTF8.GetBytes("""{"channel":"allMids","data":{"mids":{"ETH":"2000.25"}}}""");
        await server.SendAsync(pieced.AsMemory(0, 10), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
        await server.SendAsync(pieced.AsMemory(10, 20), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
        await server.SendAsync(pieced.AsMemory(30), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        // Longer than the 64 KB receive buffer.
        var mids = string.Join(",", Enumerable.Range(0, 6000).Select(i => $"\"C{i}\":\"{i}.5\""));
        await Send(server, "{\"channel\":\"allMids\",\"data\":{\"mids\":{" + mids + "}}}");
        await Send(server, WsChannels.Greeting);
        await Send(server, """{"channel":"pong"}""");
        await probe.WaitForAsync<WsPong>();

        var all = probe.All<WsAllMids>().ToArray();
        Assert.Equal(3, all.Length);
        Assert.Equal(100.5m, all[0].Mids["BTC"]);
        Assert.Equal(2000.25m, all[1].Mids["ETH"]);
        Assert.Equal(6000, all[2].Mids.Count);
        Assert.Equal(5999.5m, all[2].Mids["C5999"]);
        Assert.Empty(probe.All<WsMalformed>());
        Assert.Equal(5, probe.Socket.Received);
    }

    private static Task Send(System.Net.WebSockets.WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}

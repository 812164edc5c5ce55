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

/// <summary>A typed connection's markers: one marker may stand for several messages handed over, taken in order.</summary>
public sealed class HandOffMarkerTests
{
    [Fact]
    public void MarkerFor_EveryCount_ReadsBackAsThatCount()
    {
        Assert.True(WsHandOff.MarkerFor(1).Span.SequenceEqual(WsHandOff.Marker.Span));
        for (var count = 1; count <= WsHandOff.MaxPerMarker; count++)
        {
            Assert.Equal(count, WsHandOff.MarkedCount(WsHandOff.MarkerFor(count).Span));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => WsHandOff.MarkerFor(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WsHandOff.MarkerFor(WsHandOff.MaxPerMarker + 1));
        Assert.Equal(0, WsHandOff.MarkedCount([]));
        Assert.Equal(0, WsHandOff.MarkedCount([0x1E, 0]));
        Assert.Equal(0, WsHandOff.MarkedCount([0x1E, 1]));
        Assert.Equal(0, WsHandOff.MarkedCount([0x1F]));
        Assert.Equal(0, WsHandOff.MarkedCount([0x1E, 2, 3]));
    }

    [Fact]
    public async Task Receive_CountedAndSingleMarkers_HandEachMessageInOrderAndCountIt()
    {
        var (server, handOff, probe) = await ConnectedThroughHandOffAsync();
        await using var _ = probe;

        // Three messages under one marker, one under a single marker, then a text frame and two more under one marker.
        handOff.Put(Mids("A", 1m));
        handOff.Put(Mids("B", 2m));
        handOff.Put(Mids("C", 3m));
        await Marker(server, 3);
        handOff.Put(Mids("D", 4m));
        await Marker(server, 1);
        await server.SendAsync("""{"channel":"allMids","data":{"mids":{"E":"5.0"}}}"""u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        handOff.Put(Mids("F", 6m));
        handOff.Put(new WsPong());
        await Marker(server, 2);
        await probe.WaitForAsync<WsPong>();

        Assert.Equal(["A", "B", "C", "D", "E", "F"], probe.All<WsAllMids>().Select(m => m.Mids.Keys.Single()));
        Assert.Empty(probe.All<WsMalformed>());
        Assert.Equal(7, probe.Socket.Received);
        Assert.Null(handOff.Take());
    }

    [Fact]
    public async Task Receive_MarkerForMoreThanWasHandedOver_TheMissingOnesAreMalformed()
    {
        var (server, handOff, probe) = await ConnectedThroughHandOffAsync();
        await using var _ = probe;

        handOff.Put(Mids("A", 1m));
        await Marker(server, 2);
        await probe.WaitForAsync<WsMalformed>();

        Assert.Single(probe.All<WsAllMids>());
        Assert.Single(probe.All<WsMalformed>());
        Assert.Equal(2, probe.Socket.Received);
    }

    /// <summary>A started client socket whose binary frames are read through a hand-off, connected; the server's end.</summary>
    private static async Task<(System.Net.WebSockets.WebSocket Server, WsHandOff HandOff, SocketProbe Probe)> ConnectedThroughHandOffAsync()
    {
        var (client, server) = InProcessWebSocket.CreatePair();
        var handOff = new WsHandOff();
        var probe = new SocketProbe(_ => Task.FromResult<System.Net.WebSockets.WebSocket>(new HandOffWebSocket(client, handOff)), TimeProvider.System);
        probe.Socket.Start();
        await probe.WaitForAsync<WsConnected>();
        return (server, handOff, probe);
    }

    private static WsAllMids Mids(string coin, decimal mid) => new(new Dictionary<string, decimal> { [coin] = mid });

    private static Task Marker(System.Net.WebSockets.WebSocket server, int count) =>
        server.SendAsync(WsHandOff.MarkerFor(count), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).AsTask();
}

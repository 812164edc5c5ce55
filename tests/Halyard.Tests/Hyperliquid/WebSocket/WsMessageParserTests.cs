using Halyard.Domain;
using Halyard.Hyperliquid.WebSocket;
using Halyard.Tests.Hyperliquid.Info;

namespace Halyard.Tests.Hyperliquid.WebSocket;

/// <summary>Every documented message shape (Fixtures/hyperliquid/ws, see its SOURCES.md) parses to its typed message.</summary>
public sealed class WsMessageParserTests
{
    private static WsMessage Parse(string file) => WsMessageParser.Parse(Fixtures.Text(Path.Combine("ws", file)).Trim())!;

    [Fact]
    public void Parse_SubscriptionResponse_ReturnsAckWithSubscription()
    {
        var ack = Assert.IsType<WsSubscriptionAck>(Parse("subscriptionResponse.json"));
        Assert.Equal("subscribe", ack.Method);
        Assert.Equal(WsSubscription.OrderUpdates("0x7b7f72a413e40fcbc7a6a5ec1a3e1cf3bd5f4a65"), ack.Subscription);
    }

    [Fact]
    public void Parse_PongAndError_ReturnTheirTypes()
    {
        Assert.IsType<WsPong>(Parse("pong.json"));
        Assert.StartsWith("Invalid subscription", Assert.IsType<WsError>(Parse("error.json")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OrderUpdates_ReturnsStatusesWithOrders()
    {
        var updates = Assert.IsType<WsOrderUpdates>(Parse("orderUpdates.json")).Updates;
        Assert.Equal(2, updates.Count);
        Assert.True(updates[0].IsOpen);
        Assert.True(updates[0].Order.IsTrigger);
        Assert.Equal(3150.0m, updates[0].Order.TriggerPrice);
        Assert.Equal(100000000007, updates[0].Order.Oid);
        Assert.Equal("siblingFilledCanceled", updates[1].Status);
        Assert.True(updates[1].IsCanceled);
        Assert.Equal(0.25m, updates[1].OriginalSize);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1765587600456), updates[1].StatusTimestamp);
    }

    [Fact]
    public void Parse_UserFills_ReadsTheSnapshotFlag()
    {
        var snapshot = Assert.IsType<WsUserFills>(Parse("userFills_snapshot.json"));
        Assert.True(snapshot.IsSnapshot);
        Assert.Equal(OrderSide.Buy, Assert.Single(snapshot.Fills).Side);
        var update = Assert.IsType<WsUserFills>(Parse("userFills_update.json"));
        Assert.False(update.IsSnapshot);
        Assert.Equal(-12.5m, Assert.Single(update.Fills).ClosedPnl);
        Assert.Equal(500000000000002, update.Fills[0].Tid);
    }

    [Fact]
    public void Parse_UserEvents_ReturnsEachKind()
    {
        Assert.Single(Assert.IsType<WsUserEvent>(Parse("user_fills.json")).Fills);
        var funding = Assert.IsType<WsUserEvent>(Parse("user_funding.json")).Funding!;
        Assert.Equal(-0.012345m, funding.Usdc);
        Assert.Equal("BTC", funding.Coin);
        var liquidation = Assert.IsType<WsUserEvent>(Parse("user_liquidation.json")).Liquidation!;
        Assert.Equal(4412, liquidation.Lid);
        Assert.Equal(29.87m, liquidation.LiquidatedAccountValue);
        Assert.Equal(new WsNonUserCancel("SOL", 100000000011), Assert.Single(Assert.IsType<WsUserEvent>(Parse("user_nonUserCancel.json")).NonUserCancels));
    }

    [Fact]
    public void Parse_ClearinghouseState_ReturnsTheAccount()
    {
        var state = Assert.IsType<WsClearinghouseState>(Parse("clearinghouseState.json"));
        Assert.Equal(10012.345m, state.Account.AccountValue);
        Assert.Equal(0.011m, Assert.Single(state.Account.Positions).Size);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1765587600456), state.Account.Time);
    }

    [Fact]
    public void Parse_MarketChannels_ReturnTypedData()
    {
        Assert.Equal(3150.05m, Assert.IsType<WsAllMids>(Parse("allMids.json")).Mids["ETH"]);
        var book = Assert.IsType<WsL2Book>(Parse("l2Book.json")).Book;
        Assert.Equal(2, book.Bids.Count);
        var candle = Assert.IsType<WsCandle>(Parse("candle.json"));
        Assert.Equal(("ETH", "5m", 3150.0m), (candle.Coin, candle.Interval, candle.Candle.Close));
    }

    [Fact]
    public void Parse_Post_KeepsThePayload()
    {
        var post = Assert.IsType<WsPostResponse>(Parse("post_action.json"));
        Assert.Equal((7L, "action"), (post.Id, post.Type));
        Assert.Contains("\"resting\"", post.PayloadJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"data\":1}")]
    [InlineData("{\"channel\":\"orderUpdates\",\"data\":[{\"order\":{\"coin\":\"ETH\"}}]}")]
    [InlineData("{\"channel\":\"allMids\",\"data\":{}}")]
    public void Parse_BadFrames_AreMalformedValues(string text) => Assert.IsType<WsMalformed>(WsMessageParser.Parse(text));

    [Fact]
    public void Parse_GreetingAndUnknownChannels_AreNotErrors()
    {
        Assert.Null(WsMessageParser.Parse(WsChannels.Greeting));
        Assert.Equal("trades", Assert.IsType<WsUnknown>(WsMessageParser.Parse("{\"channel\":\"trades\",\"data\":[]}")).Channel);
    }

    [Fact]
    public void Parse_FromUtf8Bytes_GivesTheMessagesOfTheText()
    {
        var files = System.IO.Directory.GetFiles(Path.Combine(Fixtures.Directory, "ws"), "*.json").Select(Path.GetFileName).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = Fixtures.Text(Path.Combine("ws", file!)).Trim();
            var fromText = WsMessageParser.Parse(text)!;
            var fromBytes = WsMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(text).AsMemory())!;
            Assert.IsType(fromText.GetType(), fromBytes);
            Assert.IsNotType<WsMalformed>(fromBytes);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromText, fromText.GetType()), System.Text.Json.JsonSerializer.Serialize(fromBytes, fromBytes.GetType()));
        }
    }

    [Fact]
    public void Parse_FromUtf8Bytes_GreetingIsNullAndUnknownOrBadFramesKeepTheirText()
    {
        Assert.Null(WsMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(WsChannels.Greeting).AsMemory()));
        const string trades = "{\"channel\":\"trades\",\"data\":[]}";
        Assert.Equal(trades, Assert.IsType<WsUnknown>(WsMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(trades).AsMemory())).Text);
        const string bad = "{\"channel\":\"allMids\",\"data\":{}}";
        Assert.Equal(bad, Assert.IsType<WsMalformed>(WsMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(bad).AsMemory())).Text);
        Assert.IsType<WsMalformed>(WsMessageParser.Parse(new byte[] { (byte)'{', 0xFF, (byte)'}' }.AsMemory()));
    }

    [Fact]
    public void Subscription_RoundTripsThroughItsJson()
    {
        foreach (var subscription in new[] { WsSubscription.UserEvents("0x7B7F72A413E40FCBC7A6A5EC1A3E1CF3BD5F4A65"), WsSubscription.Candle("BTC", "5m"), WsSubscription.AllMids(), WsSubscription.L2Book("ETH") })
        {
            using var buffer = new MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                subscription.WriteTo(writer);
            }

            using var document = System.Text.Json.JsonDocument.Parse(buffer.ToArray());
            Assert.Equal(subscription, WsSubscription.From(document.RootElement));
        }

        Assert.Throws<ArgumentException>(() => WsSubscription.OrderUpdates("0xabc"));
    }
}

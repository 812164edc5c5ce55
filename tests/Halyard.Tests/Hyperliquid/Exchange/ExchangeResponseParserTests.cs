using System.Text;
using Halyard.Domain;
using Halyard.Hyperliquid.Exchange;

namespace Halyard.Tests.Hyperliquid.Exchange;

/// <summary>Response parsing on the real testnet /exchange answers and on the documented shapes.</summary>
public class ExchangeResponseParserTests
{
    private static byte[] Sample(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hyperliquid", "exchange", name));

    [Theory]
    [InlineData("testnet_exchange_order_2025-10-22.json", 41569108691L, "0x285ad26a251f390c83d065af51e3f8d9")]
    [InlineData("testnet_exchange_order_2025-10-22_2.json", 41569113380L, null)]
    [InlineData("testnet_exchange_order_2025-10-22_3.json", 41569111732L, null)]
    [InlineData("testnet_exchange_order_2025-10-22_4.json", 41545810396L, null)]
    [InlineData("testnet_exchange_order_2025-10-22_7.json", 41547028680L, "0x06c60000000000000000000000003f5a")]
    public void ParseOrders_RealRestingSample_ReadsOidAndCloid(string file, long oid, string? cloid)
    {
        var result = ExchangeResponseParser.ParseOrders(Sample(file), 1);

        Assert.True(result.IsSuccess);
        var resting = Assert.IsType<OrderResting>(Assert.Single(result.Value));
        Assert.Equal(oid, resting.Oid);
        Assert.Equal(cloid, resting.Cloid?.Value);
    }

    [Fact]
    public void ParseOrders_RealMinimumValueSample_IsClassifiedOrderRejection()
    {
        var result = ExchangeResponseParser.ParseOrders(Sample("testnet_exchange_order_2025-10-22_5.json"), 1);

        Assert.True(result.IsSuccess);
        var rejected = Assert.IsType<OrderRejected>(Assert.Single(result.Value));
        Assert.Equal("Order must have minimum value of $10. asset=173", rejected.Message);
        Assert.Equal(ErrorClass.InvalidParam, rejected.Class);
        Assert.False(rejected.IsAccepted);
    }

    [Theory]
    [InlineData("testnet_exchange_order_2025-10-22_6.json", "0x281abb829ea0b0291ceaa3b14b5b5d893070e8d5")]
    [InlineData("testnet_exchange_order_2025-10-22_8.json", "0xefc07321d3d6a8fa4961306c7bf555f0723f28c1")]
    public void ParseOrders_RealUnknownWalletSample_IsWholeRequestRejection(string file, string address)
    {
        var result = ExchangeResponseParser.ParseOrders(Sample(file), 1);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.InvalidParam, result.Error.Class);
        Assert.Contains(address, result.Error.Message, StringComparison.Ordinal);
        Assert.False(result.Error.OutcomeUnknown);
    }

    [Theory]
    [InlineData("testnet_exchange_cancel_2025-10-22.json", true)]
    [InlineData("testnet_exchange_cancel_2025-10-22_2.json", false)]
    [InlineData("testnet_exchange_cancelByCloid_2025-10-22.json", false)]
    [InlineData("testnet_exchange_cancelByCloid_2025-10-22_2.json", true)]
    public void ParseCancels_RealSample_ReadsSuccessOrClassifiedError(string file, bool success)
    {
        var result = ExchangeResponseParser.ParseCancels(Sample(file), 1);

        Assert.True(result.IsSuccess);
        var status = Assert.Single(result.Value);
        Assert.Equal(success, status.Success);
        if (!success)
        {
            Assert.Equal("Order was never placed, already canceled, or filled. asset=173", status.Error);
            Assert.Equal(ErrorClass.InvalidParam, status.Class);
        }
    }

    [Fact]
    public void ParseOrders_DocumentedMixedStatuses_AreReadInOrder()
    {
        const string body = """
            {"status":"ok","response":{"type":"order","data":{"statuses":[
              {"resting":{"oid":77738308,"cloid":"0x00000000000000000000000000000001"}},
              {"filled":{"totalSz":"0.02","avgPx":"1891.4","oid":141682155424}},
              {"error":"Insufficient margin to place order. asset=4"},
              "waitingForFill",
              "waitingForTrigger"]}}}
            """;

        var result = ExchangeResponseParser.ParseOrders(Encoding.UTF8.GetBytes(body), 5);

        Assert.True(result.IsSuccess);
        Assert.Collection(
            result.Value,
            s => Assert.Equal(new OrderResting(77738308, Cloid.FromInt(1)), s),
            s => Assert.Equal(new OrderFilled(0.02m, 1891.4m, 141682155424, null), s),
            s => Assert.Equal(new OrderRejected("Insufficient margin to place order. asset=4", ErrorClass.Insufficient), s),
            s => Assert.IsType<OrderWaitingForFill>(s),
            s => Assert.IsType<OrderWaitingForTrigger>(s));
    }

    [Fact]
    public void ParseOrders_SingleErrorForThreeOrders_RejectsEveryOrder()
    {
        const string body = "{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[{\"error\":\"Invalid TP/SL price. asset=0\"}]}}}";

        var result = ExchangeResponseParser.ParseOrders(Encoding.UTF8.GetBytes(body), 3);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, result.Value.Count);
        Assert.All(result.Value, s => Assert.Equal(new OrderRejected("Invalid TP/SL price. asset=0", ErrorClass.InvalidParam), s));
    }

    [Theory]
    [InlineData("{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[{\"resting\":{\"oid\":1}}]}}}", 2)]
    [InlineData("{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[\"somethingNew\"]}}}", 1)]
    [InlineData("{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}", 1)]
    [InlineData("{\"status\":\"weird\"}", 1)]
    [InlineData("not json", 1)]
    public void ParseOrders_UnreadableAnswer_IsUnknownWithOutcomeUnknown(string body, int orders)
    {
        var result = ExchangeResponseParser.ParseOrders(Encoding.UTF8.GetBytes(body), orders);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, result.Error.Class);
        Assert.True(result.Error.OutcomeUnknown);
    }

    [Fact]
    public void ParseAck_StatusesWithError_IsRejection()
    {
        const string body = "{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[{\"error\":\"Order was never placed, already canceled, or filled.\"}]}}}";

        var result = ExchangeResponseParser.ParseAck(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.InvalidParam, result.Error.Class);
    }

    [Fact]
    public void ParseAck_WholeRequestError_IsClassified()
    {
        const string body = "{\"status\":\"err\",\"response\":\"L1 error: Invalid nonce: duplicate nonce 1700000000000\"}";

        var result = ExchangeResponseParser.ParseAck(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.Temporary, result.Error.Class);
    }
}

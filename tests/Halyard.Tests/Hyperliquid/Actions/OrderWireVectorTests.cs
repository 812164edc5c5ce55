using System.Text.Json;
using Halyard.Domain.Precision;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;
using Halyard.Tests.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Actions;

/// <summary>order_wire.json: msgpack bytes and action hashes of every vector and shape.</summary>
public class OrderWireVectorTests
{
    public static TheoryData<string> VectorIds => Vectors.Ids("order_wire.json", "vectors");

    public static TheoryData<string> ShapeIds => Vectors.Ids("order_wire.json", "shapes");

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void WireAction_Vector_MsgPackAndHashMatch(string id)
    {
        var entry = Vectors.Entry("order_wire.json", "vectors", id);
        AssertMsgPackAndHash(entry.GetProperty("wireAction"), entry.GetProperty("derivedIndependently"));
        if (entry.TryGetProperty("expectedActionHash", out var upstream))
        {
            var hash = L1ActionHash.ComputeFromJson(entry.GetProperty("wireAction"), entry.GetProperty("nonce").GetInt64(), null, null, out _);
            Assert.Equal(upstream.GetString(), Vectors.ToHex(hash));
        }
    }

    [Theory]
    [MemberData(nameof(ShapeIds))]
    public void Shape_TypedAction_MsgPackAndHashMatch(string id)
    {
        var entry = Vectors.Entry("order_wire.json", "shapes", id);
        AssertMsgPackAndHash(entry.GetProperty("action"), entry.GetProperty("derivedIndependently"));
    }

    [Fact]
    public void OrderAction_BuilderAndPositionTpsl_ConstructedByHand_MatchesShape()
    {
        var action = new OrderAction(
            [new OrderWire(0, false, "65000", "0.001", true, new TriggerOrderType(false, "64000", TpSl.StopLoss), Cloid.FromInt(0xabcd))],
            OrderGrouping.PositionTpsl,
            new BuilderFee(EthAddress.Parse("0x1234567890123456789012345678901234567890"), 10));

        var expected = Vectors.Entry("order_wire.json", "shapes", "shape.order.builder_and_grouping")
            .GetProperty("derivedIndependently").GetProperty("msgpackHex").GetString();
        Assert.Equal(expected, Vectors.ToHex(L1ActionHash.MsgPack(action)));
    }

    [Fact]
    public void ScheduleCancel_WithoutTime_OmitsTheKey()
    {
        Assert.Equal("0x81a474797065ae7363686564756c6543616e63656c", Vectors.ToHex(L1ActionHash.MsgPack(new ScheduleCancelAction())));
        Assert.Equal("{\"type\":\"scheduleCancel\"}", System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(new ScheduleCancelAction())));
    }

    [Fact]
    public void Modify_ByCloidAndByOid_WriteStringOrInteger()
    {
        var order = new OrderWire(0, true, "30000", "0.1", false, new LimitOrderType(TimeInForce.Alo));

        Assert.Equal(
            "{\"type\":\"modify\",\"oid\":123456789,\"order\":{\"a\":0,\"b\":true,\"p\":\"30000\",\"s\":\"0.1\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Alo\"}}}}",
            System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(new ModifyAction(new ModifyRequest(OrderRef.ByOid(123456789), order)))));
        Assert.Contains(
            "\"oid\":\"0x00000000000000000000000000000001\"",
            System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(new ModifyAction(new ModifyRequest(OrderRef.ByCloid(Cloid.FromInt(1)), order)))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateIsolatedMargin_NegativeNtli_IsSignedInteger()
    {
        var action = new UpdateIsolatedMarginAction(3, true, UpdateIsolatedMarginAction.ToMicroUsd(-2.5m));

        Assert.Equal(-2_500_000, action.Ntli);
        Assert.EndsWith("a46e746c69d2ffd9da60", Vectors.ToHex(L1ActionHash.MsgPack(action)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => UpdateIsolatedMarginAction.ToMicroUsd(0.0000001m));
    }

    [Theory]
    [InlineData("2000.0")]
    [InlineData("1e3")]
    [InlineData("-1")]
    [InlineData("01")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("")]
    [InlineData("1,5")]
    public void OrderWire_NonCanonicalPrice_Throws(string price) =>
        Assert.Throws<ArgumentException>(() => new OrderWire(0, true, price, "1", false, new LimitOrderType(TimeInForce.Gtc)));

    [Theory]
    [InlineData("0")]
    [InlineData("0.1")]
    [InlineData("30000")]
    [InlineData("1670.1")]
    [InlineData("0.00001234")]
    public void WireNumber_Canonical_IsAccepted(string text) => Assert.True(WireNumber.IsCanonical(text));

    [Fact]
    public void OrderAction_EmptyBatch_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrderAction([]));

    private static void AssertMsgPackAndHash(JsonElement action, JsonElement derived)
    {
        var expectedMsgPack = derived.GetProperty("msgpackHex").GetString();
        var nonce = derived.GetProperty("actionHash_nonce").GetInt64();
        var expectedHash = derived.GetProperty("actionHash_noVault_noExpiry").GetString();

        var generic = new MsgPackWriter();
        Assert.True(JsonMsgPackEncoder.TryEncode(action, generic, out _));
        Assert.Equal(expectedMsgPack, Vectors.ToHex(generic.WrittenSpan));

        if (L1ActionReader.TryRead(action, out var typed, out _))
        {
            Assert.Equal(expectedMsgPack, Vectors.ToHex(L1ActionHash.MsgPack(typed)));
            Assert.Equal(expectedHash, Vectors.ToHex(L1ActionHash.Compute(typed, new L1SigningContext(nonce, IsMainnet: true))));
        }
        else
        {
            // Only Rust's verbatim "2000.0" price is refused by the typed orders.
            Assert.Contains("2000.0", action.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(expectedHash, Vectors.ToHex(L1ActionHash.ComputeFromJson(action, nonce, null, null, out _)));
    }
}

using System.Text.Json;
using CsCheck;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Signing;

public class MsgPackWriterTests
{
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "cc80")]
    [InlineData(255L, "ccff")]
    [InlineData(256L, "cd0100")]
    [InlineData(65535L, "cdffff")]
    [InlineData(65536L, "ce00010000")]
    [InlineData(4294967295L, "ceffffffff")]
    [InlineData(4294967296L, "cf0000000100000000")]
    [InlineData(100000000000L, "cf000000174876e800")]
    [InlineData(-1L, "ff")]
    [InlineData(-32L, "e0")]
    [InlineData(-33L, "d0df")]
    [InlineData(-128L, "d080")]
    [InlineData(-129L, "d1ff7f")]
    [InlineData(-32768L, "d18000")]
    [InlineData(-32769L, "d2ffff7fff")]
    [InlineData(-2147483648L, "d280000000")]
    [InlineData(-2147483649L, "d3ffffffff7fffffff")]
    public void WriteInteger_Value_UsesSmallestForm(long value, string expectedHex)
    {
        var writer = new MsgPackWriter();
        writer.WriteInteger(value);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [Fact]
    public void WriteInteger_UInt64Max_IsCf() =>
        Assert.Equal("cfffffffffffffffff", Hex(w => w.WriteInteger(ulong.MaxValue)));

    [Theory]
    [InlineData(0, "a0")]
    [InlineData(31, "bf")]
    [InlineData(32, "d920")]
    [InlineData(255, "d9ff")]
    [InlineData(256, "da0100")]
    [InlineData(65535, "daffff")]
    [InlineData(65536, "db00010000")]
    public void WriteString_Length_UsesSmallestHeader(int length, string expectedHeader) =>
        Assert.StartsWith(expectedHeader, Hex(w => w.WriteString(new string('x', length))), StringComparison.Ordinal);

    [Theory]
    [InlineData(15, "8f", "9f")]
    [InlineData(16, "de0010", "dc0010")]
    [InlineData(65535, "deffff", "dcffff")]
    [InlineData(65536, "df00010000", "dd00010000")]
    public void Headers_Count_UseSmallestForm(int count, string map, string array)
    {
        Assert.Equal(map, Hex(w => w.WriteMapHeader(count)));
        Assert.Equal(array, Hex(w => w.WriteArrayHeader(count)));
    }

    [Fact]
    public void Scalars_BoolNilBinary_AreEncoded()
    {
        Assert.Equal("c3c2c0c40201ff", Hex(w =>
        {
            w.WriteBool(true);
            w.WriteBool(false);
            w.WriteNil();
            w.WriteBinary([0x01, 0xff]);
        }));
    }

    [Fact]
    public void WriteString_Utf8_CountsBytesNotChars() =>
        Assert.Equal("a3e282ac", Hex(w => w.WriteString("€")));

    [Fact]
    public void JsonEncoder_AnyInteger_MatchesTypedWriter() =>
        Gen.Long.Sample(value =>
        {
            using var document = JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var generic = new MsgPackWriter();
            Assert.True(JsonMsgPackEncoder.TryEncode(document.RootElement, generic, out _));
            Assert.Equal(Hex(w => w.WriteInteger(value)), Convert.ToHexStringLower(generic.WrittenSpan));
        });

    [Theory]
    [InlineData("{\"type\":\"order\",\"x\":1.5}")]
    [InlineData("{\"n\":1e3}")]
    [InlineData("{\"n\":1.0}")]
    [InlineData("{\"n\":18446744073709551616}")]
    public void JsonEncoder_NonIntegerNumber_IsRefused(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(JsonMsgPackEncoder.TryEncode(document.RootElement, new MsgPackWriter(), out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void JsonEncoder_KeyOrder_IsTheReceivedOrder()
    {
        using var ab = JsonDocument.Parse("{\"a\":1,\"b\":2}");
        using var ba = JsonDocument.Parse("{\"b\":2,\"a\":1}");
        var first = new MsgPackWriter();
        var second = new MsgPackWriter();
        JsonMsgPackEncoder.TryEncode(ab.RootElement, first, out _);
        JsonMsgPackEncoder.TryEncode(ba.RootElement, second, out _);
        Assert.Equal("82a16101a16202", Convert.ToHexStringLower(first.WrittenSpan));
        Assert.Equal("82a16202a16101", Convert.ToHexStringLower(second.WrittenSpan));
    }

    [Fact]
    public void MsgPackSink_FewerPropertiesThanAnnounced_Throws()
    {
        var sink = new MsgPackActionSink(new MsgPackWriter());
        sink.StartObject(2);
        sink.Property("type", "noop");
        Assert.Throws<InvalidOperationException>(sink.EndObject);
    }

    [Fact]
    public void MsgPackSink_MorePropertiesThanAnnounced_Throws()
    {
        var sink = new MsgPackActionSink(new MsgPackWriter());
        sink.StartObject(1);
        sink.Property("type", "noop");
        Assert.Throws<InvalidOperationException>(() => sink.PropertyName("extra"));
    }

    [Fact]
    public void MsgPackSink_MoreArrayElementsThanAnnounced_Throws()
    {
        var sink = new MsgPackActionSink(new MsgPackWriter());
        sink.StartArray(1);
        sink.Integer(1);
        Assert.Throws<InvalidOperationException>(() => sink.Integer(2));
    }

    private static string Hex(Action<MsgPackWriter> write)
    {
        var writer = new MsgPackWriter(1);
        write(writer);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }
}

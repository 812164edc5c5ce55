using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Tests.Hyperliquid.Info;

public class UniverseReaderTests
{
    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hyperliquid", name));

    [Theory]
    [InlineData("mainnet_metaAndAssetCtxs_2025-08-22.json")]
    [InlineData("mainnet_metaAndAssetCtxs_2026-02-06.json")]
    public void Read_RecordedAnswer_EqualsTheTypedDeserialization(string fixture)
    {
        var body = Fixture(fixture);
        var expected = InfoMapper.ToUniverse(JsonSerializer.Deserialize(body, InfoJsonContext.Default.MetaAndAssetCtxsWire)!);

        var read = new UniverseReader().Read(body);

        Assert.Equal(expected.Instruments, read.Instruments);
        Assert.Equal(expected.Contexts, read.Contexts);
    }

    [Fact]
    public void Read_SameMetaTwice_ReusesTheInstrumentsAndReadsTheNewContexts()
    {
        var reader = new UniverseReader();
        var first = reader.Read(Answer("1.5"));
        var second = reader.Read(Answer("2.5"));

        Assert.Same(first.Instruments, second.Instruments);
        Assert.Equal(1.5m, first.Contexts[0].MarkPrice);
        Assert.Equal(2.5m, second.Contexts[0].MarkPrice);
    }

    [Fact]
    public void Read_ChangedMeta_ReadsTheNewInstruments()
    {
        var reader = new UniverseReader();
        var first = reader.Read(Answer("1.5"));
        var second = reader.Read(Answer("1.5", maxLeverage: 20));

        Assert.Equal(40, first.Instruments[0].MaxLeverage);
        Assert.Equal(20, second.Instruments[0].MaxLeverage);
    }

    [Theory]
    [InlineData("""[{"universe":[]},[],[]]""")]
    [InlineData("""{"universe":[]}""")]
    [InlineData("""[null,[]]""")]
    [InlineData("""[{"universe":[]},[]] 1""")]
    [InlineData("""[{"universe":[},[]]""")]
    public void Read_Malformed_Throws(string body)
    {
        var reader = new UniverseReader();
        Assert.ThrowsAny<JsonException>(() => reader.Read(Encoding.UTF8.GetBytes(body)));
    }

    private static byte[] Answer(string markPx, int maxLeverage = 40) => Encoding.UTF8.GetBytes(
        "[{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":" + maxLeverage + "}]}," +
        "[{\"funding\":\"0.0000125\",\"openInterest\":\"10.0\",\"prevDayPx\":\"1.0\",\"dayNtlVlm\":\"5.0\",\"premium\":\"0.0\"," +
        "\"oraclePx\":\"" + markPx + "\",\"markPx\":\"" + markPx + "\",\"midPx\":null,\"impactPxs\":null,\"dayBaseVlm\":\"1.0\"}]]");
}

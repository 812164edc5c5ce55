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

    [Theory]
    [InlineData("mainnet_metaAndAssetCtxs_2025-08-22.json")]
    [InlineData("mainnet_metaAndAssetCtxs_2026-02-06.json")]
    public void Read_RecordedAnswerAfterAnother_EqualsTheTypedDeserialization(string fixture)
    {
        var body = Fixture(fixture);
        var expected = InfoMapper.ToUniverse(JsonSerializer.Deserialize(body, InfoJsonContext.Default.MetaAndAssetCtxsWire)!);
        var reader = new UniverseReader();
        reader.Read(Fixture(fixture == "mainnet_metaAndAssetCtxs_2025-08-22.json" ? "mainnet_metaAndAssetCtxs_2026-02-06.json" : "mainnet_metaAndAssetCtxs_2025-08-22.json"));

        var first = reader.Read(body);
        var again = reader.Read(body);

        Assert.Equal(expected.Contexts, first.Contexts);
        Assert.Equal(expected.Contexts, again.Contexts);
        Assert.All(Enumerable.Range(0, again.Contexts.Count), i => Assert.Same(first.Contexts[i], again.Contexts[i]));
    }

    [Fact]
    public void Read_OneContextChanged_ParsesItAndReusesTheUnchangedOnes()
    {
        var reader = new UniverseReader();
        var first = reader.Read(TwoCoins("1.5", "7.0"));
        var second = reader.Read(TwoCoins("2.5", "7.0"));

        Assert.Equal(2.5m, second.Contexts[0].MarkPrice);
        Assert.Equal("BTC", second.Contexts[0].Coin);
        Assert.Same(first.Contexts[1], second.Contexts[1]);
        Assert.Equal(
            InfoMapper.ToUniverse(JsonSerializer.Deserialize(TwoCoins("2.5", "7.0"), InfoJsonContext.Default.MetaAndAssetCtxsWire)!).Contexts,
            second.Contexts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Read_ContextCountDiffersFromTheUniverse_Throws(int contexts)
    {
        var context = "{\"funding\":\"0.0\",\"openInterest\":\"1.0\",\"prevDayPx\":\"1.0\",\"dayNtlVlm\":\"0.0\",\"oraclePx\":\"1.0\",\"markPx\":\"1.0\"}";
        var body = "[{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":40},{\"name\":\"ETH\",\"szDecimals\":4,\"maxLeverage\":25}]},[" +
            string.Join(",", Enumerable.Repeat(context, contexts)) + "]]";

        Assert.Throws<InfoFormatException>(() => new UniverseReader().Read(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[null]]""")]
    [InlineData("""[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[{"funding":"x","openInterest":"1","prevDayPx":"1","dayNtlVlm":"1","oraclePx":"1","markPx":"1"}]]""")]
    [InlineData("""[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[{"funding":"0.0","openInterest":"1","prevDayPx":"1","dayNtlVlm":"1","oraclePx":"1"}]]""")]
    public void Read_MalformedContext_Throws(string body) =>
        Assert.ThrowsAny<JsonException>(() => new UniverseReader().Read(Encoding.UTF8.GetBytes(body)));

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

    private static byte[] TwoCoins(string btcMark, string ethMark) => Encoding.UTF8.GetBytes(
        "[{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":40},{\"name\":\"ETH\",\"szDecimals\":4,\"maxLeverage\":25}]},[" +
        "{\"funding\":\"0.0000125\",\"openInterest\":\"10.0\",\"prevDayPx\":\"1.0\",\"dayNtlVlm\":\"5.0\",\"premium\":\"0.0\"," +
        "\"oraclePx\":\"" + btcMark + "\",\"markPx\":\"" + btcMark + "\",\"midPx\":null,\"impactPxs\":null,\"dayBaseVlm\":\"1.0\"}," +
        "{\"funding\":\"0.0\",\"openInterest\":\"3.0\",\"prevDayPx\":\"6.0\",\"dayNtlVlm\":\"0.0\",\"premium\":null," +
        "\"oraclePx\":\"" + ethMark + "\",\"markPx\":\"" + ethMark + "\",\"midPx\":\"" + ethMark + "\",\"impactPxs\":[\"6.9\",\"7.1\"],\"dayBaseVlm\":\"0.0\"}]]");

    private static byte[] Answer(string markPx, int maxLeverage = 40) => Encoding.UTF8.GetBytes(
        "[{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":" + maxLeverage + "}]}," +
        "[{\"funding\":\"0.0000125\",\"openInterest\":\"10.0\",\"prevDayPx\":\"1.0\",\"dayNtlVlm\":\"5.0\",\"premium\":\"0.0\"," +
        "\"oraclePx\":\"" + markPx + "\",\"markPx\":\"" + markPx + "\",\"midPx\":null,\"impactPxs\":null,\"dayBaseVlm\":\"1.0\"}]]");
}

using System.Text.Json;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Tests.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>The wire DTOs also write the venue's format (a paper exchange can serve them): what they write reads back the same.</summary>
public sealed class WireRoundTripTests
{
    [Fact]
    public async Task Serialize_ClearinghouseState_ReadsBackToTheSameAccount()
    {
        var wire = JsonSerializer.Deserialize(Fixtures.Bytes("mainnet_fixture_clearinghouse_whale.json"), InfoJsonContext.Default.ClearinghouseStateWire)!;

        var written = JsonSerializer.SerializeToUtf8Bytes(wire, InfoJsonContext.Default.ClearinghouseStateWire);
        var original = await Account(Fixtures.Bytes("mainnet_fixture_clearinghouse_whale.json"));
        var reread = await Account(written);

        Assert.Equal(original.Positions, reread.Positions);
        Assert.Equal((original.AccountValue, original.Withdrawable, original.Time), (reread.AccountValue, reread.Withdrawable, reread.Time));
        Assert.Contains("\"szi\":\"-62371.56\"", System.Text.Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_MetaAndAssetCtxs_WritesTheTwoElementArray()
    {
        var bytes = Fixtures.Bytes("mainnet_metaAndAssetCtxs_2026-02-06.json");
        var wire = JsonSerializer.Deserialize(bytes, InfoJsonContext.Default.MetaAndAssetCtxsWire)!;

        var again = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(wire, InfoJsonContext.Default.MetaAndAssetCtxsWire), InfoJsonContext.Default.MetaAndAssetCtxsWire)!;

        Assert.Equal(wire.Meta.Universe, again.Meta.Universe);
        Assert.Equal(wire.AssetCtxs.Select(c => (c.MarkPx, c.Funding, c.MidPx)), again.AssetCtxs.Select(c => (c.MarkPx, c.Funding, c.MidPx)));
    }

    private static async Task<Halyard.Domain.AccountSnapshot> Account(byte[] body)
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning(body), TestHttp.Clock()));
        return (await client.GetClearinghouseStateAsync(InfoCalls.SomeAccount, CancellationToken.None)).Value!;
    }
}

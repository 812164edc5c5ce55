using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>
/// The official SDK signing vectors, sent verbatim: the venue recovers their keys' addresses (so a funded
/// vector key is accepted), and the same request with one digit of <c>s</c> changed is refused with the
/// venue's unknown-wallet text naming some other address.
/// </summary>
public sealed class SigningVectorTests
{
    public static TheoryData<string> OrderVectors => ["py.order.gtc.mainnet", "py.order.cloid.testnet", "rs.order.ioc.mainnet", "rs.cancel.testnet", "ts.order.gtc.mainnet", "py.scheduleCancel.unset.mainnet"];

    [Theory]
    [MemberData(nameof(OrderVectors))]
    public async Task VerbatimVector_Accepted_TamperedSignature_Rejected(string id)
    {
        var vector = Vectors().Single(v => v!["id"]!.GetValue<string>() == id)!;
        var key = PrivateKey.FromHex(vector["privateKey"]!.GetValue<string>());
        var nonce = vector["nonce"]!.GetValue<long>();
        var clock = new ReplayClock(DateTimeOffset.FromUnixTimeMilliseconds(nonce + 1000));
        var options = new PaperExchangeOptions
        {
            IsMainnet = vector["isMainnet"]!.GetValue<bool>(),
            Accounts = [new FundedAccount(key.Address.Value, 1000m)],
            ScheduleCancelMinVolumeUsd = 0,
        };
        using var engine = new PaperExchangeEngine(options, clock);
        var expected = vector["expected"]!;

        var accepted = await Post(engine, Body(vector, expected["s"]!.GetValue<string>()));
        Assert.DoesNotContain("does not exist", accepted, StringComparison.Ordinal);
        Assert.StartsWith("{\"status\":\"ok\"", accepted, StringComparison.Ordinal);

        var s = expected["s"]!.GetValue<string>();
        var tampered = s[..^1] + (s[^1] == '0' ? '1' : '0');
        var refused = JsonDocument.Parse(await Post(engine, Body(vector, tampered))).RootElement;
        Assert.Equal("err", refused.GetProperty("status").GetString());
        var message = refused.GetProperty("response").GetString()!;
        Assert.StartsWith("User or API Wallet 0x", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Address.Value, message, StringComparison.Ordinal);
    }

    private static string Body(JsonNode vector, string s)
    {
        var expected = vector["expected"]!;
        var body = new JsonObject
        {
            ["action"] = vector["action"]!.DeepClone(),
            ["nonce"] = vector["nonce"]!.GetValue<long>(),
            ["signature"] = new JsonObject { ["r"] = expected["r"]!.GetValue<string>(), ["s"] = s, ["v"] = expected["v"]!.GetValue<int>() },
            ["vaultAddress"] = null,
        };
        return body.ToJsonString();
    }

    private static async Task<string> Post(PaperExchangeEngine engine, string body)
    {
        var reply = await engine.HandleAsync("/exchange", Encoding.UTF8.GetBytes(body), CancellationToken.None);
        Assert.Equal(200, reply.StatusCode);
        return Encoding.UTF8.GetString(reply.Body!);
    }

    private static JsonArray Vectors() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vectors", "signing.json")))!["l1"]!.AsArray();
}

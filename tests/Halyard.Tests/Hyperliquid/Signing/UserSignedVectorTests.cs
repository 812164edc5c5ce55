using System.Text.Json;
using System.Text.Json.Nodes;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Signing;

/// <summary>Every vector of user_signed.json reproduced byte-exact, from JSON and through the typed actions.</summary>
public class UserSignedVectorTests
{
    private static readonly Dictionary<string, string> WireTypeByPrimaryType = new(StringComparer.Ordinal)
    {
        ["HyperliquidTransaction:UsdSend"] = "usdSend",
        ["HyperliquidTransaction:Withdraw"] = "withdraw3",
        ["HyperliquidTransaction:ApproveBuilderFee"] = "approveBuilderFee",
    };

    public static TheoryData<string> Ids => Vectors.Ids("user_signed.json", "vectors");

    [Fact]
    public void UserSignedJson_HasSevenVectors() => Assert.Equal(7, Ids.Count);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sign_FromWireJson_ReproducesSignatureAndRecoversSigner(string id)
    {
        var entry = Vectors.Entry("user_signed.json", "vectors", id);
        var key = PrivateKey.FromHex(entry.GetProperty("privateKey").GetString()!);
        var (typeName, wireAction) = WireAction(entry);
        Assert.True(UserSignedTypes.TryGet(wireAction.GetProperty("type").GetString()!, out var type));
        Assert.Equal(typeName, type.PrimaryType);
        AssertFieldsMatch(entry.GetProperty("types").GetProperty(typeName), type);

        var digest = UserSignedHash.TryComputeDigest(wireAction, out var error);
        Assert.Null(error);
        var signature = key.SignDigest(digest);

        L1VectorTests.AssertSignature(entry.GetProperty("expected"), signature);
        var recovered = SignatureRecovery.RecoverUserSignedSigner(wireAction, signature);
        Assert.True(recovered.IsSuccess, recovered.Error?.Message);
        Assert.Equal(key.Address, recovered.Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sign_TypedAction_ReproducesSignatureWhereAddressesAreCanonical(string id)
    {
        var entry = Vectors.Entry("user_signed.json", "vectors", id);
        var key = PrivateKey.FromHex(entry.GetProperty("privateKey").GetString()!);
        var (_, wire) = WireAction(entry);
        var chain = new UserSignedChain(
            wire.GetProperty("hyperliquidChain").GetString() == "Mainnet",
            Convert.ToUInt64(wire.GetProperty("signatureChainId").GetString(), 16));
        IUserSignedAction action = wire.GetProperty("type").GetString() switch
        {
            "usdSend" => new UsdSendAction(chain, EthAddress.Parse(wire.GetProperty("destination").GetString()!), wire.GetProperty("amount").GetString()!, wire.GetProperty("time").GetInt64()),
            "withdraw3" => new WithdrawAction(chain, EthAddress.Parse(wire.GetProperty("destination").GetString()!), wire.GetProperty("amount").GetString()!, wire.GetProperty("time").GetInt64()),
            "approveBuilderFee" => new ApproveBuilderFeeAction(chain, wire.GetProperty("maxFeeRate").GetString()!, EthAddress.Parse(wire.GetProperty("builder").GetString()!), wire.GetProperty("nonce").GetInt64()),
            var other => throw new InvalidOperationException(other),
        };

        var signature = UserSignedSigner.Sign(key, action);

        if (wire.TryGetProperty("destination", out var destination) && destination.GetString() != destination.GetString()!.ToLowerInvariant())
        {
            // The Rust vector hashes a mixed-case destination as text; our typed actions always send lowercase,
            // so they sign a different (equally valid) message. The JSON test above reproduces the vector.
            Assert.NotEqual(entry.GetProperty("expected").GetProperty("r").GetString(), signature.R);
        }
        else
        {
            L1VectorTests.AssertSignature(entry.GetProperty("expected"), signature);
        }

        using var sent = JsonDocument.Parse(ActionJson.ToUtf8(action));
        Assert.Equal(key.Address, SignatureRecovery.RecoverUserSignedSigner(sent.RootElement, signature).Value);
    }

    [Fact]
    public void ApproveAgent_WithoutName_OmitsKeyAndSignsEmptyName()
    {
        var key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        var agent = EthAddress.Parse("0x5e9ee1089755c3435139848e47e6635505d5a13a");
        var unnamed = new ApproveAgentAction(UserSignedChain.Testnet, agent, null, 1700000000000);
        var emptyName = new ApproveAgentAction(UserSignedChain.Testnet, agent, "", 1700000000000);

        var json = System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(unnamed));

        Assert.Equal(
            "{\"type\":\"approveAgent\",\"signatureChainId\":\"0x66eee\",\"hyperliquidChain\":\"Testnet\",\"agentAddress\":\"0x5e9ee1089755c3435139848e47e6635505d5a13a\",\"nonce\":1700000000000}",
            json);
        Assert.Equal(UserSignedSigner.Digest(emptyName), UserSignedSigner.Digest(unnamed));
        Assert.NotEqual(UserSignedSigner.Digest(unnamed), UserSignedSigner.Digest(unnamed with { AgentName = "bot" }));
        Assert.Equal(key.Address, SignatureRecovery.FromDigest(UserSignedSigner.Digest(unnamed), UserSignedSigner.Sign(key, unnamed)).Value);
    }

    [Fact]
    public void UsdClassTransfer_Json_HasFieldsInTypeOrder()
    {
        var action = new UsdClassTransferAction(UserSignedChain.Mainnet, "12.5", ToPerp: true, 1700000000000);

        Assert.Equal(
            "{\"type\":\"usdClassTransfer\",\"signatureChainId\":\"0x66eee\",\"hyperliquidChain\":\"Mainnet\",\"amount\":\"12.5\",\"toPerp\":true,\"nonce\":1700000000000}",
            System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(action)));
        Assert.Equal(32, UserSignedSigner.Digest(action).Length);
    }

    [Fact]
    public void RecoverUserSigned_UnknownType_IsFailureValue()
    {
        using var document = JsonDocument.Parse("{\"type\":\"spotDeploy\",\"signatureChainId\":\"0x66eee\"}");
        var signature = Signature.Parse("0x01", "0x01", 27);

        var result = SignatureRecovery.RecoverUserSignedSigner(document.RootElement, signature);

        Assert.False(result.IsSuccess);
        Assert.Contains("type", result.Error?.Message, StringComparison.Ordinal);
    }

    /// <summary>The vector's action with its wire <c>type</c> (the vectors name the EIP-712 type separately).</summary>
    private static (string TypeName, JsonElement Action) WireAction(JsonElement entry)
    {
        var typeName = entry.GetProperty("types").EnumerateObject().Single().Name;
        var node = JsonNode.Parse(entry.GetProperty("action").GetRawText())!.AsObject();
        node["type"] ??= WireTypeByPrimaryType[typeName];
        return (typeName, JsonDocument.Parse(node.ToJsonString()).RootElement.Clone());
    }

    private static void AssertFieldsMatch(JsonElement expectedFields, UserSignedType type) =>
        Assert.Equal(
            expectedFields.EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!)),
            type.Fields.Select(f => (f.Name, f.SolidityType)));
}

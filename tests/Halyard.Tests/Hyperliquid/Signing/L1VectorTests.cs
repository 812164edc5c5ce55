using System.Text.Json;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Signing;

/// <summary>Every vector of signing.json (sections l1, hashOnly, signConnectionId) reproduced byte-exact.</summary>
public class L1VectorTests
{
    public static TheoryData<string> L1Ids => Vectors.Ids("signing.json", "l1");

    public static TheoryData<string> HashOnlyIds => Vectors.Ids("signing.json", "hashOnly");

    public static TheoryData<string> ConnectionIdIds => Vectors.Ids("signing.json", "signConnectionId");

    [Fact]
    public void SigningJson_Sections_AreAllCovered()
    {
        using var document = Vectors.Load("signing.json");
        var sections = document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Name != "source")
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["hashOnly", "l1", "signConnectionId"], sections);
        Assert.Equal(32, L1Ids.Count);
        Assert.Equal(6, HashOnlyIds.Count);
        Assert.Equal(2, ConnectionIdIds.Count);
    }

    [Theory]
    [MemberData(nameof(L1Ids))]
    public void SignL1_FromReceivedJson_ReproducesSignatureAndRecoversSigner(string id)
    {
        var entry = Vectors.Entry("signing.json", "l1", id);
        var key = PrivateKey.FromHex(entry.GetProperty("privateKey").GetString()!);
        var nonce = entry.GetProperty("nonce").GetInt64();
        var vault = Vectors.OptionalAddress(entry, "vaultAddress");
        var expires = Vectors.OptionalLong(entry, "expiresAfter");
        var isMainnet = entry.GetProperty("isMainnet").GetBoolean();

        var connectionId = L1ActionHash.ComputeFromJson(entry.GetProperty("action"), nonce, vault, expires, out var error);
        Assert.Null(error);
        var signature = key.SignDigest(Eip712.L1Digest(connectionId!, isMainnet));

        AssertSignature(entry.GetProperty("expected"), signature);
        Assert.Equal(Vectors.SignerOf(entry.GetProperty("privateKey").GetString()!), key.Address);
        var recovered = SignatureRecovery.RecoverL1Signer(entry.GetProperty("action"), nonce, vault, expires, signature, isMainnet);
        Assert.True(recovered.IsSuccess, recovered.Error?.Message);
        Assert.Equal(key.Address, recovered.Value);
    }

    [Theory]
    [MemberData(nameof(L1Ids))]
    public void SignL1_TypedAction_MatchesVectorWhereTheActionIsTypedAndCanonical(string id)
    {
        var entry = Vectors.Entry("signing.json", "l1", id);
        var json = entry.GetProperty("action");
        var readable = L1ActionReader.TryRead(json, out var action, out var error);
        var type = json.GetProperty("type").GetString();
        var hasNonCanonicalPrice = json.GetRawText().Contains(".0\"", StringComparison.Ordinal);
        if (type is "dummy" or "createSubAccount" or "subAccountTransfer" or "claimRewards" || hasNonCanonicalPrice)
        {
            // Not one of our typed actions, or Rust's verbatim "2000.0" which our typed orders refuse.
            Assert.False(readable);
            Assert.NotNull(error);
            return;
        }

        Assert.True(readable, error);
        var key = PrivateKey.FromHex(entry.GetProperty("privateKey").GetString()!);
        var context = new L1SigningContext(
            entry.GetProperty("nonce").GetInt64(),
            entry.GetProperty("isMainnet").GetBoolean(),
            Vectors.OptionalAddress(entry, "vaultAddress"),
            Vectors.OptionalLong(entry, "expiresAfter"));

        AssertSignature(entry.GetProperty("expected"), L1Signer.Sign(key, action!, context));
        Assert.Equal(Vectors.Compact(json), System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(action!)));
    }

    [Theory]
    [MemberData(nameof(HashOnlyIds))]
    public void ActionHash_HashOnlyVector_Matches(string id)
    {
        var entry = Vectors.Entry("signing.json", "hashOnly", id);
        var nonce = entry.GetProperty("nonce").GetInt64();
        var vault = Vectors.OptionalAddress(entry, "vaultAddress");
        var expires = Vectors.OptionalLong(entry, "expiresAfter");
        var expected = entry.GetProperty("expected").GetProperty("actionHash").GetString();
        byte[] hash;
        if (entry.TryGetProperty("msgpackBinaryFields", out _))
        {
            // Rust's rmp_serde writes the address-typed field as bin8; reproduce that encoding explicitly.
            hash = HashWithBinaryBuilder(entry.GetProperty("action"), nonce);
            var asString = L1ActionHash.ComputeFromJson(entry.GetProperty("action"), nonce, vault, expires, out _);
            Assert.Equal("0x708482d7c42bc9c8038fc7c4c2f6cb7541e6fe70a6b1fd0a4721d32864287559", Vectors.ToHex(asString));
        }
        else
        {
            hash = L1ActionHash.ComputeFromJson(entry.GetProperty("action"), nonce, vault, expires, out var error)!;
            Assert.Null(error);
        }

        Assert.Equal(expected, Vectors.ToHex(hash));
    }

    [Theory]
    [MemberData(nameof(ConnectionIdIds))]
    public void SignDigest_ConnectionIdVector_ReproducesSignature(string id)
    {
        var entry = Vectors.Entry("signing.json", "signConnectionId", id);
        var key = PrivateKey.FromHex(entry.GetProperty("privateKey").GetString()!);
        var digest = Eip712.L1Digest(Vectors.Hex(entry.GetProperty("connectionId").GetString()!), entry.GetProperty("isMainnet").GetBoolean());

        var signature = key.SignDigest(digest);

        AssertSignature(entry.GetProperty("expected"), signature);
        var upstream = entry.GetProperty("expectedAsWrittenUpstream").GetProperty("signature65").GetString()!;
        Assert.Equal(upstream, signature.R + signature.S[2..] + signature.V.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(key.Address, SignatureRecovery.FromDigest(digest, signature).Value);
    }

    [Fact]
    public void Constants_MatchProtocolDocument()
    {
        Assert.Equal("0xd79297fcdf2ffcd4ae223d01edaa2ba214ff8f401d7c9300d995d17c82aa4040", Vectors.ToHex(Eip712.DomainSeparator("Exchange", 1337L)));
        Assert.Equal("0xfeb1393ca4412a4ca577bd51d04f0a77033514c602f4d0a11490fb95f7428df6", Vectors.ToHex(Eip712.DomainSeparator("HyperliquidSignTransaction", 0x66eeeL)));
        Assert.Equal("0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f",
            Vectors.ToHex(Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"u8)));
        Assert.Equal("0x26f05c2f7239b6983075e58321292d77b3aa173d19b27257ac96ab362570f508",
            Vectors.ToHex(Keccak256.Hash("Agent(string source,bytes32 connectionId)"u8)));
        var connectionId = Vectors.Hex("0x25367e0dba84351148288c2233cd6130ed6cec5967ded0c0b7334f36f957cc90");
        Assert.Equal("0xcc75e280af3b69b8300145bcab1391410ee7ca49605f05e52cf7f1c5709c8334", Vectors.ToHex(Eip712.L1Digest(connectionId, isMainnet: true)));
    }

    [Fact]
    public void Keccak256_EmptyInput_IsEthereumKeccakNotSha3() =>
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Vectors.ToHex(Keccak256.Hash([])));

    internal static void AssertSignature(JsonElement expected, Signature actual)
    {
        Assert.Equal(expected.GetProperty("r").GetString(), actual.R);
        Assert.Equal(expected.GetProperty("s").GetString(), actual.S);
        Assert.Equal(expected.GetProperty("v").GetInt32(), actual.V);
    }

    private static byte[] HashWithBinaryBuilder(JsonElement action, long nonce)
    {
        var writer = new MsgPackWriter();
        writer.WriteMapHeader(action.EnumerateObject().Count());
        foreach (var property in action.EnumerateObject())
        {
            writer.WriteString(property.Name);
            if (property.Name == "builder")
            {
                writer.WriteBinary(Vectors.Hex(property.Value.GetString()!));
            }
            else if (property.Value.ValueKind == JsonValueKind.Number)
            {
                writer.WriteInteger(property.Value.GetInt64());
            }
            else
            {
                writer.WriteString(property.Value.GetString()!);
            }
        }

        writer.WriteRaw(BitConverter.IsLittleEndian ? BitConverter.GetBytes(nonce).Reverse().ToArray() : BitConverter.GetBytes(nonce));
        writer.WriteByte(0x00);
        return Keccak256.Hash(writer.WrittenSpan);
    }
}

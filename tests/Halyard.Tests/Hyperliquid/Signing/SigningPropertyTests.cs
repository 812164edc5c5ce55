using System.Text.Json;
using CsCheck;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;
using Halyard.Tests.Hyperliquid.Actions;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace Halyard.Tests.Hyperliquid.Signing;

public class SigningPropertyTests
{
    [Fact]
    public void TypedMsgPack_GeneratedActions_EqualsGenericMsgPackOfTheSentJson() =>
        ActionGenerators.Action.Sample(action =>
        {
            using var sent = JsonDocument.Parse(ActionJson.ToUtf8(action));
            var generic = new MsgPackWriter();
            Assert.True(JsonMsgPackEncoder.TryEncode(sent.RootElement, generic, out var error), error);
            Assert.Equal(Convert.ToHexStringLower(L1ActionHash.MsgPack(action)), Convert.ToHexStringLower(generic.WrittenSpan));
        }, iter: 2_000);

    [Fact]
    public void Reader_GeneratedActions_RoundTripsToTheSameJson() =>
        ActionGenerators.Action.Sample(action =>
        {
            var json = ActionJson.ToUtf8(action);
            using var sent = JsonDocument.Parse(json);
            Assert.True(L1ActionReader.TryRead(sent.RootElement, out var read, out var error), error);
            Assert.Equal(json, ActionJson.ToUtf8(read));
        }, iter: 1_000);

    [Fact]
    public void SignThenRecover_GeneratedActionsAndKeys_RecoversTheSigner() =>
        Gen.Select(ActionGenerators.Action, ActionGenerators.Key, ActionGenerators.Context).Sample((action, key, context) =>
        {
            var signature = L1Signer.Sign(key, action, context);
            Assert.Matches("^0x[0-9a-f]{64}$", signature.R);
            Assert.Matches("^0x[0-9a-f]{64}$", signature.S);
            Assert.InRange(signature.V, 27, 28);

            using var sent = JsonDocument.Parse(ActionJson.ToUtf8(action));
            var recovered = SignatureRecovery.RecoverL1Signer(sent.RootElement, context.Nonce, context.VaultAddress, context.ExpiresAfter, signature, context.IsMainnet);
            Assert.True(recovered.IsSuccess, recovered.Error?.Message);
            Assert.Equal(key.Address, recovered.Value);

            var otherNetwork = SignatureRecovery.RecoverL1Signer(sent.RootElement, context.Nonce, context.VaultAddress, context.ExpiresAfter, signature, !context.IsMainnet);
            Assert.NotEqual(key.Address, otherNetwork.Value);
        }, iter: 1_000, threads: 1);

    [Fact]
    public void SignDigest_RandomKeysAndDigests_EqualsBouncyCastleEcdsaSignerWithLowS()
    {
        var n = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("secp256k1").N;
        var curve = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("secp256k1");
        var domain = new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32].Where(b => b.Any(x => x != 0) && b[0] < 0xff)).Sample((digest, keyBytes) =>
        {
            var key = PrivateKey.FromHex(Convert.ToHexStringLower(keyBytes));
            var reference = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            reference.Init(true, new ECPrivateKeyParameters(new BigInteger(1, keyBytes), domain));
            var rs = reference.GenerateSignature(digest);
            var s = rs[1].CompareTo(n.ShiftRight(1)) > 0 ? n.Subtract(rs[1]) : rs[1];

            var signature = key.SignDigest(digest);

            Assert.Equal(rs[0], new BigInteger(1, signature.RBytes()));
            Assert.Equal(s, new BigInteger(1, signature.SBytes()));
            Assert.Equal(key.Address, SignatureRecovery.FromDigest(digest, signature).Value);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Recover_TamperedAction_RecoversADifferentAddress()
    {
        var key = PrivateKey.FromHex("0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff");
        var action = new OrderAction([new OrderWire(0, true, "30000", "0.1", false, new LimitOrderType(TimeInForce.Gtc))]);
        var context = new L1SigningContext(1234567890, IsMainnet: true);
        var signature = L1Signer.Sign(key, action, context);
        using var tampered = JsonDocument.Parse("{\"type\":\"order\",\"orders\":[{\"a\":0,\"b\":true,\"p\":\"30000\",\"s\":\"0.2\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"grouping\":\"na\"}");
        using var reordered = JsonDocument.Parse("{\"orders\":[{\"a\":0,\"b\":true,\"p\":\"30000\",\"s\":\"0.1\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"type\":\"order\",\"grouping\":\"na\"}");

        Assert.NotEqual(key.Address, SignatureRecovery.RecoverL1Signer(tampered.RootElement, 1234567890, null, null, signature, true).Value);
        Assert.NotEqual(key.Address, SignatureRecovery.RecoverL1Signer(reordered.RootElement, 1234567890, null, null, signature, true).Value);
        Assert.NotEqual(key.Address, SignatureRecovery.RecoverL1Signer(reordered.RootElement, 1234567891, null, null, signature, true).Value);
        Assert.Equal(key.Address, SignatureRecovery.RecoverL1Signer(action, context, signature).Value);
    }

    [Fact]
    public void Recover_OutOfRangeSignature_IsFailureValue()
    {
        using var action = JsonDocument.Parse("{\"type\":\"noop\"}");
        var zero = Signature.Parse("0x0", "0x1", 27);
        var overflow = Signature.Parse("0x" + new string('f', 64), "0x1", 28);

        Assert.False(SignatureRecovery.RecoverL1Signer(action.RootElement, 1, null, null, zero, true).IsSuccess);
        Assert.False(SignatureRecovery.RecoverL1Signer(action.RootElement, 1, null, null, overflow, true).IsSuccess);
    }

    [Fact]
    public void RecoverL1_FloatInAction_IsFailureValue()
    {
        using var action = JsonDocument.Parse("{\"type\":\"order\",\"p\":1.5}");
        var result = SignatureRecovery.RecoverL1Signer(action.RootElement, 1, null, null, Signature.Parse("0x1", "0x1", 27), true);

        Assert.False(result.IsSuccess);
        Assert.Contains("1.5", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_TryFromJson_AcceptsUnpaddedPythonForm()
    {
        using var json = JsonDocument.Parse("{\"r\":\"0x53749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298\",\"s\":\"0x755c40ba9bf05223521753995abb2f73ab3229be8ec921f350cb447e384d8ed8\",\"v\":27}");

        Assert.True(Signature.TryFromJson(json.RootElement, out var signature));
        Assert.Equal("0x053749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298", signature.R);
    }
}

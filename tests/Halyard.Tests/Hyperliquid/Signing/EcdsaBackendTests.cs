using CsCheck;
using Halyard.Hyperliquid.Signing;
using Org.BouncyCastle.Math;

namespace Halyard.Tests.Hyperliquid.Signing;

/// <summary>The native libsecp256k1 backend against the managed (BouncyCastle) reference, and the choice between them.</summary>
public class EcdsaBackendTests
{
    private static readonly BigInteger N = Secp256k1.N;

    [Fact]
    public void Backend_OnThisMachine_IsNative() =>
        // The package ships libsecp256k1 for linux-x64: a managed fallback here means the native library failed to load.
        Assert.Equal(SigningBackend.Native, Ecdsa.Backend);

    [Fact]
    public void Choose_ProbeThrowsDllNotFound_IsManaged() =>
        Assert.Equal(SigningBackend.Managed, Ecdsa.Choose(() => throw new DllNotFoundException("libsecp256k1")));

    [Fact]
    public void Choose_ProbeDisagrees_IsManaged() =>
        Assert.Equal(SigningBackend.Managed, Ecdsa.Choose(() => false));

    [Fact]
    public void Choose_ProbeAgrees_IsNative() =>
        Assert.Equal(SigningBackend.Native, Ecdsa.Choose(() => true));

    [Fact]
    public void NativeSign_RandomKeysAndDigests_EqualsManagedAndRecoversTheSameSigner() =>
        Gen.Select(Digests, Keys).Sample((digest, secret) => AssertSameAsManaged(digest, secret), iter: 500, threads: 1);

    [Theory]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")] // all ones: ≥ n
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")] // n itself: ≡ 0
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")] // n + 1
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001")]
    public void NativeSign_EdgeDigests_EqualsManaged(string digestHex)
    {
        var digest = Convert.FromHexString(digestHex);
        foreach (var keyHex in new[] { "0000000000000000000000000000000000000000000000000000000000000001", "822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140" })
        {
            AssertSameAsManaged(digest, Convert.FromHexString(keyHex));
        }
    }

    [Fact]
    public void NativeSign_DigestsAtOrAboveN_EqualsManaged() =>
        Gen.Byte.Array[32].Select(tail =>
        {
            // The top 128 bits of n are all ones but one bit: a digest starting with 16 0xff bytes is ≥ n.
            var digest = new byte[32];
            Array.Fill(digest, (byte)0xff, 0, 16);
            tail.AsSpan(16).CopyTo(digest.AsSpan(16));
            return digest;
        }).Select(Keys).Sample((digest, secret) =>
        {
            Assert.True(new BigInteger(1, digest).CompareTo(N) >= 0);
            AssertSameAsManaged(digest, secret);
        }, iter: 200, threads: 1);

    [Fact]
    public void NativeRecover_OutOfRangeOrZeroScalars_IsNull()
    {
        var digest = new byte[32];
        digest[31] = 7;
        Assert.Null(NativeSecp256k1.Recover(digest, Signature.Parse("0x0", "0x1", 27)));
        Assert.Null(NativeSecp256k1.Recover(digest, Signature.Parse("0x" + new string('f', 64), "0x1", 28)));
        Assert.Null(NativeSecp256k1.Recover(digest, Signature.Parse("0x1", "0x" + new string('f', 64), 27)));
        Assert.Null(Secp256k1.Recover(digest, Signature.Parse("0x" + new string('f', 64), "0x1", 28)));
    }

    [Fact]
    public void NativeRecover_HighS_RecoversLikeManaged()
    {
        // The venue recovers whatever s it receives; both backends must agree on a high-s signature too.
        var secret = Convert.FromHexString("822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff");
        var digest = System.Security.Cryptography.SHA256.HashData("high s"u8);
        var low = Secp256k1.Sign(new BigInteger(1, secret), digest);
        var highS = N.Subtract(new BigInteger(1, low.SBytes()));
        var high = Signature.Parse(low.R, "0x" + highS.ToString(16), low.V == 27 ? 28 : 27);

        Assert.Equal(Secp256k1.Recover(digest, high), NativeSecp256k1.Recover(digest, high));
        Assert.Equal(Secp256k1.Recover(digest, low), NativeSecp256k1.Recover(digest, high));
    }

    private static Gen<byte[]> Digests => Gen.Byte.Array[32];

    private static Gen<byte[]> Keys => Gen.Byte.Array[32].Where(b =>
    {
        var d = new BigInteger(1, b);
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    });

    private static void AssertSameAsManaged(byte[] digest, byte[] secret)
    {
        var d = new BigInteger(1, secret);
        var managed = Secp256k1.Sign(d, digest);
        var native = NativeSecp256k1.TrySign(secret, digest);

        Assert.Equal(managed, native);
        Assert.Equal(managed, Ecdsa.Sign(d, secret, digest));
        var address = Secp256k1.AddressOf(Secp256k1.PublicKeyOf(d));
        Assert.Equal(address, NativeSecp256k1.Recover(digest, managed));
        Assert.Equal(address, Secp256k1.Recover(digest, managed));
    }
}

using Halyard.Domain;
using Org.BouncyCastle.Math;

namespace Halyard.Hyperliquid.Signing;

/// <summary>The implementation of secp256k1 ECDSA this process uses.</summary>
public enum SigningBackend
{
    /// <summary>libsecp256k1, the native library shipped in the Secp256k1.Net package.</summary>
    Native,

    /// <summary>BouncyCastle, fully managed: used where the native library cannot be loaded.</summary>
    Managed,
}

/// <summary>
/// Signing and recovery on secp256k1 through the backend chosen once when the process first signs: the
/// native libsecp256k1 when it loads and agrees with the managed signer on a fixed digest, BouncyCastle
/// otherwise. Both give identical r, s and v (RFC 6979, low-s), so the choice changes speed only. The
/// choice is made once and never changes: it is immutable, not shared mutable state.
/// </summary>
public static class Ecdsa
{
    /// <summary>The backend in use, e.g. for the log and the run summary.</summary>
    public static SigningBackend Backend { get; } = Choose(NativeAgrees);

    /// <summary>A line for logs: which implementation signs.</summary>
    public static string Describe(SigningBackend backend) => backend == SigningBackend.Native
        ? "native libsecp256k1 (Secp256k1.Net)"
        : "managed BouncyCastle (native libsecp256k1 unavailable)";

    /// <summary>Native when <paramref name="nativeProbe"/> says it works; a probe that throws (library missing) means managed.</summary>
    internal static SigningBackend Choose(Func<bool> nativeProbe)
    {
        ArgumentNullException.ThrowIfNull(nativeProbe);
        try
        {
            return nativeProbe() ? SigningBackend.Native : SigningBackend.Managed;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or PlatformNotSupportedException)
        {
            return SigningBackend.Managed;
        }
    }

    internal static Signature Sign(BigInteger d, ReadOnlySpan<byte> secret32, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("The digest is exactly 32 bytes.", nameof(digest));
        }

        return Backend == SigningBackend.Native && NativeSecp256k1.TrySign(secret32, digest) is { } signature
            ? signature
            : Secp256k1.Sign(d, digest);
    }

    internal static EthAddress? Recover(ReadOnlySpan<byte> digest, Signature signature) =>
        Backend == SigningBackend.Native ? NativeSecp256k1.Recover(digest, signature) : Secp256k1.Recover(digest, signature);

    /// <summary>Signs and recovers one fixed digest natively and checks both against the managed implementation.</summary>
    private static bool NativeAgrees()
    {
        Span<byte> secret = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < 32; i++)
        {
            secret[i] = (byte)(i + 1);
            digest[i] = (byte)(0xa5 ^ i);
        }

        var d = new BigInteger(1, secret);
        var expected = Secp256k1.Sign(d, digest);
        var native = NativeSecp256k1.TrySign(secret, digest);
        return native == expected
            && NativeSecp256k1.Recover(digest, expected) is { } signer
            && signer == Secp256k1.AddressOf(Secp256k1.PublicKeyOf(d));
    }
}

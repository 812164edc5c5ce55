using Halyard.Domain;
using Native = Secp256k1Net.Secp256k1;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// ECDSA on secp256k1 through the native libsecp256k1 (bundled by the Secp256k1.Net package): the same
/// RFC 6979 nonce (HMAC-SHA256 over the key and the digest reduced mod n), low-s and recovery id as
/// <see cref="Secp256k1"/>, at a fraction of the cost. The package's static calls use its own thread-safe
/// context; nothing is held here.
/// </summary>
internal static class NativeSecp256k1
{
    /// <summary>Signs <paramref name="digest"/>; null when the result must come from the managed signer instead.</summary>
    /// <remarks>
    /// libsecp256k1 reports recovery ids 2 and 3 when R.x overflowed n (probability ~2^-128); Ethereum's v
    /// cannot carry them, so the managed signer (which takes the next nonce then) answers for that digest.
    /// </remarks>
    internal static Signature? TrySign(ReadOnlySpan<byte> secret32, ReadOnlySpan<byte> digest)
    {
        var (compact, recoveryId) = Native.SignRecoverable(digest, secret32);
        return recoveryId is 0 or 1 ? Signature.FromScalars(compact.AsSpan(0, 32), compact.AsSpan(32, 32), 27 + recoveryId) : null;
    }

    /// <summary>The address whose key produced <paramref name="signature"/> over <paramref name="digest"/>, or null.</summary>
    internal static EthAddress? Recover(ReadOnlySpan<byte> digest, Signature signature)
    {
        if (digest.Length != 32)
        {
            return null;
        }

        Span<byte> compact = stackalloc byte[64];
        signature.WriteScalars(compact);
        byte[] publicKey;
        try
        {
            publicKey = Native.RecoverPublicKey(compact, (byte)(signature.V - 27), digest, compressed: false);
        }
        catch (ArgumentException)
        {
            // The package reports an unparsable or unrecoverable signature (r or s zero or ≥ n, no point R) this way.
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey.AsSpan(1, 64), hash);
        return EthAddress.FromBytes(hash[12..]);
    }
}

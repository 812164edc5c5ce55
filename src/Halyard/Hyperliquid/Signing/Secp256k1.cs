using Halyard.Domain;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The managed (BouncyCastle) reference and fallback of <see cref="Ecdsa"/>. Deterministic ECDSA on secp256k1 over a 32-byte digest (no further hashing): RFC 6979 nonces
/// (<see cref="HMacDsaKCalculator"/> with SHA-256, as in BouncyCastle's <c>ECDsaSigner</c>), low-s,
/// recovery id from the parity of R.y; and public-key recovery. The curve constants and BouncyCastle's
/// fixed-point comb table for G are immutable and shared; there is no other state.
/// </summary>
internal static class Secp256k1
{
    internal static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    internal static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    internal static BigInteger N => Domain.N;

    internal static ECPoint PublicKeyOf(BigInteger d) => BaseMultiplier.Multiply(Domain.G, d).Normalize();

    internal static EthAddress AddressOf(ECPoint publicKey)
    {
        Span<byte> xy = stackalloc byte[64];
        var normalised = publicKey.Normalize();
        Write32(normalised.AffineXCoord.ToBigInteger(), xy[..32]);
        Write32(normalised.AffineYCoord.ToBigInteger(), xy[32..]);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(xy, hash);
        return EthAddress.FromBytes(hash[12..]);
    }

    internal static Signature Sign(BigInteger d, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("The digest is exactly 32 bytes.", nameof(digest));
        }

        var n = Domain.N;
        var digestBytes = digest.ToArray();
        var e = new BigInteger(1, digestBytes);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(n, d, digestBytes);
        while (true)
        {
            var k = kCalculator.NextK();
            var point = BaseMultiplier.Multiply(Domain.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(d.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = point.AffineYCoord.TestBitZero() ? 1 : 0;
            if (x.CompareTo(n) >= 0)
            {
                // R.x overflowed n (probability ~2^-128): v cannot express it; take the next k.
                continue;
            }

            if (s.CompareTo(HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }

            Span<byte> r32 = stackalloc byte[32];
            Span<byte> s32 = stackalloc byte[32];
            Write32(r, r32);
            Write32(s, s32);
            return Signature.FromScalars(r32, s32, 27 + recoveryId);
        }
    }

    /// <summary>The address whose key produced <paramref name="signature"/> over <paramref name="digest"/>, or null.</summary>
    internal static EthAddress? Recover(ReadOnlySpan<byte> digest, Signature signature)
    {
        if (digest.Length != 32)
        {
            return null;
        }

        var n = Domain.N;
        var r = new BigInteger(1, signature.RBytes());
        var s = new BigInteger(1, signature.SBytes());
        if (r.SignValue == 0 || r.CompareTo(n) >= 0 || s.SignValue == 0 || s.CompareTo(n) >= 0)
        {
            return null;
        }

        var recoveryId = signature.V - 27;
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | recoveryId);
        Write32(r, compressed[1..]);
        ECPoint bigR;
        try
        {
            bigR = Domain.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }

        var e = new BigInteger(1, digest.ToArray());
        var rInverse = BigIntegers.ModOddInverse(n, r);
        var u1 = n.Subtract(e).Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, u1, bigR, u2).Normalize();
        return q.IsInfinity ? null : AddressOf(q);
    }

    internal static void Write32(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination[..32].Clear();
        bytes.CopyTo(destination[(32 - bytes.Length)..]);
    }
}

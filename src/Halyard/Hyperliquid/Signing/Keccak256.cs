using Org.BouncyCastle.Crypto.Digests;

namespace Halyard.Hyperliquid.Signing;

/// <summary>Ethereum Keccak-256 (the original Keccak padding, NOT NIST SHA3-256).</summary>
public static class Keccak256
{
    public const int HashLength = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashLength];
        Hash(data, output);
        return output;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }
}

using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>Signs L1 actions: action hash → phantom agent → EIP-712 digest → RFC 6979 ECDSA.</summary>
public static class L1Signer
{
    /// <summary>The 32-byte EIP-712 digest that is signed for <paramref name="action"/>.</summary>
    public static byte[] Digest(IL1Action action, L1SigningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connectionId = L1ActionHash.Compute(action, context);
        return Eip712.L1Digest(connectionId, context.IsMainnet);
    }

    public static Signature Sign(PrivateKey key, IL1Action action, L1SigningContext context)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignDigest(Digest(action, context));
    }
}

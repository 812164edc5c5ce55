using System.Text.Json;
using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>Signs user-signed actions (approveAgent, usdSend, withdraw3, usdClassTransfer, approveBuilderFee).</summary>
public static class UserSignedSigner
{
    /// <summary>The EIP-712 digest of <paramref name="action"/>, computed from the JSON that will be sent.</summary>
    public static byte[] Digest(IUserSignedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var document = JsonDocument.Parse(ActionJson.ToUtf8(action));
        return UserSignedHash.TryComputeDigest(document.RootElement, out var error)
            ?? throw new InvalidOperationException($"Typed action '{action.Type}' does not match its EIP-712 type: {error}");
    }

    /// <summary>Signs with the account's own key (user-signed actions cannot be signed by an agent).</summary>
    public static Signature Sign(PrivateKey key, IUserSignedAction action)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignDigest(Digest(action));
    }
}

using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Recovers the address that signed a request, as the venue does: from the RECEIVED JSON action
/// (re-encoded in its own key order) or from a typed action. Malformed input is a failure value, not an
/// exception, because it comes from outside.
/// </summary>
public static class SignatureRecovery
{
    /// <summary>Recovers the signer of an L1 action exactly as received.</summary>
    public static Result<EthAddress> RecoverL1Signer(JsonElement action, long nonce, EthAddress? vault, long? expiresAfter, Signature sig, bool isMainnet)
    {
        ArgumentNullException.ThrowIfNull(sig);
        if (nonce < 0 || expiresAfter < 0)
        {
            return Error.Invalid("Negative nonce or expiresAfter.");
        }

        var connectionId = L1ActionHash.ComputeFromJson(action, nonce, vault, expiresAfter, out var error);
        return connectionId is null
            ? Error.Invalid(error ?? "Action cannot be hashed.")
            : FromDigest(Eip712.L1Digest(connectionId, isMainnet), sig);
    }

    /// <summary>Recovers the signer of a user-signed action exactly as received.</summary>
    public static Result<EthAddress> RecoverUserSignedSigner(JsonElement action, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        var digest = UserSignedHash.TryComputeDigest(action, out var error);
        return digest is null ? Error.Invalid(error ?? "Action cannot be hashed.") : FromDigest(digest, sig);
    }

    /// <summary>Recovers the signer of a typed L1 action.</summary>
    public static Result<EthAddress> RecoverL1Signer(IL1Action action, L1SigningContext context, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        return FromDigest(L1Signer.Digest(action, context), sig);
    }

    /// <summary>Recovers the signer of a 32-byte digest.</summary>
    public static Result<EthAddress> FromDigest(ReadOnlySpan<byte> digest, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        var signer = Ecdsa.Recover(digest, sig);
        return signer is { } address ? address : Error.Invalid("Signature does not recover to a public key.");
    }
}

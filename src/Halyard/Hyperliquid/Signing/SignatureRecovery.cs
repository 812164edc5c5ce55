using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>The recovered signer, or why none could be recovered (malformed action or signature).</summary>
public sealed record RecoveryResult
{
    private RecoveryResult(EthAddress? signer, string? error)
    {
        Signer = signer;
        Error = error;
    }

    public EthAddress? Signer { get; }

    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Signer.HasValue;

    internal static RecoveryResult Success(EthAddress signer) => new(signer, null);

    internal static RecoveryResult Failure(string error) => new(null, error);
}

/// <summary>
/// Recovers the address that signed a request, as the venue does: from the RECEIVED JSON action
/// (re-encoded in its own key order) or from a typed action. Malformed input is a failure value, not an
/// exception, because it comes from outside.
/// </summary>
public static class SignatureRecovery
{
    /// <summary>Recovers the signer of an L1 action exactly as received.</summary>
    public static RecoveryResult RecoverL1Signer(JsonElement action, long nonce, EthAddress? vault, long? expiresAfter, Signature sig, bool isMainnet)
    {
        ArgumentNullException.ThrowIfNull(sig);
        if (nonce < 0 || expiresAfter < 0)
        {
            return RecoveryResult.Failure("Negative nonce or expiresAfter.");
        }

        var connectionId = L1ActionHash.ComputeFromJson(action, nonce, vault, expiresAfter, out var error);
        return connectionId is null
            ? RecoveryResult.Failure(error ?? "Action cannot be hashed.")
            : FromDigest(Eip712.L1Digest(connectionId, isMainnet), sig);
    }

    /// <summary>Recovers the signer of a user-signed action exactly as received.</summary>
    public static RecoveryResult RecoverUserSignedSigner(JsonElement action, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        var digest = UserSignedHash.TryComputeDigest(action, out var error);
        return digest is null ? RecoveryResult.Failure(error ?? "Action cannot be hashed.") : FromDigest(digest, sig);
    }

    /// <summary>Recovers the signer of a typed L1 action.</summary>
    public static RecoveryResult RecoverL1Signer(IL1Action action, L1SigningContext context, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        return FromDigest(L1Signer.Digest(action, context), sig);
    }

    /// <summary>Recovers the signer of a 32-byte digest.</summary>
    public static RecoveryResult FromDigest(ReadOnlySpan<byte> digest, Signature sig)
    {
        ArgumentNullException.ThrowIfNull(sig);
        var signer = Ecdsa.Recover(digest, sig);
        return signer is { } address ? RecoveryResult.Success(address) : RecoveryResult.Failure("Signature does not recover to a public key.");
    }
}

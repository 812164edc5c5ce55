using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Signing;

namespace Halyard.PaperExchange.Auth;

/// <summary>
/// The real recovery: EIP-712 digest of the action as received (msgpack in its own key order for L1
/// actions, typed data for user-signed ones), then secp256k1 public-key recovery.
/// </summary>
internal sealed class SignatureSignerRecovery : ISignerRecovery
{
    public static SignatureSignerRecovery Instance { get; } = new();

    public string? RecoverL1Signer(JsonElement action, long nonce, string? vaultAddress, long? expiresAfter, JsonElement signature, bool isMainnet)
    {
        if (!Signature.TryFromJson(signature, out var sig))
        {
            return null;
        }

        EthAddress? vault = null;
        if (vaultAddress is not null)
        {
            if (!EthAddress.TryParse(vaultAddress, out var parsed))
            {
                return null;
            }

            vault = parsed;
        }

        var result = SignatureRecovery.RecoverL1Signer(action, nonce, vault, expiresAfter, sig, isMainnet);
        return result.IsSuccess ? result.Value.Value : null;
    }

    public string? RecoverUserSignedSigner(JsonElement action, JsonElement signature)
    {
        if (!Signature.TryFromJson(signature, out var sig))
        {
            return null;
        }

        var result = SignatureRecovery.RecoverUserSignedSigner(action, sig);
        return result.IsSuccess ? result.Value.Value : null;
    }
}

using System.Text.Json;

namespace Halyard.PaperExchange.Auth;

/// <summary>
/// Recovers who signed a request, from the action exactly as received. The production implementation
/// is the real EIP-712/secp256k1 recovery; the seam exists so the engine can be unit-tested without keys.
/// </summary>
internal interface ISignerRecovery
{
    /// <summary>The lowercase <c>0x</c> address that signed an L1 action, or null when the signature recovers to no key.</summary>
    string? RecoverL1Signer(JsonElement action, long nonce, string? vaultAddress, long? expiresAfter, JsonElement signature, bool isMainnet);

    /// <summary>The lowercase <c>0x</c> address that signed a user-signed action, or null.</summary>
    string? RecoverUserSignedSigner(JsonElement action, JsonElement signature);
}

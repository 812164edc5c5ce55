using System.Text.Json;
using Halyard.PaperExchange.Auth;

namespace Halyard.Tests.PaperExchange.Support;

/// <summary>
/// Test seam: the "signature" names its signer in the last 40 hex digits of <c>r</c> (r = 0x0 → unrecoverable),
/// so engine tests can hand-write request JSON. The real recovery is exercised by the conformance tests.
/// </summary>
internal sealed class FakeSignerRecovery : ISignerRecovery
{
    public string? RecoverL1Signer(JsonElement action, long nonce, string? vaultAddress, long? expiresAfter, JsonElement signature, bool isMainnet) =>
        Signer(signature);

    public string? RecoverUserSignedSigner(JsonElement action, JsonElement signature) => Signer(signature);

    public static string SignatureFor(string address) =>
        "{\"r\":\"0x000000000000000000000000" + address[2..] + "\",\"s\":\"0x1\",\"v\":27}";

    private static string? Signer(JsonElement signature)
    {
        var r = signature.GetProperty("r").GetString()!;
        return r.Length == 66 ? "0x" + r[26..].ToLowerInvariant() : null;
    }
}

using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Exchange;

/// <summary>
/// Writes the <c>/exchange</c> envelope <c>{action, nonce, signature, vaultAddress?, expiresAfter?}</c>. The
/// action is written by the same typed record, through the same sink calls, that produced the hash.
/// </summary>
public static class ExchangeRequest
{
    /// <summary>Signs an L1 action and returns the request body.</summary>
    public static byte[] SignL1(PrivateKey key, IL1Action action, L1SigningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signature = L1Signer.Sign(key, action, context);
        return Write(action, context.Nonce, signature, context.VaultAddress, context.ExpiresAfter);
    }

    /// <summary>Signs a user-signed action (nonce = its time/nonce field) and returns the request body.</summary>
    public static byte[] SignUser(PrivateKey key, IUserSignedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var signature = UserSignedSigner.Sign(key, action);
        return Write(action, action.Nonce, signature, vault: null, expiresAfter: null);
    }

    public static byte[] Write(IWireAction action, long nonce, Signature signature, EthAddress? vault, long? expiresAfter)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(signature);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ActionJson.WriterOptions))
        {
            var sink = new JsonActionSink(writer);
            writer.WriteStartObject();
            writer.WritePropertyName("action");
            action.WriteTo(sink);
            writer.WriteNumber("nonce", nonce);
            writer.WritePropertyName("signature");
            signature.WriteTo(sink);
            if (vault is { } vaultAddress)
            {
                writer.WriteString("vaultAddress", vaultAddress.Value);
            }

            if (expiresAfter is { } expires)
            {
                writer.WriteNumber("expiresAfter", expires);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The EIP-712 digest of a user-signed action, computed from its JSON (the form that is sent): domain
/// "HyperliquidSignTransaction"/"1"/int(signatureChainId)/0x0, primary type from the wire <c>type</c>,
/// message = the fields of the type (<c>type</c> and <c>signatureChainId</c> are not part of it).
/// Typed actions are signed through their own JSON, so what is signed is what is sent.
/// </summary>
public static class UserSignedHash
{
    public const string DomainName = "HyperliquidSignTransaction";

    public static byte[]? TryComputeDigest(JsonElement action, out string? error)
    {
        error = null;
        if (action.ValueKind != JsonValueKind.Object)
        {
            error = "The action is not a JSON object.";
            return null;
        }

        if (!TryGetString(action, "type", out var wireType) || !UserSignedTypes.TryGet(wireType, out var type))
        {
            error = "Missing or unknown user-signed action type.";
            return null;
        }

        if (!TryGetString(action, "signatureChainId", out var chainHex) || !TryParseChainId(chainHex, out var chainId))
        {
            error = "Missing or invalid signatureChainId (hex string).";
            return null;
        }

        var message = new byte[32 * (type.Fields.Length + 1)];
        type.TypeHash().CopyTo(message, 0);
        for (var i = 0; i < type.Fields.Length; i++)
        {
            var slot = message.AsSpan(32 * (i + 1), 32);
            if (!TryEncodeField(action, type.Fields[i], slot, out error))
            {
                return null;
            }
        }

        var structHash = Keccak256.Hash(message);
        return Eip712.Digest(Eip712.DomainSeparator(DomainName, chainId), structHash);
    }

    private static bool TryEncodeField(JsonElement action, Eip712Field field, Span<byte> slot, out string? error)
    {
        error = null;
        var present = action.TryGetProperty(field.Name, out var value) && value.ValueKind != JsonValueKind.Null;
        switch (field.SolidityType)
        {
            case "string":
                if (!present && field.Name == "agentName")
                {
                    Keccak256.Hash([], slot);
                    return true;
                }

                if (!present || value.ValueKind != JsonValueKind.String)
                {
                    break;
                }

                Keccak256.Hash(Encoding.UTF8.GetBytes(value.GetString()!), slot);
                return true;
            case "address":
                if (!present || value.ValueKind != JsonValueKind.String || !EthAddress.TryParse(value.GetString(), out var address))
                {
                    break;
                }

                Eip712.WriteAddress(address, slot);
                return true;
            case "uint64":
                if (!present || value.ValueKind != JsonValueKind.Number || !value.TryGetUInt64(out var number))
                {
                    break;
                }

                Eip712.WriteUInt256(number, slot);
                return true;
            case "bool":
                if (!present || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    break;
                }

                Eip712.WriteUInt256(value.GetBoolean() ? 1UL : 0UL, slot);
                return true;
            default:
                throw new InvalidOperationException($"Unsupported EIP-712 field type '{field.SolidityType}'.");
        }

        error = $"Field '{field.Name}' is missing or not a valid {field.SolidityType}.";
        return false;
    }

    private static bool TryGetString(JsonElement obj, string name, out string value)
    {
        value = "";
        if (!obj.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool TryParseChainId(string hex, out ulong chainId)
    {
        chainId = 0;
        return hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && hex.Length is > 2 and <= 18
            && ulong.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out chainId);
    }
}

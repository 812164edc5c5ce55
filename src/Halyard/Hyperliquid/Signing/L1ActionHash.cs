using System.Buffers.Binary;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The L1 action hash ("connectionId", <c>hyperliquid-protocol.md</c> §1.1):
/// <c>keccak256(msgpack(action) ‖ nonce u64 BE ‖ (0x00 | 0x01 ‖ vault) ‖ [0x00 ‖ expiresAfter u64 BE])</c>.
/// </summary>
public static class L1ActionHash
{
    /// <summary>The msgpack bytes of a typed action (written through <see cref="MsgPackActionSink"/>).</summary>
    public static byte[] MsgPack(IL1Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var writer = new MsgPackWriter();
        WriteAction(action, writer);
        return writer.ToArray();
    }

    /// <summary>The connection id of a typed action.</summary>
    public static byte[] Compute(IL1Action action, L1SigningContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var writer = new MsgPackWriter();
        WriteAction(action, writer);
        return Finish(writer, context.Nonce, context.VaultAddress, context.ExpiresAfter);
    }

    /// <summary>
    /// The connection id of a received JSON action, encoded generically in the key order of the JSON
    /// text (what the venue does). Fails (null + reason) on non-integer numbers.
    /// </summary>
    public static byte[]? ComputeFromJson(JsonElement action, long nonce, EthAddress? vault, long? expiresAfter, out string? error)
    {
        var writer = new MsgPackWriter();
        if (!JsonMsgPackEncoder.TryEncode(action, writer, out error))
        {
            return null;
        }

        return Finish(writer, nonce, vault, expiresAfter);
    }

    private static void WriteAction(IL1Action action, MsgPackWriter writer)
    {
        var sink = new MsgPackActionSink(writer);
        action.WriteTo(sink);
        if (!sink.IsComplete)
        {
            throw new InvalidOperationException($"Action '{action.Type}' left an object or array open.");
        }
    }

    private static byte[] Finish(MsgPackWriter writer, long nonce, EthAddress? vault, long? expiresAfter)
    {
        Span<byte> trailer = stackalloc byte[8 + 1 + 20 + 1 + 8];
        BinaryPrimitives.WriteUInt64BigEndian(trailer, checked((ulong)nonce));
        var length = 8;
        if (vault is { } vaultAddress)
        {
            trailer[length++] = 0x01;
            vaultAddress.CopyTo(trailer[length..]);
            length += 20;
        }
        else
        {
            trailer[length++] = 0x00;
        }

        if (expiresAfter is { } expires)
        {
            trailer[length++] = 0x00;
            BinaryPrimitives.WriteUInt64BigEndian(trailer[length..], checked((ulong)expires));
            length += 8;
        }

        writer.WriteRaw(trailer[..length]);
        return Keccak256.Hash(writer.WrittenSpan);
    }
}

/// <summary>What is hashed with an L1 action besides the action itself, and the network letter.</summary>
/// <param name="Nonce">The request nonce (ms timestamp), the same integer sent as <c>"nonce"</c>.</param>
/// <param name="IsMainnet">Phantom agent source "a" (mainnet) or "b" (testnet).</param>
/// <param name="VaultAddress">Vault or sub-account acted for; hashed and sent when set.</param>
/// <param name="ExpiresAfter">Optional ms epoch after which the venue rejects the action.</param>
public sealed record L1SigningContext(long Nonce, bool IsMainnet, EthAddress? VaultAddress = null, long? ExpiresAfter = null)
{
    public long Nonce { get; } = Nonce >= 0 ? Nonce : throw new ArgumentOutOfRangeException(nameof(Nonce));

    public long? ExpiresAfter { get; } = ExpiresAfter is null or >= 0 ? ExpiresAfter : throw new ArgumentOutOfRangeException(nameof(ExpiresAfter));
}

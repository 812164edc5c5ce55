using System.Buffers.Binary;
using System.Text;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The EIP-712 pieces the venue uses: the domain separator and the typed-data digest
/// <c>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash)</c>, and the L1 phantom agent
/// <c>Agent(string source,bytes32 connectionId)</c> under domain "Exchange"/1/1337/0x0.
/// </summary>
public static class Eip712
{
    /// <summary>Chain id of the L1 "Exchange" domain (mainnet and testnet alike).</summary>
    public const long L1ChainId = 1337;

    private static readonly byte[] DomainTypeHash =
        Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"u8);

    private static readonly byte[] AgentTypeHash = Keccak256.Hash("Agent(string source,bytes32 connectionId)"u8);

    private static readonly byte[] MainnetSourceHash = Keccak256.Hash("a"u8);

    private static readonly byte[] TestnetSourceHash = Keccak256.Hash("b"u8);

    private static readonly byte[] ExchangeDomainSeparator = DomainSeparator("Exchange", L1ChainId);

    /// <summary><c>hashStruct(EIP712Domain{name, version "1", chainId, verifyingContract 0x0})</c>.</summary>
    public static byte[] DomainSeparator(string name, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> buffer = stackalloc byte[5 * 32];
        DomainTypeHash.CopyTo(buffer);
        Keccak256.Hash(Encoding.UTF8.GetBytes(name), buffer[32..64]);
        Keccak256.Hash("1"u8, buffer[64..96]);
        WriteUInt256(chainId, buffer[96..128]);
        buffer[128..160].Clear();
        return Keccak256.Hash(buffer);
    }

    public static byte[] DomainSeparator(string name, long chainId) =>
        DomainSeparator(name, checked((ulong)chainId));

    /// <summary>The final digest that is signed.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.CopyTo(buffer[2..34]);
        structHash.CopyTo(buffer[34..66]);
        return Keccak256.Hash(buffer);
    }

    /// <summary>The digest of the phantom agent for an L1 action hash: source "a" (mainnet) or "b" (testnet).</summary>
    public static byte[] L1Digest(ReadOnlySpan<byte> connectionId, bool isMainnet)
    {
        if (connectionId.Length != 32)
        {
            throw new ArgumentException("The connection id is 32 bytes.", nameof(connectionId));
        }

        Span<byte> agent = stackalloc byte[96];
        AgentTypeHash.CopyTo(agent);
        (isMainnet ? MainnetSourceHash : TestnetSourceHash).CopyTo(agent[32..64]);
        connectionId.CopyTo(agent[64..96]);
        Span<byte> structHash = stackalloc byte[32];
        Keccak256.Hash(agent, structHash);
        return Digest(ExchangeDomainSeparator, structHash);
    }

    internal static void WriteUInt256(ulong value, Span<byte> destination)
    {
        destination[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..32], value);
    }

    internal static void WriteAddress(EthAddress address, Span<byte> destination)
    {
        destination[..12].Clear();
        address.CopyTo(destination[12..32]);
    }
}

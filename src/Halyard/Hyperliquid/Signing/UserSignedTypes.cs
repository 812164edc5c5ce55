using System.Collections.Immutable;
using System.Text;

namespace Halyard.Hyperliquid.Signing;

/// <summary>One EIP-712 field of a user-signed type: its name and Solidity type (string, address, uint64, bool).</summary>
public sealed record Eip712Field(string Name, string SolidityType);

/// <summary>A user-signed action's EIP-712 primary type (<c>hyperliquid-protocol.md</c> §1.3).</summary>
public sealed record UserSignedType(string WireType, string PrimaryType, ImmutableArray<Eip712Field> Fields)
{
    /// <summary><c>HyperliquidTransaction:UsdSend(string hyperliquidChain,…)</c>.</summary>
    public string EncodedType { get; } =
        PrimaryType + "(" + string.Join(',', Fields.Select(f => f.SolidityType + " " + f.Name)) + ")";

    public byte[] TypeHash() => Keccak256.Hash(Encoding.UTF8.GetBytes(EncodedType));
}

/// <summary>The table of user-signed types by wire <c>type</c>.</summary>
public static class UserSignedTypes
{
    private static readonly ImmutableDictionary<string, UserSignedType> ByWireType = new[]
    {
        Transfer("usdSend", "UsdSend"),
        Transfer("withdraw3", "Withdraw"),
        new UserSignedType("spotSend", "HyperliquidTransaction:SpotSend",
        [
            new("hyperliquidChain", "string"), new("destination", "string"), new("token", "string"),
            new("amount", "string"), new("time", "uint64"),
        ]),
        new UserSignedType("usdClassTransfer", "HyperliquidTransaction:UsdClassTransfer",
        [
            new("hyperliquidChain", "string"), new("amount", "string"), new("toPerp", "bool"), new("nonce", "uint64"),
        ]),
        new UserSignedType("approveAgent", "HyperliquidTransaction:ApproveAgent",
        [
            new("hyperliquidChain", "string"), new("agentAddress", "address"), new("agentName", "string"), new("nonce", "uint64"),
        ]),
        new UserSignedType("approveBuilderFee", "HyperliquidTransaction:ApproveBuilderFee",
        [
            new("hyperliquidChain", "string"), new("maxFeeRate", "string"), new("builder", "address"), new("nonce", "uint64"),
        ]),
    }.ToImmutableDictionary(t => t.WireType, StringComparer.Ordinal);

    public static IEnumerable<UserSignedType> All => ByWireType.Values;

    public static bool TryGet(string wireType, out UserSignedType type) =>
        ByWireType.TryGetValue(wireType, out type!);

    private static UserSignedType Transfer(string wireType, string name) =>
        new(wireType, "HyperliquidTransaction:" + name,
        [
            new("hyperliquidChain", "string"), new("destination", "string"), new("amount", "string"), new("time", "uint64"),
        ]);
}

using System.Globalization;
using Halyard.Domain.Precision;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// A user-signed action (EIP-712 domain "HyperliquidSignTransaction"): must be signed by the account's own
/// key, never an agent. <see cref="Nonce"/> is its <c>time</c>/<c>nonce</c> field and must equal the request nonce.
/// </summary>
public interface IUserSignedAction : IWireAction
{
    UserSignedChain Chain { get; }

    long Nonce { get; }
}

/// <summary>
/// The network fields every user-signed action carries: <c>hyperliquidChain</c> ("Mainnet"/"Testnet",
/// replay protection) and <c>signatureChainId</c> (the EIP-712 domain chain id as hex; all official SDKs
/// use 0x66eee, Arbitrum Sepolia).
/// </summary>
public sealed record UserSignedChain(bool IsMainnet, ulong SignatureChainId = UserSignedChain.DefaultSignatureChainId)
{
    public const ulong DefaultSignatureChainId = 0x66eee;

    public static UserSignedChain Mainnet { get; } = new(true);

    public static UserSignedChain Testnet { get; } = new(false);

    public string HyperliquidChain => IsMainnet ? "Mainnet" : "Testnet";

    public string SignatureChainIdHex => "0x" + SignatureChainId.ToString("x", CultureInfo.InvariantCulture);

    internal void WriteHeader(IActionSink sink, string type)
    {
        sink.Property("type", type);
        sink.Property("signatureChainId", SignatureChainIdHex);
        sink.Property("hyperliquidChain", HyperliquidChain);
    }
}

/// <summary>Approve an API (agent) wallet for the signing account. A null name is an unnamed agent (key omitted, signed as "").</summary>
public sealed record ApproveAgentAction(UserSignedChain Chain, EthAddress AgentAddress, string? AgentName, long Nonce) : IUserSignedAction
{
    public UserSignedChain Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));

    public long Nonce { get; } = UserSigned.RequireNonce(Nonce);

    public string Type => "approveAgent";

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(AgentName is null ? 5 : 6);
        Chain.WriteHeader(sink, Type);
        sink.Property("agentAddress", AgentAddress.Value);
        if (AgentName is not null)
        {
            sink.Property("agentName", AgentName);
        }

        sink.Property("nonce", Nonce);
        sink.EndObject();
    }
}

/// <summary>Send USDC on Hyperliquid to another address (<c>usdSend</c>).</summary>
public sealed record UsdSendAction(UserSignedChain Chain, EthAddress Destination, string Amount, long Time) : IUserSignedAction
{
    public UserSignedChain Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));

    public string Amount { get; } = WireNumber.Require(Amount, nameof(Amount));

    public long Time { get; } = UserSigned.RequireNonce(Time);

    public long Nonce => Time;

    public string Type => "usdSend";

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        UserSigned.WriteTransfer(sink, this, Destination, Amount);
    }
}

/// <summary>Withdraw USDC to the bridge (<c>withdraw3</c>, EIP-712 type <c>Withdraw</c>).</summary>
public sealed record WithdrawAction(UserSignedChain Chain, EthAddress Destination, string Amount, long Time) : IUserSignedAction
{
    public UserSignedChain Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));

    public string Amount { get; } = WireNumber.Require(Amount, nameof(Amount));

    public long Time { get; } = UserSigned.RequireNonce(Time);

    public long Nonce => Time;

    public string Type => "withdraw3";

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        UserSigned.WriteTransfer(sink, this, Destination, Amount);
    }
}

/// <summary>Move USDC between the spot and perp balances (<c>usdClassTransfer</c>).</summary>
public sealed record UsdClassTransferAction(UserSignedChain Chain, string Amount, bool ToPerp, long Nonce) : IUserSignedAction
{
    public UserSignedChain Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));

    public string Amount { get; } = WireNumber.Require(Amount, nameof(Amount));

    public long Nonce { get; } = UserSigned.RequireNonce(Nonce);

    public string Type => "usdClassTransfer";

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(6);
        Chain.WriteHeader(sink, Type);
        sink.Property("amount", Amount);
        sink.Property("toPerp", ToPerp);
        sink.Property("nonce", Nonce);
        sink.EndObject();
    }
}

/// <summary>Approve a builder's maximum fee rate, e.g. <c>"0.001%"</c> (<c>approveBuilderFee</c>).</summary>
public sealed record ApproveBuilderFeeAction(UserSignedChain Chain, string MaxFeeRate, EthAddress Builder, long Nonce) : IUserSignedAction
{
    public UserSignedChain Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));

    public string MaxFeeRate { get; } = UserSigned.RequirePercent(MaxFeeRate);

    public long Nonce { get; } = UserSigned.RequireNonce(Nonce);

    public string Type => "approveBuilderFee";

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(6);
        Chain.WriteHeader(sink, Type);
        sink.Property("maxFeeRate", MaxFeeRate);
        sink.Property("builder", Builder.Value);
        sink.Property("nonce", Nonce);
        sink.EndObject();
    }
}

internal static class UserSigned
{
    public static long RequireNonce(long nonce) =>
        nonce >= 0 ? nonce : throw new ArgumentOutOfRangeException(nameof(nonce), nonce, "Nonces and times are non-negative.");

    public static string RequirePercent(string rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.EndsWith('%') && WireNumber.IsCanonical(rate[..^1])
            ? rate
            : throw new ArgumentException($"'{rate}' is not a canonical percentage such as \"0.001%\".", nameof(rate));
    }

    public static void WriteTransfer(IActionSink sink, IUserSignedAction action, EthAddress destination, string amount)
    {
        sink.StartObject(6);
        action.Chain.WriteHeader(sink, action.Type);
        sink.Property("destination", destination.Value);
        sink.Property("amount", amount);
        sink.Property("time", action.Nonce);
        sink.EndObject();
    }
}

namespace Halyard.Hyperliquid.Exchange;

/// <summary>How the <see cref="ExchangeClient"/> signs. The base URL lives in <c>HyperliquidHttp</c>.</summary>
public sealed record ExchangeClientOptions
{
    /// <summary>
    /// Mainnet signs L1 actions with phantom-agent source "a" and user-signed actions with
    /// <c>hyperliquidChain:"Mainnet"</c>; testnet uses "b"/"Testnet". A paper exchange at any URL
    /// chooses whichever network it verifies against.
    /// </summary>
    public required bool IsMainnet { get; init; }

    /// <summary>EIP-712 chain id for user-signed actions (all official SDKs use 0x66eee).</summary>
    public ulong SignatureChainId { get; init; } = Actions.UserSignedChain.DefaultSignatureChainId;

    /// <summary>When set, L1 actions carry <c>expiresAfter = nonce + this</c> (hashed and sent). Null: not sent.</summary>
    public TimeSpan? ExpiresAfter { get; init; }
}

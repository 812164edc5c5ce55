using Halyard.Domain;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Who signs and for whom: the signer key (the account's own key, or an approved API "agent" wallet),
/// the master account address that is traded and queried, and an optional vault/sub-account address
/// (hashed and sent as <c>vaultAddress</c>). Prints only addresses.
/// </summary>
public sealed record SigningIdentity
{
    private SigningIdentity(PrivateKey signer, EthAddress account, EthAddress? vault)
    {
        Signer = signer;
        Account = account;
        VaultAddress = vault;
    }

    public PrivateKey Signer { get; }

    /// <summary>The master account the orders belong to (use it for /info queries).</summary>
    public EthAddress Account { get; }

    public EthAddress? VaultAddress { get; }

    /// <summary>True when the signer is an agent wallet rather than the account's own key.</summary>
    public bool IsAgent => Signer.Address != Account;

    /// <summary>The account signs for itself.</summary>
    public static SigningIdentity ForAccount(PrivateKey key, EthAddress? vault = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SigningIdentity(key, key.Address, vault);
    }

    /// <summary>An approved agent wallet signs for <paramref name="account"/> (and optionally a vault).</summary>
    public static SigningIdentity ForAgent(PrivateKey agentKey, EthAddress account, EthAddress? vault = null)
    {
        ArgumentNullException.ThrowIfNull(agentKey);
        return new SigningIdentity(agentKey, account, vault);
    }
}

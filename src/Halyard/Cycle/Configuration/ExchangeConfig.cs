namespace Halyard.Cycle.Configuration;

/// <summary>Where orders go.</summary>
public enum ExchangeProvider
{
    /// <summary>Halyard's own paper exchange (in-process, or a standalone one via <c>base_url</c>).</summary>
    Paper,
    Testnet,
    Mainnet,
}

/// <summary>Where market data comes from: the venue's own data only.</summary>
public enum MarketProvider
{
    Hyperliquid,
}

/// <summary><c>exchange</c>: the venue, the addresses and where the signing key is found.</summary>
public sealed record ExchangeConfig
{
    public ExchangeProvider Provider { get; init; } = ExchangeProvider.Paper;

    /// <summary>Overrides the provider's URL (for paper: a standalone <c>halyard paper-exchange</c>).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The master account queried for balances and positions (0x + 40 hex).</summary>
    public string? AccountAddress { get; init; }

    /// <summary>A vault or subaccount traded on behalf of (0x + 40 hex).</summary>
    public string? VaultAddress { get; init; }

    /// <summary>Where the signing (agent) key is found; null only for paper (a throwaway key per run).</summary>
    public SignerConfig? Signer { get; init; }

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(Enum.IsDefined(Provider), "provider", Provider, "paper | testnet | mainnet");
        p.Require(Provider == ExchangeProvider.Paper || Signer is not null, "signer", null, "a signer (key_env or key_file) for testnet and mainnet");
        p.Require(Signer is null || (Signer.KeyEnv is null) != (Signer.KeyFile is null), "signer", Signer?.KeyEnv ?? Signer?.KeyFile, "exactly one of key_env and key_file");
        p.Require(BaseUrl is null || BaseUrl.IsAbsoluteUri, "base_url", BaseUrl, "an absolute URL");
        return p.ToList();
    }
}

/// <summary><c>exchange.signer</c>: exactly one of an environment-variable name or a key file path.</summary>
public sealed record SignerConfig
{
    public string? KeyEnv { get; init; }

    public string? KeyFile { get; init; }
}

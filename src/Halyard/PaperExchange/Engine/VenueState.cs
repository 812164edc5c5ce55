using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// Everything the paper venue knows: accounts, agents, every order by oid, counters, and how far the
/// market has been processed. One instance per engine (never static): two engines never share state.
/// </summary>
internal sealed class VenueState
{
    /// <summary>Oids and tids start above 2³² so clients must carry them as 64-bit integers, as on mainnet.</summary>
    private const long FirstOid = 100_000_000_000;
    private const long FirstTid = 500_000_000_000_000;

    private long _nextOid = FirstOid;
    private long _nextTid = FirstTid;

    public VenueState(MarketView market, PaperExchangeOptions options, long startMs)
    {
        Market = market;
        Options = options;
        StartMs = startMs;
        ProcessedUntilMs = startMs;
        foreach (var funded in options.Accounts)
        {
            Fund(funded.Address, funded.Usdc);
        }
    }

    public MarketView Market { get; }

    public PaperExchangeOptions Options { get; }

    public long StartMs { get; }

    /// <summary>Virtual time up to which triggers, resting fills, funding and liquidations have been processed.</summary>
    public long ProcessedUntilMs { get; set; }

    /// <summary>
    /// Moves on every change the accounts may have seen: each request's processing (<see cref="BeginChange"/>, before
    /// and after), each deposit, each market event the stepper fires (a trigger, a resting fill, a liquidation, a
    /// scheduled cancel, a funding settlement). A figure computed from the accounts at one time and version is still
    /// the figure while both are the same (<see cref="MarginCalculator.SummaryAt"/>).
    /// </summary>
    public long Version { get; private set; }

    /// <summary>True while a request changes the accounts (between <see cref="BeginChange"/> and <see cref="EndChange"/>): nothing kept is used then.</summary>
    public bool Changing { get; private set; }

    /// <summary>Something may have changed the accounts (see <see cref="Version"/>).</summary>
    public void Changed() => Version++;

    /// <summary>A request's processing starts: until <see cref="EndChange"/> the accounts change at any step.</summary>
    public void BeginChange()
    {
        Version++;
        Changing = true;
    }

    public void EndChange()
    {
        Changing = false;
        Version++;
    }

    public Dictionary<string, Account> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Approved agent address → master account address.</summary>
    public Dictionary<string, string> AgentOwner { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, OrderState> Orders { get; } = [];

    public NonceRegistry Nonces { get; } = new();

    /// <summary>Order status changes waiting to be pushed on <c>/ws</c> (recorded only while a socket listens).</summary>
    public VenueChanges Changes { get; } = new();

    /// <summary>Adds USDC to an account, creating it when new.</summary>
    public Account Fund(string address, decimal usdc)
    {
        var key = address.ToLowerInvariant();
        if (!Accounts.TryGetValue(key, out var account))
        {
            account = new Account(key, 0m);
            Accounts[key] = account;
        }

        account.Cash += usdc;
        Changed();
        return account;
    }

    public long NextOid() => _nextOid++;

    public long NextTid() => _nextTid++;

    public LeverageSetting LeverageOf(Account account, int asset)
    {
        if (account.Leverage.TryGetValue(asset, out var setting))
        {
            return setting;
        }

        var rules = Market.Asset(asset);
        return new LeverageSetting(!rules.OnlyIsolated, Math.Min(Options.Margin.DefaultLeverage, rules.MaxLeverage));
    }

    /// <summary>A deterministic 32-byte transaction-like hash for fills and funding records.</summary>
    public static string Hash(string kind, long id)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(kind + ":" + id.ToString(CultureInfo.InvariantCulture)), digest);
        return "0x" + Convert.ToHexStringLower(digest);
    }
}

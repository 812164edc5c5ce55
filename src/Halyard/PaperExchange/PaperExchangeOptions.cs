using System.Globalization;
using Halyard.Domain;
using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange;

/// <summary>
/// Everything configurable about the paper exchange. YAML section <c>paper_exchange</c>; the keys are
/// given on each property and in <c>docs/paper-exchange.md</c>. Defaults model the real venue.
/// </summary>
public sealed record PaperExchangeOptions
{
    /// <summary><c>network: mainnet | testnet</c> — the L1 signature source letter ("a"/"b") and <c>hyperliquidChain</c> expected.</summary>
    public bool IsMainnet { get; init; } = true;

    /// <summary><c>accounts: [{ address, usdc }]</c> (or <c>--fund 0xADDRESS:USDC</c>): funded master accounts.</summary>
    public IReadOnlyList<FundedAccount> Accounts { get; init; } = [];

    /// <summary><c>fees</c>.</summary>
    public FeeOptions Fees { get; init; } = new();

    /// <summary><c>book</c>: the synthetic order book.</summary>
    public BookOptions Book { get; init; } = new();

    /// <summary><c>margin</c>.</summary>
    public MarginOptions Margin { get; init; } = new();

    /// <summary><c>faults</c>.</summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary><c>price_interval</c>: the candle interval whose intra-candle path drives the mark (coarser bundled intervals fill gaps).</summary>
    public string PriceInterval { get; init; } = "5m";

    /// <summary><c>schedule_cancel_min_volume_usd</c>: traded volume required before <c>scheduleCancel</c> is accepted (venue: $1,000,000).</summary>
    public decimal ScheduleCancelMinVolumeUsd { get; init; } = 1_000_000m;

    /// <summary><c>address_rate_limit</c>: enforce the per-address request budget (10 000 + 1 per USDC traded).</summary>
    public bool AddressRateLimit { get; init; } = true;

    /// <summary>
    /// <c>ip_weight_per_minute</c>: the venue's per-IP budget of request weight in a rolling minute (1,200; the
    /// hosting is loopback-only, so every client is one IP); beyond it requests answer HTTP 429. 0 = not enforced.
    /// </summary>
    public int IpWeightPerMinute { get; init; } = 1_200;

    /// <summary><c>audit_log</c>: JSON-lines file receiving one line per <c>/exchange</c> request; null = no file.</summary>
    public string? AuditLogPath { get; init; }

    /// <summary><c>data_dir</c>: a directory laid out like <c>data/</c>; null = the embedded data.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Problems with the options, each naming the YAML key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!CandleIntervalNames.TryGetMilliseconds(PriceInterval, out _))
        {
            errors.Add($"paper_exchange.price_interval: '{PriceInterval}' is not a candle interval (1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, ...).");
        }

        if (IpWeightPerMinute < 0)
        {
            errors.Add("paper_exchange.ip_weight_per_minute: must be >= 0 (0 = not enforced).");
        }

        if (ScheduleCancelMinVolumeUsd < 0)
        {
            errors.Add("paper_exchange.schedule_cancel_min_volume_usd: must be >= 0.");
        }

        foreach (var account in Accounts)
        {
            if (!FundedAccount.IsAddress(account.Address) || account.Usdc < 0)
            {
                errors.Add($"paper_exchange.accounts: '{account.Address}:{account.Usdc.ToString(CultureInfo.InvariantCulture)}' needs a 0x + 40 hex address and a non-negative USDC amount.");
            }
        }

        errors.AddRange(Fees.Validate());
        errors.AddRange(Book.Validate());
        errors.AddRange(Margin.Validate());
        errors.AddRange(Faults.Validate());
        return errors;
    }
}

/// <summary>A funded master account: <c>{ address, usdc }</c>, or <c>0xADDRESS:USDC</c> on the command line.</summary>
public sealed record FundedAccount(string Address, decimal Usdc)
{
    public static bool TryParse(string? text, out FundedAccount? account)
    {
        account = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            return false;
        }

        var address = text[..colon];
        if (!IsAddress(address)
            || !decimal.TryParse(text[(colon + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usdc))
        {
            return false;
        }

        account = new FundedAccount(address.ToLowerInvariant(), usdc);
        return true;
    }

    public static bool IsAddress(string? text)
    {
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>fees: { taker_bps, maker_bps }</c> — basis points of notional, charged in USDC on each fill (a negative maker fee is a rebate).</summary>
public sealed record FeeOptions(decimal TakerBps = VenueFees.TakerBps, decimal MakerBps = VenueFees.MakerBps)
{
    public IEnumerable<string> Validate()
    {
        if (TakerBps is < 0 or > 100 || MakerBps is < -10 or > 100)
        {
            yield return "paper_exchange.fees: taker_bps must be in 0..100 and maker_bps in -10..100.";
        }
    }
}

/// <summary>
/// <c>book: { levels, level_notional_usd, level_share_of_day_volume, min_level_notional_usd, spread_bps, level_step_bps }</c> —
/// the synthetic book around the mid: <c>levels</c> per side, best bid/ask <c>spread_bps/2</c> from the mid (at least one
/// tick), levels <c>level_step_bps</c> apart (at least one tick). Each level holds <c>level_notional_usd</c> when set;
/// by default its depth follows the recorded volume: <c>level_share_of_day_volume</c> × the asset's notional volume of
/// the last 24 h, at least <c>min_level_notional_usd</c> (calibration in <c>docs/paper-exchange.md</c>).
/// </summary>
public sealed record BookOptions(
    int Levels = 20,
    decimal? LevelNotionalUsd = null,
    decimal SpreadBps = 1m,
    decimal LevelStepBps = 1m,
    decimal LevelShareOfDayVolume = 0.0002m,
    decimal MinLevelNotionalUsd = 1_000m)
{
    public IEnumerable<string> Validate()
    {
        if (Levels is < 1 or > 100)
        {
            yield return "paper_exchange.book.levels: must be 1..100.";
        }

        if (LevelNotionalUsd <= 0 || SpreadBps < 0 || LevelStepBps < 0)
        {
            yield return "paper_exchange.book: level_notional_usd must be > 0, spread_bps and level_step_bps >= 0.";
        }

        if (LevelShareOfDayVolume <= 0 || MinLevelNotionalUsd <= 0)
        {
            yield return "paper_exchange.book: level_share_of_day_volume and min_level_notional_usd must be > 0.";
        }
    }

    /// <summary>The notional of one level given the asset's notional volume of the last 24 hours.</summary>
    public decimal LevelNotional(decimal dayNotionalVolume) =>
        LevelNotionalUsd ?? Math.Max(MinLevelNotionalUsd, dayNotionalVolume * LevelShareOfDayVolume);
}

/// <summary>
/// <c>margin: { default_leverage, maintenance_fraction }</c>. New positions use cross margin at
/// min(default_leverage, the asset's maximum). Maintenance margin = notional × maintenance_fraction / maxLeverage
/// (venue: half of the initial margin at maximum leverage).
/// </summary>
public sealed record MarginOptions(int DefaultLeverage = 20, decimal MaintenanceFraction = 0.5m)
{
    public IEnumerable<string> Validate()
    {
        if (DefaultLeverage < 1)
        {
            yield return "paper_exchange.margin.default_leverage: must be >= 1.";
        }

        if (MaintenanceFraction is <= 0 or > 1)
        {
            yield return "paper_exchange.margin.maintenance_fraction: must be in (0, 1].";
        }
    }
}

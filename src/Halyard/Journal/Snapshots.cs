using Halyard.Domain;
using Halyard.MarketData;

namespace Halyard.Journal;

/// <summary>The account at the start of the cycle (positions are in <see cref="DecisionCycleRecord.PositionsSnapshot"/>).</summary>
public sealed record AccountRecord(
    decimal AccountValue,
    decimal TotalMarginUsed,
    decimal TotalNotionalPosition,
    decimal Withdrawable,
    DateTimeOffset Time)
{
    public static AccountRecord From(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.AccountValue, account.TotalMarginUsed, account.TotalNotionalPosition, account.Withdrawable, account.Time);
    }
}

/// <summary>One open position at the start of the cycle. <see cref="Size"/> is signed: positive long, negative short.</summary>
public sealed record PositionRecord(
    string Coin,
    decimal Size,
    decimal EntryPrice,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal MarginUsed,
    int Leverage,
    bool IsCross,
    decimal? LiquidationPrice)
{
    public static PositionRecord From(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new(
            position.Coin,
            position.Size,
            position.EntryPrice,
            position.PositionValue,
            position.UnrealizedPnl,
            position.MarginUsed,
            position.Leverage,
            position.IsCross,
            position.LiquidationPrice);
    }

    public static IReadOnlyList<PositionRecord> From(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return [.. account.Positions.Where(p => p.Size != 0).Select(From)];
    }
}

/// <summary>The few market fields journaled per candidate coin (the full indicator series are not kept).</summary>
/// <param name="Funding">Hourly funding rate.</param>
/// <param name="OpenInterest">Open interest in coins.</param>
public sealed record MarketDigestEntry(
    string Coin,
    decimal Price,
    decimal? Change1hPct,
    decimal? Change4hPct,
    decimal Funding,
    decimal OpenInterest)
{
    public static MarketDigestEntry From(MarketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Coin, snapshot.Price, snapshot.Change1hPct, snapshot.Change4hPct, snapshot.Funding, snapshot.OpenInterest);
    }
}

namespace Halyard.PaperExchange.Engine;

/// <summary>One position valued at a mark.</summary>
internal readonly record struct PositionMetrics(
    PositionState Position,
    decimal Mark,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal MarginUsed,
    decimal MaintenanceMargin,
    LeverageSetting Leverage,
    int MaxLeverage);

/// <summary>An account valued at one time, with the venue's <c>clearinghouseState</c> figures.</summary>
internal sealed record AccountSummary(
    decimal AccountValue,
    decimal CrossAccountValue,
    decimal TotalMarginUsed,
    decimal CrossMarginUsed,
    decimal TotalNtlPos,
    decimal CrossNtlPos,
    decimal TotalRawUsd,
    decimal CrossRawUsd,
    decimal CrossMaintenanceMarginUsed,
    decimal Withdrawable,
    decimal OpenOrderMargin,
    IReadOnlyList<PositionMetrics> Positions)
{
    /// <summary>Free cross collateral for new orders: cross value − cross margin − margin held by resting orders.</summary>
    public decimal AvailableToTrade => CrossAccountValue - CrossMarginUsed - OpenOrderMargin;
}

/// <summary>
/// Margin arithmetic (documented in <c>docs/paper-exchange.md</c>): initial margin = notional / leverage;
/// maintenance = notional × maintenance_fraction / maxLeverage; account value = cash + Σ unrealized PnL;
/// isolated margin is an earmark of cash; withdrawable excludes cross margin and unrealized profit.
/// </summary>
internal sealed class MarginCalculator(VenueState state)
{
    /// <summary>Each account's last summary from <see cref="SummaryAt"/>, with its time and the state's version then.</summary>
    private readonly Dictionary<Account, (long TimeMs, long Version, AccountSummary Summary)> _kept = new(ReferenceEqualityComparer.Instance);

    public decimal MaintenanceFraction => state.Options.Margin.MaintenanceFraction;

    /// <summary>
    /// <see cref="Summarize"/> of an account of the venue, the last one reused while the time and the state's
    /// <see cref="VenueState.Version"/> are the same (on recorded candles a summary depends on the accounts and the
    /// time alone): the push of <c>clearinghouseState</c>, the reads, the maintenance check and the liquidation estimate
    /// at one instant compute it once. Computed afresh with live prices and while a request changes the accounts.
    /// </summary>
    public AccountSummary SummaryAt(Account account, long timeMs)
    {
        if (state.Market.IsLive || state.Changing)
        {
            return Summarize(account, timeMs);
        }

        if (_kept.TryGetValue(account, out var kept) && kept.TimeMs == timeMs && kept.Version == state.Version)
        {
            return kept.Summary;
        }

        var summary = Summarize(account, timeMs);
        _kept[account] = (timeMs, state.Version, summary);
        return summary;
    }

    public decimal MarkOf(PositionState position, long timeMs) =>
        state.Market.Mark(position.Asset, timeMs) ?? position.EntryPx;

    public AccountSummary Summarize(Account account, long timeMs)
    {
        var positions = new List<PositionMetrics>(account.Positions.Count);
        decimal upnlAll = 0, upnlCross = 0, isolatedMargin = 0, crossMargin = 0, isolatedUsed = 0;
        decimal ntlAll = 0, ntlCross = 0, signedAll = 0, signedCross = 0, maintenanceCross = 0;
        foreach (var position in account.Positions.Values)
        {
            if (position.Szi == 0)
            {
                continue;
            }

            var metrics = Value(account, position, timeMs);
            positions.Add(metrics);
            upnlAll += metrics.UnrealizedPnl;
            ntlAll += metrics.PositionValue;
            signedAll += position.Szi * metrics.Mark;
            if (metrics.Leverage.IsCross)
            {
                upnlCross += metrics.UnrealizedPnl;
                crossMargin += metrics.MarginUsed;
                ntlCross += metrics.PositionValue;
                signedCross += position.Szi * metrics.Mark;
                maintenanceCross += metrics.MaintenanceMargin;
            }
            else
            {
                isolatedMargin += position.IsolatedMargin;
                isolatedUsed += metrics.MarginUsed;
            }
        }

        positions.Sort(static (a, b) => a.Position.Asset.CompareTo(b.Position.Asset));
        var accountValue = account.Cash + upnlAll;
        var crossValue = account.Cash - isolatedMargin + upnlCross;
        var withdrawable = Math.Max(0m, crossValue - crossMargin - Math.Max(0m, upnlCross));
        return new AccountSummary(
            accountValue,
            crossValue,
            crossMargin + isolatedUsed,
            crossMargin,
            ntlAll,
            ntlCross,
            accountValue - signedAll,
            crossValue - signedCross,
            maintenanceCross,
            withdrawable,
            OpenOrderMargin(account),
            positions);
    }

    public PositionMetrics Value(Account account, PositionState position, long timeMs)
    {
        var mark = MarkOf(position, timeMs);
        var leverage = state.LeverageOf(account, position.Asset);
        var maxLeverage = state.Market.Asset(position.Asset).MaxLeverage;
        var notional = Math.Abs(position.Szi) * mark;
        var upnl = position.Szi * (mark - position.EntryPx);
        var used = leverage.IsCross ? notional / leverage.Value : position.IsolatedMargin + upnl;
        var maintenance = notional * MaintenanceFraction / maxLeverage;
        return new PositionMetrics(position, mark, notional, upnl, used, maintenance, leverage, maxLeverage);
    }

    /// <summary>
    /// The mark at which the position reaches maintenance margin, other positions held at their marks;
    /// null when no positive price does.
    /// </summary>
    public decimal? LiquidationPrice(Account account, PositionMetrics metrics, AccountSummary summary)
    {
        var position = metrics.Position;
        var szi = position.Szi;
        var slope = szi - (Math.Abs(szi) * MaintenanceFraction / metrics.MaxLeverage);
        if (slope == 0)
        {
            return null;
        }

        decimal price;
        if (metrics.Leverage.IsCross)
        {
            var othersMaintenance = summary.CrossMaintenanceMarginUsed - metrics.MaintenanceMargin;
            price = (othersMaintenance - summary.CrossAccountValue + (szi * metrics.Mark)) / slope;
        }
        else
        {
            price = ((szi * position.EntryPx) - position.IsolatedMargin) / slope;
        }

        return price > 0 ? price : null;
    }

    /// <summary>Margin held by resting, non-reduce-only limit orders (remaining size × limit price / leverage).</summary>
    public decimal OpenOrderMargin(Account account)
    {
        var total = 0m;
        foreach (var order in account.OpenOrders)
        {
            if (order.IsResting && !order.ReduceOnly)
            {
                total += order.Sz * order.LimitPx / state.LeverageOf(account, order.Asset).Value;
            }
        }

        return total;
    }

    /// <summary>The part of an order of <paramref name="size"/> that would increase the position (the rest reduces it).</summary>
    public static decimal IncreasingPart(decimal szi, bool isBuy, decimal size)
    {
        var reducing = (isBuy && szi < 0) || (!isBuy && szi > 0) ? Math.Min(size, Math.Abs(szi)) : 0m;
        return size - reducing;
    }
}

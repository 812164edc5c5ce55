namespace Halyard.PaperExchange.Engine;

/// <summary>
/// Advances the venue through virtual time. Time is cut at every path grid point (a quarter of the price
/// interval), every top of the hour and every scheduled cancel, so each asset's mark is linear inside a
/// segment; inside it, the earliest crossing of any trigger, resting limit or liquidation price fires
/// first, at the exact millisecond the mark reaches it. At grid points every account is checked against
/// maintenance margin; at the top of the hour funding is settled; scheduled cancels fire on time.
/// </summary>
internal sealed class MarketStepper(VenueState state, Matching matching, Bookkeeper bookkeeper, MarginCalculator margin)
{
    private const int MaxEventsPerSegment = 100_000;
    private const long MarketViewHour = Market.MarketView.HourMs;

    private long _skipLiquidationUntil = long.MinValue;

    /// <summary>Processes everything that happens in (processed, <paramref name="nowMs"/>].</summary>
    public void AdvanceTo(long nowMs)
    {
        while (state.ProcessedUntilMs < nowMs)
        {
            var from = state.ProcessedUntilMs;
            if (!HasActivity())
            {
                state.ProcessedUntilMs = nowMs;
                return;
            }

            var to = NextBoundary(from, nowMs);
            ProcessEvents(from, to);
            OnBoundary(to);
            state.ProcessedUntilMs = to;
        }
    }

    /// <summary>Fires whatever is already crossed at <paramref name="nowMs"/> (after a request changed the books).</summary>
    public void ProcessInstant(long nowMs) => ProcessEvents(nowMs, nowMs);

    private bool HasActivity()
    {
        foreach (var account in state.Accounts.Values)
        {
            if (account.OpenOrders.Count > 0 || account.ScheduledCancelAt is not null)
            {
                return true;
            }

            foreach (var position in account.Positions.Values)
            {
                if (position.Szi != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private long NextBoundary(long from, long nowMs)
    {
        var grid = state.Market.GridMs;
        var next = Math.Min(nowMs, ((from / grid) + 1) * grid);
        next = Math.Min(next, ((from / MarketViewHour) + 1) * MarketViewHour);
        foreach (var account in state.Accounts.Values)
        {
            if (account.ScheduledCancelAt is { } at && at > from && at < next)
            {
                next = at;
            }
        }

        return next;
    }

    private void OnBoundary(long timeMs)
    {
        foreach (var account in state.Accounts.Values)
        {
            if (account.ScheduledCancelAt is { } at && at <= timeMs)
            {
                account.ScheduledCancelAt = null;
                foreach (var order in account.OpenOrders.ToArray())
                {
                    matching.Close(account, order, OrderStatusNames.ScheduledCancel, at);
                }
            }
        }

        if (timeMs % MarketViewHour == 0)
        {
            SettleFunding(timeMs);
        }

        if (timeMs % state.Market.GridMs == 0)
        {
            foreach (var account in state.Accounts.Values)
            {
                LiquidateIfBelowMaintenance(account, timeMs);
            }
        }
    }

    private void SettleFunding(long hourMs)
    {
        foreach (var account in state.Accounts.Values)
        {
            foreach (var position in account.Positions.Values)
            {
                if (position.Szi == 0 || state.Market.FundingForHour(position.Asset, hourMs) is not { } rate)
                {
                    continue;
                }

                bookkeeper.ApplyFunding(account, position, rate, margin.MarkOf(position, hourMs), hourMs);
            }
        }
    }

    /// <summary>Liquidates isolated positions under their maintenance margin and, when cross value is under cross maintenance, every cross position.</summary>
    private bool LiquidateIfBelowMaintenance(Account account, long timeMs)
    {
        if (account.Positions.Count == 0)
        {
            return false;
        }

        var summary = margin.Summarize(account, timeMs);
        var assets = new List<int>();
        foreach (var metrics in summary.Positions)
        {
            if (!metrics.Leverage.IsCross && metrics.Position.IsolatedMargin + metrics.UnrealizedPnl < metrics.MaintenanceMargin)
            {
                assets.Add(metrics.Position.Asset);
            }
        }

        if (summary.CrossNtlPos > 0 && summary.CrossAccountValue < summary.CrossMaintenanceMarginUsed)
        {
            foreach (var metrics in summary.Positions)
            {
                if (metrics.Leverage.IsCross)
                {
                    assets.Add(metrics.Position.Asset);
                }
            }
        }

        if (assets.Count == 0)
        {
            return false;
        }

        matching.Liquidate(account, assets, timeMs);
        return true;
    }

    private void ProcessEvents(long from, long to)
    {
        var time = from;
        for (var i = 0; i < MaxEventsPerSegment; i++)
        {
            var next = FindEarliest(time, to);
            if (next.Kind == EventKind.None)
            {
                return;
            }

            time = next.TimeMs;
            switch (next.Kind)
            {
                case EventKind.Trigger:
                    matching.FireTrigger(next.Account!, next.Order!, next.Mark, time);
                    break;
                case EventKind.Resting:
                    matching.FillResting(next.Account!, next.Order!, time);
                    break;
                case EventKind.Liquidation:
                    if (!LiquidateIfBelowMaintenance(next.Account!, time))
                    {
                        // The estimate assumed the other marks constant; re-check at the segment end.
                        _skipLiquidationUntil = to;
                    }

                    break;
            }
        }

        throw new InvalidOperationException("The market stepper did not converge: an event fired without changing state.");
    }

    private PendingEvent FindEarliest(long from, long to)
    {
        var best = default(PendingEvent);
        foreach (var account in state.Accounts.Values)
        {
            foreach (var order in account.OpenOrders)
            {
                if (!order.Active)
                {
                    continue;
                }

                if (order.IsTrigger)
                {
                    Consider(ref best, EventKind.Trigger, account, order, order.TriggerPx, order.TriggersAbove, from, to);
                }
                else if (order.IsResting)
                {
                    Consider(ref best, EventKind.Resting, account, order, order.LimitPx, !order.IsBuy, from, to);
                }
            }

            if (account.Positions.Count > 0 && _skipLiquidationUntil < to)
            {
                ConsiderLiquidation(ref best, account, from, to);
            }
        }

        return best;
    }

    private void ConsiderLiquidation(ref PendingEvent best, Account account, long from, long to)
    {
        var summary = margin.Summarize(account, from);
        foreach (var metrics in summary.Positions)
        {
            if (margin.LiquidationPrice(account, metrics, summary) is { } price)
            {
                Consider(ref best, EventKind.Liquidation, account, null, metrics.Position.Asset, price, metrics.Position.Szi < 0, from, to);
            }
        }
    }

    private void Consider(ref PendingEvent best, EventKind kind, Account account, OrderState order, decimal level, bool above, long from, long to) =>
        Consider(ref best, kind, account, order, order.Asset, level, above, from, to);

    private void Consider(ref PendingEvent best, EventKind kind, Account account, OrderState? order, int asset, decimal level, bool above, long from, long to)
    {
        if (state.Market.Mark(asset, from) is not { } start || state.Market.Mark(asset, to) is not { } end)
        {
            return;
        }

        var time = CrossingTime(start, end, from, to, level, above);
        if (time is null)
        {
            return;
        }

        // Already beyond the level when the segment starts (e.g. a stop placed through the market): act at the current mark.
        var mark = time == from && start != level ? start : level;

        var better = best.Kind == EventKind.None
            || time < best.TimeMs
            || (time == best.TimeMs && kind < best.Kind)
            || (time == best.TimeMs && kind == best.Kind && order is not null && best.Order is not null && order.Oid < best.Order.Oid);
        if (better)
        {
            best = new PendingEvent(kind, time.Value, account, order, mark);
        }
    }

    /// <summary>The first millisecond in [from, to] at which a mark moving linearly from start to end is at or beyond <paramref name="level"/>.</summary>
    internal static long? CrossingTime(decimal start, decimal end, long from, long to, decimal level, bool above)
    {
        if (above ? start >= level : start <= level)
        {
            return from;
        }

        if (above ? end < level : end > level)
        {
            return null;
        }

        var span = to - from;
        var fraction = (level - start) / (end - start);
        var offset = Math.Clamp((long)decimal.Ceiling(fraction * span), 0, span);

        // The division above carries decimal rounding; settle the estimate against the path itself so the
        // answer is exactly the first millisecond at or beyond the level (at most a step or two).
        bool Beyond(long o)
        {
            var mark = start + ((end - start) * o / span);
            return above ? mark >= level : mark <= level;
        }

        while (offset > 0 && Beyond(offset - 1))
        {
            offset--;
        }

        while (offset < span && !Beyond(offset))
        {
            offset++;
        }

        return from + offset;
    }

    private enum EventKind
    {
        None,
        Liquidation,
        Trigger,
        Resting,
    }

    private readonly record struct PendingEvent(EventKind Kind, long TimeMs, Account? Account, OrderState? Order, decimal Mark);
}

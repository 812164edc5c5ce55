namespace Halyard.PaperExchange.Engine;

/// <summary>
/// Advances the venue through virtual time. Time is cut at every path grid point (a quarter of the price
/// interval), every top of the hour, every scheduled cancel and every liquidation cooldown's end, so each asset's
/// 3 s mark steps lie on one line inside a segment (a gap can only come at its end); inside it, the earliest step at
/// which the mark is at or through any trigger, resting limit or liquidation price fires first. At grid points
/// every account is checked against maintenance margin; at the top of the hour funding is settled; scheduled
/// cancels fire on time.
/// </summary>
internal sealed class MarketStepper(VenueState state, Matching matching, Bookkeeper bookkeeper, MarginCalculator margin)
{
    private readonly RestingFills _resting = new(state, matching);

    private const int MaxEventsPerSegment = 100_000;
    private const long MarketViewHour = Market.MarketView.HourMs;

    private long _skipLiquidationUntil = long.MinValue;

    /// <summary>
    /// The summaries the maintenance check at the last boundary computed (of accounts above maintenance), at
    /// <see cref="_keptAtMs"/>: the liquidation estimate of the segment starting there reuses them. Dropped when
    /// anything fires and whenever a public method is entered (a request may have changed the accounts in between).
    /// </summary>
    private readonly Dictionary<Account, AccountSummary> _kept = [];
    private long _keptAtMs = long.MinValue;

    /// <summary>Processes everything that happens in (processed, <paramref name="nowMs"/>].</summary>
    public void AdvanceTo(long nowMs)
    {
        _kept.Clear();
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

    /// <summary>
    /// For a driver that steps time from event to event (the replay with WebSocket pushes): processes the quiet
    /// segments up to the next event in (processed, <paramref name="limitMs"/>] and returns that event's time
    /// without firing it (the driver moves its clock there and synchronizes, which fires it at its exact
    /// millisecond); a boundary that changed the books (a scheduled cancel, a liquidation) is processed and its
    /// time returned. Null when nothing happens until the limit (processed up to it). The time returned is
    /// always after the processed time, so a driver always makes progress.
    /// </summary>
    public long? AdvanceToNextEvent(long limitMs)
    {
        _kept.Clear();
        while (state.ProcessedUntilMs < limitMs)
        {
            var from = state.ProcessedUntilMs;
            if (!HasActivity())
            {
                state.ProcessedUntilMs = limitMs;
                return null;
            }

            var to = NextBoundary(from, limitMs);
            var next = FindEarliest(from, to);
            if (next.Kind is EventKind.Trigger or EventKind.Resting)
            {
                return Math.Max(next.TimeMs, from + 1);
            }

            if (next.Kind == EventKind.Liquidation)
            {
                // An estimate (it assumes the other marks constant): the normal advance over the whole segment settles it at its time.
                return to;
            }

            var changed = OnBoundary(to);
            state.ProcessedUntilMs = to;
            if (changed)
            {
                return to;
            }
        }

        return null;
    }

    /// <summary>Fires whatever is already crossed at <paramref name="nowMs"/> (after a request changed the books).</summary>
    public void ProcessInstant(long nowMs)
    {
        _kept.Clear();
        ProcessEvents(nowMs, nowMs);
    }

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

            if (account.LiquidationCooldownUntilMs > from && account.LiquidationCooldownUntilMs < next)
            {
                next = account.LiquidationCooldownUntilMs;
            }
        }

        return next;
    }

    /// <summary>Scheduled cancels, funding and the maintenance check at a segment's end; true when orders or positions changed.</summary>
    private bool OnBoundary(long timeMs)
    {
        var changed = false;
        foreach (var account in state.Accounts.Values)
        {
            if (account.ScheduledCancelAt is { } at && at <= timeMs)
            {
                account.ScheduledCancelAt = null;
                foreach (var order in account.OpenOrders.ToArray())
                {
                    matching.Close(account, order, OrderStatusNames.ScheduledCancel, at);
                    changed = true;
                }

                state.Changed();
            }
        }

        if (timeMs % MarketViewHour == 0)
        {
            SettleFunding(timeMs);
            state.Changed();
        }

        _kept.Clear();
        _keptAtMs = timeMs;
        foreach (var account in state.Accounts.Values)
        {
            if (timeMs % state.Market.GridMs == 0 || timeMs == account.LiquidationCooldownUntilMs)
            {
                changed |= LiquidateIfBelowMaintenance(account, timeMs, keep: true);
            }
        }

        if (changed)
        {
            _kept.Clear();
        }

        return changed;
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

    /// <summary>Backstop liquidation takes over when equity is under this share of the maintenance margin (the venue's 2/3).</summary>
    private const decimal BackstopShare = 2m / 3m;

    /// <summary>
    /// Liquidates what is under maintenance margin: each isolated position on its own, the cross positions together.
    /// Under 2/3 of maintenance the backstop takes the group; otherwise it goes through the book (20 % at a time for
    /// large positions, with a cooldown). Returns true when something was liquidated.
    /// </summary>
    private bool LiquidateIfBelowMaintenance(Account account, long timeMs, bool keep = false)
    {
        if (account.Positions.Count == 0)
        {
            return false;
        }

        var summary = margin.SummaryAt(account, timeMs);
        var acted = false;
        var below = false;
        foreach (var metrics in summary.Positions)
        {
            var equity = metrics.Position.IsolatedMargin + metrics.UnrealizedPnl;
            if (!metrics.Leverage.IsCross && equity < metrics.MaintenanceMargin)
            {
                below = true;
                acted |= Liquidate(account, [metrics.Position.Asset], cross: false, equity < metrics.MaintenanceMargin * BackstopShare, timeMs);
            }
        }

        if (summary.CrossNtlPos > 0 && summary.CrossAccountValue < summary.CrossMaintenanceMarginUsed)
        {
            below = true;
            var assets = new List<int>();
            foreach (var metrics in summary.Positions)
            {
                if (metrics.Leverage.IsCross)
                {
                    assets.Add(metrics.Position.Asset);
                }
            }

            acted |= Liquidate(account, assets, cross: true, summary.CrossAccountValue < summary.CrossMaintenanceMarginUsed * BackstopShare, timeMs);
        }

        if (!below)
        {
            // Back above maintenance: a later liquidation starts afresh (20 % first again).
            account.PartiallyLiquidated.Clear();
        }

        if (keep && !below)
        {
            _kept[account] = summary;
        }

        return acted;
    }

    private bool Liquidate(Account account, IReadOnlyList<int> assets, bool cross, bool backstop, long timeMs)
    {
        var acted = true;
        if (backstop)
        {
            matching.Backstop(account, assets, cross, timeMs);
        }
        else
        {
            acted = matching.LiquidateThroughBook(account, assets, timeMs);
        }

        state.Changed();
        return acted;
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
            _kept.Clear();
            switch (next.Kind)
            {
                case EventKind.Trigger:
                    matching.FireTrigger(next.Account!, next.Order!, next.Mark, time);
                    break;
                case EventKind.Resting:
                    _resting.Step(next.Order!.Asset, time);
                    break;
                case EventKind.Liquidation:
                    if (!LiquidateIfBelowMaintenance(next.Account!, time))
                    {
                        // The estimate assumed the other marks constant; re-check at the segment end.
                        _skipLiquidationUntil = to;
                    }

                    break;
            }

            state.Changed();
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
                else if (order.IsResting && order.NextFillMs <= to)
                {
                    Consider(ref best, EventKind.Resting, account, order, order.LimitPx, !order.IsBuy, Math.Max(from, order.NextFillMs), to);
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
        var summary = _keptAtMs == from && _kept.TryGetValue(account, out var kept) ? kept : margin.SummaryAt(account, from);
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
        var market = state.Market;
        var time = market.FirstBeyond(asset, from, to, level, above);
        if (time is null || market.Mark(asset, time.Value) is not { } mark)
        {
            return;
        }

        var better = best.Kind == EventKind.None
            || time < best.TimeMs
            || (time == best.TimeMs && kind < best.Kind)
            || (time == best.TimeMs && kind == best.Kind && order is not null && best.Order is not null && order.Oid < best.Order.Oid);
        if (better)
        {
            best = new PendingEvent(kind, time.Value, account, order, mark);
        }
    }

    /// <summary>
    /// The first time in [from, to] at which the stepped mark is at or beyond <paramref name="level"/>: <paramref name="from"/>
    /// itself, or the start of a later 3 s step. The interval lies inside one grid piece, where the steps' prices lie on one
    /// line (so the first step beyond is found by bisection); only a step on the grid point closing the piece can gap.
    /// </summary>
    internal static long? FirstStepBeyond(Func<long, decimal?> markAt, long from, long to, long gridMs, decimal level, bool above) =>
        FirstStepBeyond(new MarksOf(markAt), from, to, gridMs, level, above);

    /// <summary>
    /// <see cref="FirstStepBeyond(Func{long, decimal?}, long, long, long, decimal, bool)"/> over marks read through a struct
    /// (the market's own: no delegate made and called per trigger and segment).
    /// </summary>
    internal static long? FirstStepBeyond<TMarks>(TMarks marks, long from, long to, long gridMs, decimal level, bool above)
        where TMarks : struct, IMarks
    {
        bool Beyond(long t) => marks.At(t) is { } mark && (above ? mark >= level : mark <= level);

        if (Beyond(from))
        {
            return from;
        }

        var step = Market.MarkPath.StepMs;
        var first = Market.MarkPath.StepStart(from) + step;
        var last = Market.MarkPath.StepStart(to);
        if (first > last)
        {
            return null;
        }

        var linearEnd = last % gridMs == 0 ? last - step : last;
        if (linearEnd >= first && Beyond(linearEnd))
        {
            var lo = first;
            var hi = linearEnd;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / step / 2 * step);
                if (Beyond(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + step;
                }
            }

            return hi;
        }

        return last != linearEnd && Beyond(last) ? last : null;
    }

    /// <summary>The stepped mark of one asset at a time.</summary>
    internal interface IMarks
    {
        decimal? At(long timeMs);
    }

    private readonly struct MarksOf(Func<long, decimal?> markAt) : IMarks
    {
        public decimal? At(long timeMs) => markAt(timeMs);
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

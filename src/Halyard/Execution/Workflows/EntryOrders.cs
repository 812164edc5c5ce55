using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution.Workflows;

/// <summary>What an entry filled: size and average price, or why nothing (yet).</summary>
internal sealed record EntryFill(decimal Size, decimal Price, bool StillResting = false, string? Note = null, decimal? SuggestedSizeUsd = null);

/// <summary>An earlier entry settled by cloid: never placed, or what it filled.</summary>
internal sealed record SettledEntry(bool NeverPlaced, decimal Size, decimal Price);

/// <summary>The entry orders themselves: formatting, placement with re-pricing retries, the GTC wait, the remainder.</summary>
internal sealed class EntryOrders(WorkflowServices s, PositionCloser closer)
{
    /// <summary>The entry at mid ± slippage, rounded by the formatter (which also enforces the $10 minimum).</summary>
    public FormatResult<FormattedOrder> Format(InstrumentRules rules, OrderSide side, decimal mid, decimal coins) =>
        rules.FormatOrder(side, Pricing.Worst(mid, side, s.Options.SlippageBps), coins, PricePurpose.Entry);

    public OrderWire Wire(InstrumentRules rules, OrderSide side, FormattedOrder order, Cloid? cloid, bool ioc = false) =>
        new(
            rules.AssetId,
            side == OrderSide.Buy,
            order.Price.Text,
            order.Size.Text,
            ReduceOnly: false,
            new LimitOrderType(!ioc && s.Options.EffectiveEntry == EntryMode.Gtc ? TimeInForce.Gtc : TimeInForce.Ioc),
            cloid);

    /// <summary>Places the entry; a retry re-prices from a fresh mid with the same size and the same cloid.</summary>
    public async Task<LegOutcome> PlaceAsync(InstrumentRules rules, OrderSide side, FormattedOrder first, Cloid? cloid, CancellationToken ct)
    {
        var firstWire = Wire(rules, side, first, cloid);
        var leg = new OrderLeg(
            OrderEventAction.Entry,
            cloid,
            async (attempt, c) => attempt == 1 ? Result.Success(firstWire) : await RepriceAsync(rules, side, first.Size.Value, cloid, ioc: false, c).ConfigureAwait(false));
        return (await s.Submitter.SubmitAsync([leg], RetryProfile.Opening, ct).ConfigureAwait(false))[0];
    }

    /// <summary>The filled size of a placed entry; a resting GTC is waited for, then its remainder cancelled.</summary>
    public async Task<EntryFill> ReadFillAsync(InstrumentRules rules, LegOutcome placed, int leverage, ActionLog log, CancellationToken ct)
    {
        if (placed.Fill is { } fill)
        {
            return new EntryFill(fill.TotalSize, fill.AveragePrice);
        }

        if (placed.Status is OrderResting resting)
        {
            return await WaitGtcAsync(rules, resting.Oid, placed.Leg.Cloid, log, ct).ConfigureAwait(false);
        }

        if (placed.Error?.Class == ErrorClass.Insufficient)
        {
            return new EntryFill(0m, 0m, SuggestedSizeUsd: await SuggestSizeAsync(rules, leverage, ct).ConfigureAwait(false));
        }

        return new EntryFill(0m, 0m);
    }

    /// <summary>One more IOC for the remainder of a partial fill, when it is worth at least the $10 minimum.</summary>
    public async Task<ExecutionFill?> FinishAsync(InstrumentRules rules, OrderSide side, decimal remainder, Cloid? cloid, ActionLog log, CancellationToken ct)
    {
        var built = await RepriceAsync(rules, side, remainder, cloid, ioc: true, ct).ConfigureAwait(false);
        if (!built.IsSuccess)
        {
            log.Refused(OrderEventAction.EntryRest, built.Error.Class, "remainder not finished: " + built.Error.Message, remainder, null, cloid?.Value);
            return null;
        }

        var leg = new OrderLeg(OrderEventAction.EntryRest, cloid, async (attempt, c) => attempt == 1 ? built : await RepriceAsync(rules, side, remainder, cloid, ioc: true, c).ConfigureAwait(false));
        var outcome = (await s.Submitter.SubmitAsync([leg], RetryProfile.Opening, ct).ConfigureAwait(false))[0];
        log.Leg(outcome);
        return outcome.Fill is { } fill ? new ExecutionFill(OrderEventAction.EntryRest, fill.TotalSize, fill.AveragePrice, fill.Oid, cloid?.Value) : null;
    }

    /// <summary>Settles an entry of an earlier call by cloid; a resting one is cancelled first. Null when the venue cannot be asked.</summary>
    public async Task<SettledEntry?> SettleAsync(InstrumentRules rules, LedgerEntry entry, ActionLog log, CancellationToken ct)
    {
        var cloid = Cloid.Parse(entry.Cloid);
        var lookup = await s.Venue.OrderStatusAsync(cloid, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!lookup.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.SettleEntry, lookup.Error);
            return null;
        }

        if (lookup.Value.Report is not { } report)
        {
            return new SettledEntry(true, 0m, 0m);
        }

        if (report.IsOpen)
        {
            await CancelRestAsync(rules, report.Order.Oid, cloid, log, ct).ConfigureAwait(false);
            var again = await s.Venue.OrderStatusAsync(cloid, RetryProfile.Protective, ct).ConfigureAwait(false);
            if (!again.IsSuccess || again.Value.Report is not { IsOpen: false } final)
            {
                return null;
            }

            report = final;
        }

        var size = report.FilledSize;
        var price = size > 0m ? await AveragePriceAsync(report.Order.Oid, entry.CreatedAt, ct).ConfigureAwait(false) ?? report.Order.LimitPrice : 0m;
        return new SettledEntry(false, size, price);
    }

    private async Task<EntryFill> WaitGtcAsync(InstrumentRules rules, long oid, Cloid? cloid, ActionLog log, CancellationToken ct)
    {
        var placedAt = s.Now;
        var deadline = placedAt + s.Options.GtcTimeout;
        OrderStatusReport? last = null;
        while (s.Now < deadline)
        {
            var wait = deadline - s.Now;
            await Task.Delay(wait < s.Options.GtcPollInterval ? wait : s.Options.GtcPollInterval, s.Time, ct).ConfigureAwait(false);
            var status = await s.Venue.OrderStatusAsync(oid, RetryProfile.Protective, ct).ConfigureAwait(false);
            if (status.IsSuccess && status.Value.Report is { } report)
            {
                last = report;
                if (!report.IsOpen)
                {
                    break;
                }
            }
        }

        if (last is null || last.IsOpen)
        {
            await CancelRestAsync(rules, oid, cloid, log, ct).ConfigureAwait(false);
            var final = await s.Venue.OrderStatusAsync(oid, RetryProfile.Protective, ct).ConfigureAwait(false);
            if (final.IsSuccess && final.Value.Report is { } report)
            {
                last = report;
            }
        }

        if (last is null || last.IsOpen)
        {
            return new EntryFill(last?.FilledSize ?? 0m, last?.Order.LimitPrice ?? 0m, StillResting: true, Note: "the GTC entry could not be confirmed cancelled");
        }

        var size = last.FilledSize;
        if (size <= 0m)
        {
            return new EntryFill(0m, 0m, Note: $"GTC entry {last.Status} without a fill after {s.Options.GtcTimeout.TotalSeconds:0.#} s");
        }

        var price = await AveragePriceAsync(oid, placedAt, ct).ConfigureAwait(false) ?? last.Order.LimitPrice;
        return new EntryFill(size, price);
    }

    /// <summary>Cancels a resting entry: by cloid when it has one (idempotent by construction), else by order id.</summary>
    private async Task CancelRestAsync(InstrumentRules rules, long oid, Cloid? cloid, ActionLog log, CancellationToken ct)
    {
        var order = new OpenOrder(rules.Name, OrderSide.Buy, 0m, 0m, oid, cloid, false, false, null, InfoClient.UnreportedOrderType, s.Now);
        if (cloid is not { } c)
        {
            await closer.CancelOrdersAsync([order], OrderEventAction.CancelRest, log, ct).ConfigureAwait(false);
            return;
        }

        var run = await s.Venue.CancelByCloidAsync([new CancelByCloidRequest(rules.AssetId, c)], ct).ConfigureAwait(false);
        log.Cancels(OrderEventAction.CancelRest, [order], run);
    }

    private async Task<decimal?> AveragePriceAsync(long oid, DateTimeOffset since, CancellationToken ct)
    {
        var fills = await s.Venue.FillsAsync(since - TimeSpan.FromMinutes(1), RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!fills.IsSuccess)
        {
            return null;
        }

        var mine = fills.Value.Where(f => f.Oid == oid).ToArray();
        var size = mine.Sum(f => f.Size);
        return size > 0m ? mine.Sum(f => f.Size * f.Price) / size : null;
    }

    private async ValueTask<Result<OrderWire>> RepriceAsync(InstrumentRules rules, OrderSide side, decimal coins, Cloid? cloid, bool ioc, CancellationToken ct)
    {
        var mid = await s.Venue.MidAsync(rules.Name, RetryProfile.Opening, ct).ConfigureAwait(false);
        if (!mid.IsSuccess)
        {
            return mid.Error;
        }

        var order = Format(rules, side, mid.Value, coins);
        return order.IsOk
            ? Result.Success(Wire(rules, side, order.Value, cloid, ioc))
            : Result<OrderWire>.Failure(new Error(ErrorClass.InvalidParam, order.Reason));
    }

    /// <summary>A notional the free margin allows at the asset's leverage (90 % of it), or null when below the minimum.</summary>
    private async Task<decimal?> SuggestSizeAsync(InstrumentRules rules, int leverage, CancellationToken ct)
    {
        var account = await s.Venue.AccountAsync(RetryProfile.Opening, ct).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return null;
        }

        var suggestion = decimal.Floor(account.Value.Withdrawable * LeverageCache.Clamp(rules, leverage) * 0.9m);
        return suggestion >= InstrumentRules.MinOrderValueUsd ? suggestion : null;
    }
}

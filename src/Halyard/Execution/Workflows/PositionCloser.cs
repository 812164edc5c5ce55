using System.Collections.Immutable;
using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>What a close or flatten achieved.</summary>
internal sealed record CloseRun(
    bool Flat,
    bool HadPosition,
    ImmutableArray<ExecutionFill> Fills,
    Error? Error,
    bool Unresolved,
    LegOutcome? FirstOrder,
    ImmutableArray<string> Cloids,
    bool LeftoversCancelled,
    bool OtherSide = false)
{
    public decimal FilledSize => Fills.Sum(f => f.Size);

    public decimal? AveragePrice => FilledSize > 0m ? Fills.Sum(f => f.Size * f.Price) / FilledSize : null;
}

/// <summary>
/// Closes a symbol's position: cancel the symbol's resting (non-trigger) orders, then reduce-only IOC at a
/// small protective slippage (mid ∓ <c>close_slippage_bps</c>, formatted with <see cref="PricePurpose.ReduceOnlyClose"/>)
/// for the size <c>clearinghouseState</c> reports, up to <c>max_close_rounds</c> rounds, verifying flat after
/// each; only once flat, cancel the symbol's triggers (the stop stays while the position does). Everything here is
/// protective: retried on <c>ExchangeDown</c> too.
/// </summary>
internal sealed class PositionCloser(WorkflowServices s)
{
    /// <param name="expected">The side the caller means to close; a position of the other side is not touched.</param>
    /// <param name="cloidOfRound">The cloid of round r (1-based), or null without idempotency.</param>
    public async Task<CloseRun> CloseAsync(InstrumentRules rules, PositionSide? expected, OrderEventAction role, Func<int, Cloid?> cloidOfRound, ActionLog log, CancellationToken ct)
    {
        var fills = ImmutableArray.CreateBuilder<ExecutionFill>();
        var cloids = ImmutableArray.CreateBuilder<string>();
        LegOutcome? first = null;
        // Resting entries go first (they could re-open what we close); the reduce-only triggers (the stop) stay
        // until an account read shows the position flat: a close that does not complete leaves the stop in place.
        await CancelSymbolOrdersAsync(rules.Name, OrderEventAction.Cancel, log, ct, o => !(o.IsTrigger && o.ReduceOnly)).ConfigureAwait(false);

        var hadPosition = false;
        Error? lastError = null;
        for (var round = 1; round <= s.Options.MaxCloseRounds; round++)
        {
            var account = await s.Venue.AccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
            if (!account.IsSuccess)
            {
                log.ReadFailed(OrderEventAction.ReadPosition, account.Error);
                return new CloseRun(false, hadPosition, fills.ToImmutable(), account.Error, false, first, cloids.ToImmutable(), false);
            }

            if (account.Value.PositionOf(rules.Name) is not { } position)
            {
                var cleaned = await CancelSymbolOrdersAsync(rules.Name, OrderEventAction.CancelLeftover, log, ct).ConfigureAwait(false);
                return new CloseRun(true, hadPosition, fills.ToImmutable(), null, false, first, cloids.ToImmutable(), cleaned);
            }

            hadPosition = true;
            if (expected is { } side && position.Side != side)
            {
                var error = new Error(ErrorClass.RiskRejected, $"The {rules.Name} position is {position.Side}, not {side}: not closed.");
                log.Refused(role, error.Class, error.Message, position.AbsSize);
                return new CloseRun(false, true, fills.ToImmutable(), error, false, first, cloids.ToImmutable(), false, OtherSide: true);
            }

            var cloid = cloidOfRound(round);
            if (cloid is { } c)
            {
                cloids.Add(c.Value);
            }

            var leg = new OrderLeg(role, cloid, (_, c2) => BuildAsync(rules, position.Side, position.AbsSize, cloid, c2));
            var outcome = (await s.Submitter.SubmitAsync([leg], RetryProfile.Protective, ct).ConfigureAwait(false))[0];
            log.Leg(outcome);
            first ??= outcome;
            lastError = outcome.Error ?? lastError;
            if (outcome.Fill is { } fill)
            {
                fills.Add(new ExecutionFill(role, fill.TotalSize, fill.AveragePrice, fill.Oid, cloid?.Value));
            }
            else if (outcome.Unresolved || outcome.Error is { } e && !e.Class.IsTransient())
            {
                return new CloseRun(false, true, fills.ToImmutable(), outcome.Error, outcome.Unresolved, first, cloids.ToImmutable(), false);
            }
        }

        var final = await s.Venue.AccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        var flat = final.IsSuccess && final.Value.PositionOf(rules.Name) is null;
        var leftovers = flat && await CancelSymbolOrdersAsync(rules.Name, OrderEventAction.CancelLeftover, log, ct).ConfigureAwait(false);
        var stillOpen = flat ? null : final.Error ?? lastError ?? new Error(ErrorClass.Temporary, $"{rules.Name} is still open after {s.Options.MaxCloseRounds} close rounds.");
        return new CloseRun(flat, hadPosition, fills.ToImmutable(), stillOpen, false, first, cloids.ToImmutable(), leftovers);
    }

    /// <summary>Cancels every open order (resting or trigger) of <paramref name="coin"/>; true when none is left.</summary>
    public async Task<bool> CancelSymbolOrdersAsync(string coin, OrderEventAction action, ActionLog log, CancellationToken ct, Func<OpenOrder, bool>? which = null)
    {
        var orders = await s.Venue.OpenOrdersAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!orders.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.ReadOpenOrders, orders.Error);
            return false;
        }

        var mine = orders.Value.Where(o => o.Coin == coin && (which is null || which(o))).ToArray();
        return await CancelOrdersAsync(mine, action, log, ct).ConfigureAwait(false);
    }

    /// <summary>Cancels <paramref name="orders"/> by order id (one batch per asset); true when all are gone.</summary>
    public async Task<bool> CancelOrdersAsync(IReadOnlyList<OpenOrder> orders, OrderEventAction action, ActionLog log, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return true;
        }

        var allGone = true;
        foreach (var group in orders.GroupBy(o => o.Coin))
        {
            var (rules, error) = await s.Instruments.ResolveAsync(group.Key, RetryProfile.Protective, ct).ConfigureAwait(false);
            var batch = group.ToArray();
            if (rules is null)
            {
                log.Refused(action, error!.Class, error.Message);
                allGone = false;
                continue;
            }

            var run = await s.Venue.CancelAsync([.. batch.Select(o => new CancelRequest(rules.AssetId, o.Oid))], ct).ConfigureAwait(false);
            log.Cancels(action, batch, run);
            allGone &= run.AllGone;
        }

        return allGone;
    }

    /// <summary>
    /// One reduce-only IOC for <paramref name="coins"/> of a <paramref name="side"/> position (a partial close), at the
    /// same protective slippage as a close; retried per the protective profile. The caller reads the outcome.
    /// </summary>
    public async Task<LegOutcome> ReduceAsync(InstrumentRules rules, PositionSide side, decimal coins, OrderEventAction role, Cloid? cloid, ActionLog log, CancellationToken ct)
    {
        var leg = new OrderLeg(role, cloid, (_, c) => BuildAsync(rules, side, coins, cloid, c));
        var outcome = (await s.Submitter.SubmitAsync([leg], RetryProfile.Protective, ct).ConfigureAwait(false))[0];
        log.Leg(outcome);
        return outcome;
    }

    private async ValueTask<Result<OrderWire>> BuildAsync(InstrumentRules rules, PositionSide positionSide, decimal coins, Cloid? cloid, CancellationToken ct)
    {
        var mid = await s.Venue.MidAsync(rules.Name, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!mid.IsSuccess)
        {
            return mid.Error;
        }

        var side = positionSide.ClosingSide();
        var price = rules.FormatPrice(Pricing.Worst(mid.Value, side, s.Options.CloseSlippageBps), side, PricePurpose.ReduceOnlyClose);
        var size = rules.FormatSize(coins);
        if (!price.IsOk || !size.IsOk)
        {
            return Result<OrderWire>.Failure(new Error(ErrorClass.InvalidParam, price.IsOk ? size.Reason : price.Reason));
        }

        return Result.Success(new OrderWire(rules.AssetId, side == OrderSide.Buy, price.Value.Text, size.Value.Text, ReduceOnly: true, new LimitOrderType(TimeInForce.Ioc), cloid));
    }
}

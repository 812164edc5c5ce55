using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>
/// Mandatory protection of a filled position: a reduce-only stop-loss and (when asked for) take-profit, both
/// trigger-market orders with a protective limit (<see cref="PricePurpose.TriggerLimit"/>), sized to the
/// FILLED quantity, sent as one <c>na</c> batch with cloids derived from the entry, statuses read and retried.
/// The stop is checked against the fill price first: a fill already past the stop is flattened at once. If no
/// stop can be placed the position is flattened (reduce-only IOC) and the reason recorded.
/// </summary>
internal sealed class ProtectionWorkflow(WorkflowServices s, PositionCloser closer)
{
    /// <param name="reference">The price the stop is judged against: the average fill price (or the mark for an existing position).</param>
    /// <param name="atr">The symbol's ATR when known (default stop distance).</param>
    /// <param name="flattenOnFailure">
    /// False when the position keeps an earlier (larger) reduce-only stop while this one replaces it (a partial close):
    /// a refused stop then leaves the earlier protection in place instead of closing the position.
    /// </param>
    public async Task<(ProtectionState State, LedgerEntry Entry)> ProtectAsync(
        LedgerEntry entry, InstrumentRules rules, decimal reference, decimal? atr, ActionLog log, CancellationToken ct, bool flattenOnFailure = true)
    {
        if (!s.Options.Features.SltpOrchestration)
        {
            return (new ProtectionState(ProtectionStatus.Disabled, Reason: "sltp_orchestration is off"), entry);
        }

        var side = entry.Side;
        var stop = entry.StopLoss ?? Pricing.StopAt(side, reference, s.Options.DefaultProtection.StopDistance(reference, atr));
        entry = entry with { StopLoss = stop };
        if (Pricing.StopCrossed(side, stop, reference))
        {
            return await FlattenAsync(entry, rules, $"the price {reference} is already past the stop {stop}", log, ct).ConfigureAwait(false);
        }

        var takeProfit = entry.TakeProfit;
        string? note = null;
        if (takeProfit is { } target && Pricing.TargetReached(side, target, reference))
        {
            note = $"take-profit {target} already reached at {reference}: not placed";
            takeProfit = null;
        }

        var before = entry;
        var generation = entry.ProtectionGeneration + 1;
        var slCloid = s.Idempotent ? IntentCloids.Child(entry.Cloid, "sl", generation) : (Cloid?)null;
        var tpCloid = s.Idempotent && takeProfit is not null ? IntentCloids.Child(entry.Cloid, "tp", generation) : (Cloid?)null;
        var size = rules.FormatSize(entry.FilledSize);
        var stopWire = size.IsOk ? Trigger(rules, side, stop, size.Value, TpSl.StopLoss, slCloid) : Refusal(size.Reason);
        if (!stopWire.IsSuccess)
        {
            log.Refused(OrderEventAction.StopLoss, ErrorClass.InvalidParam, stopWire.Error!.Message, entry.FilledSize, stop, slCloid?.Value);
            if (!flattenOnFailure)
            {
                return KeepEarlier(before, "no valid stop-loss order: " + stopWire.Error.Message);
            }

            return await FlattenAsync(entry, rules, "no valid stop-loss order: " + stopWire.Error.Message, log, ct).ConfigureAwait(false);
        }

        var legs = new List<OrderLeg> { new(OrderEventAction.StopLoss, slCloid, (_, _) => ValueTask.FromResult(stopWire)) };
        if (takeProfit is { } tp)
        {
            var tpWire = Trigger(rules, side, tp, size.Value!, TpSl.TakeProfit, tpCloid);
            if (!tpWire.IsSuccess)
            {
                log.Refused(OrderEventAction.TakeProfit, ErrorClass.InvalidParam, tpWire.Error!.Message, entry.FilledSize, tp, tpCloid?.Value);
                note = "take-profit refused: " + tpWire.Error.Message;
            }
            else
            {
                legs.Add(new OrderLeg(OrderEventAction.TakeProfit, tpCloid, (_, _) => ValueTask.FromResult(tpWire)));
            }
        }

        entry = entry with
        {
            ProtectionGeneration = generation,
            StopCloid = slCloid?.Value,
            TakeProfitCloid = legs.Count > 1 ? tpCloid?.Value : null,
            OrderCloids = [.. entry.OrderCloids, .. legs.Where(l => l.Cloid is not null).Select(l => l.Cloid!.Value.Value).Where(c => !entry.OrderCloids.Contains(c))],
        };

        entry = s.Save(entry);
        var outcomes = await s.Submitter.SubmitAsync(legs, RetryProfile.Protective, ct).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            log.Leg(outcome);
        }

        var sl = outcomes[0];
        if (!sl.Accepted)
        {
            var why = sl.Unresolved ? "stop-loss outcome unknown" : "stop-loss not placed: " + sl.Error?.Message;
            if (!flattenOnFailure)
            {
                return KeepEarlier(before with { OrderCloids = entry.OrderCloids }, why);
            }

            return await FlattenAsync(entry, rules, why, log, ct).ConfigureAwait(false);
        }

        var tpOutcome = outcomes.Count > 1 ? outcomes[1] : null;
        if (tpOutcome is { Accepted: false })
        {
            note = "take-profit not placed: " + (tpOutcome.Unresolved ? "outcome unknown" : tpOutcome.Error?.Message);
        }

        entry = s.Save(entry with { Status = LedgerStatus.Protected, Note = note });
        var placedTp = tpOutcome is { Accepted: true } ? takeProfit : null;
        var status = note is null ? ProtectionStatus.Protected : ProtectionStatus.StopOnly;
        return (new ProtectionState(status, entry.FilledSize, stop, placedTp, sl.Oid, tpOutcome?.Oid, note), entry);
    }

    /// <summary>
    /// Replaces the position's protection with a stop (and target) for <paramref name="entry"/>'s size: the new
    /// triggers are placed first, and the earlier ones (read before, recognised by the entry's cloids) are cancelled
    /// only once the new stop rests, so the position is never without a stop in between (both are reduce-only).
    /// </summary>
    /// <param name="flattenOnFailure">See <see cref="ProtectAsync"/>: true after a scale-in (the added size has no stop otherwise).</param>
    public async Task<(ProtectionState State, LedgerEntry Entry)> ReplaceAsync(
        LedgerEntry entry, InstrumentRules rules, decimal reference, ActionLog log, bool flattenOnFailure, CancellationToken ct)
    {
        IReadOnlyList<OpenOrder> earlier = [];
        var unread = false;
        var open = await s.Venue.OpenOrdersAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!open.IsSuccess)
        {
            unread = true;
            log.ReadFailed(OrderEventAction.ReadOpenOrders, open.Error);
        }
        else
        {
            earlier = [.. open.Value.Where(o => o.Coin == rules.Name && o.IsTrigger && o.ReduceOnly && (o.Cloid is { } c ? entry.OrderCloids.Contains(c.Value) : !s.Idempotent))];
        }

        var (state, saved) = await ProtectAsync(entry with { Status = LedgerStatus.Open }, rules, reference, null, log, ct, flattenOnFailure).ConfigureAwait(false);
        if (state.Status is ProtectionStatus.Protected or ProtectionStatus.StopOnly && state.StopOid is not null)
        {
            var replaced = earlier.Where(o => o.Oid != state.StopOid && o.Oid != state.TakeProfitOid).ToArray();
            if (!await closer.CancelOrdersAsync(replaced, OrderEventAction.CancelStaleProtection, log, ct).ConfigureAwait(false))
            {
                state = state with { Reason = Join(state.Reason, "an earlier trigger could not be cancelled (reduce-only; reconciliation retries)") };
            }
        }
        else if (unread && state.Status is ProtectionStatus.Protected or ProtectionStatus.StopOnly)
        {
            state = state with { Reason = Join(state.Reason, "the earlier triggers could not be read and stay (reduce-only)") };
        }

        return (state, saved);
    }

    /// <summary>Closes the position because it cannot be protected; cancels the symbol's orders (a placed take-profit) too.</summary>
    public async Task<(ProtectionState State, LedgerEntry Entry)> FlattenAsync(LedgerEntry entry, InstrumentRules rules, string reason, ActionLog log, CancellationToken ct)
    {
        var role = "flatten." + entry.ProtectionGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = await closer.CloseAsync(
            rules,
            entry.Side,
            OrderEventAction.Flatten,
            r => s.Idempotent ? IntentCloids.Child(entry.Cloid, role, r) : null,
            log,
            ct).ConfigureAwait(false);
        entry = entry with { OrderCloids = [.. entry.OrderCloids, .. run.Cloids.Where(c => !entry.OrderCloids.Contains(c))] };
        if (run.Flat)
        {
            entry = s.Save(entry with { Status = LedgerStatus.Flattened, Note = "flattened: " + reason });
            return (new ProtectionState(ProtectionStatus.Flattened, 0m, entry.StopLoss, entry.TakeProfit, Reason: reason), entry);
        }

        entry = s.Save(entry with { Status = LedgerStatus.Open, Note = "UNPROTECTED: " + reason + "; flatten failed: " + run.Error?.Message });
        return (new ProtectionState(ProtectionStatus.Unprotected, 0m, entry.StopLoss, entry.TakeProfit, Reason: reason + "; flatten failed: " + run.Error?.Message), entry);
    }

    /// <summary>The new stop was refused: the earlier (larger, reduce-only) stop and target stay in force; the ledger keeps pointing at them.</summary>
    private (ProtectionState State, LedgerEntry Entry) KeepEarlier(LedgerEntry earlier, string why)
    {
        var reason = "protection not resized: " + why + "; the earlier reduce-only stop and target stay";
        var entry = s.Save(earlier with { Status = LedgerStatus.Protected, Note = reason });
        return (new ProtectionState(ProtectionStatus.Protected, entry.FilledSize, entry.StopLoss, entry.TakeProfit, Reason: reason), entry);
    }

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;

    private Result<OrderWire> Trigger(InstrumentRules rules, PositionSide side, decimal triggerPrice, WireSize size, TpSl kind, Cloid? cloid)
    {
        var closing = side.ClosingSide();
        var trigger = rules.FormatPrice(triggerPrice, closing, kind == TpSl.StopLoss ? PricePurpose.StopLossTrigger : PricePurpose.TakeProfitTrigger);
        if (!trigger.IsOk)
        {
            return Refusal(trigger.Reason);
        }

        var limit = rules.FormatPrice(Pricing.Worst(trigger.Value.Value, closing, s.Options.TriggerSlippageBps), closing, PricePurpose.TriggerLimit);
        if (!limit.IsOk)
        {
            return Refusal(limit.Reason);
        }

        var type = new TriggerOrderType(IsMarket: true, trigger.Value.Text, kind);
        return Result.Success(new OrderWire(rules.AssetId, closing == OrderSide.Buy, limit.Value.Text, size.Text, ReduceOnly: true, type, cloid));
    }

    private static Result<OrderWire> Refusal(string reason) => Result<OrderWire>.Failure(new Error(ErrorClass.InvalidParam, reason));
}

using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>
/// The open workflow: resolve the instrument, read the live mid, size and price through the formatter
/// (mid ± <c>slippage_bps</c>, <see cref="PricePurpose.Entry"/>), set the leverage only when it differs,
/// record the intent's cloid in the ledger BEFORE the order leaves, place the entry (IOC, or GTC with a
/// timeout), read its status, finish or drop a partial remainder, then protect the filled quantity.
/// </summary>
internal sealed class EntryWorkflow(WorkflowServices s, ProtectionWorkflow protection, EntryOrders orders)
{
    public async Task<ExecutionOutcome> OpenAsync(OpenIntent intent, CancellationToken ct)
    {
        var decisionTs = intent.ValidatedAt ?? s.Time.GetTimestamp();
        var log = new ActionLog(intent.Symbol, s.Time);
        var key = IntentCloids.Entry(intent, s.CloidScope);
        var result = new OutcomeBuilder(intent, log, key.Value);

        if (s.Ledger.Find(key.Value) is { } existing)
        {
            var resumed = await ResumeAsync(existing, result, intent.ScaleIn, ct).ConfigureAwait(false);
            if (resumed is not null)
            {
                return resumed;
            }
        }

        var (rules, ruleError) = await s.Instruments.ResolveAsync(intent.Symbol, RetryProfile.Opening, ct).ConfigureAwait(false);
        if (rules is null)
        {
            log.Refused(OrderEventAction.Entry, ruleError!.Class, ruleError.Message);
            return result.Failure(ruleError);
        }

        if (rules.IsDelisted)
        {
            var delisted = new Error(ErrorClass.RiskRejected, rules.Name + " is delisted.");
            log.Refused(OrderEventAction.Entry, delisted.Class, delisted.Message);
            return result.Failure(delisted);
        }

        var mid = await s.Venue.MidAsync(rules.Name, RetryProfile.Opening, ct).ConfigureAwait(false);
        if (!mid.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.ReadMid, mid.Error);
            return result.Failure(mid.Error);
        }

        var side = intent.Side.OpeningSide();
        var coins = intent.Size.CoinsAt(mid.Value);
        var first = orders.Format(rules, side, mid.Value, coins);
        if (!first.IsOk)
        {
            var refusal = new Error(ErrorClass.InvalidParam, first.Reason);
            log.Refused(OrderEventAction.Entry, refusal.Class, refusal.Message, coins, null, key.Value);
            return result.Failure(refusal);
        }

        var leverageError = await s.Leverage.EnsureAsync(rules, intent.Leverage, log, ct).ConfigureAwait(false);
        if (leverageError is not null)
        {
            return result.Failure(leverageError);
        }

        var wireCloid = s.Idempotent ? key : (Cloid?)null;
        var requested = first.Value.Size.Value;
        var entry = new LedgerEntry
        {
            Cloid = key.Value,
            TraderId = intent.TraderId,
            Symbol = rules.Name,
            Side = intent.Side,
            Cycle = intent.Cycle,
            DecisionId = intent.DecisionId,
            RequestedSize = requested,
            StopLoss = intent.StopLoss,
            TakeProfit = intent.TakeProfit,
            OrderCloids = [key.Value],
            CloidSent = wireCloid is not null,
            Status = LedgerStatus.Pending,
            CreatedAt = s.Now,
            UpdatedAt = s.Now,
        };

        entry = s.Save(entry);
        if (s.Ledger is ResilientLedger { Problem: { } notDurable })
        {
            // The cloid did not reach the disk: the order does not leave (a restart would not know it).
            s.Save(entry with { Status = LedgerStatus.Failed, Note = "not sent: " + notDurable });
            log.Refused(OrderEventAction.Entry, ErrorClass.Temporary, notDurable, requested, null, key.Value);
            return result.Failure(new Domain.Error(ErrorClass.Temporary, notDurable));
        }

        var placed = await orders.PlaceAsync(rules, side, first.Value, wireCloid, ct).ConfigureAwait(false);
        log.Leg(placed);
        result.Latency = Latency(decisionTs, placed);

        var fill = await orders.ReadFillAsync(rules, placed, intent.Leverage, log, ct).ConfigureAwait(false);
        if (fill.Size <= 0m)
        {
            return NotFilled(entry, placed, fill, result);
        }

        result.AddFill(new ExecutionFill(OrderEventAction.Entry, fill.Size, fill.Price, placed.Oid, wireCloid?.Value));
        var filled = fill.Size;
        var notional = fill.Size * fill.Price;
        if (s.Options.EffectiveEntry == EntryMode.Ioc && s.Options.FinishPartialFills && filled < requested)
        {
            var restCloid = s.Idempotent ? IntentCloids.Child(key.Value, "rest", 1) : (Cloid?)null;
            entry = s.Save(entry with { FilledSize = filled, AveragePrice = fill.Price, Status = LedgerStatus.Open, OrderCloids = restCloid is { } rc ? entry.OrderCloids.Add(rc.Value) : entry.OrderCloids });
            var rest = await orders.FinishAsync(rules, side, requested - filled, restCloid, log, ct).ConfigureAwait(false);
            if (rest is { } restFill)
            {
                result.AddFill(restFill);
                filled += restFill.Size;
                notional += restFill.Size * restFill.Price;
            }
        }

        var average = notional / filled;
        entry = s.Save(entry with { FilledSize = filled, AveragePrice = average, Status = LedgerStatus.Open, Note = fill.Note });
        var (state, _) = intent.ScaleIn
            ? await ProtectCombinedAsync(entry, rules, average, log, ct).ConfigureAwait(false)
            : await protection.ProtectAsync(entry, rules, average, null, log, ct).ConfigureAwait(false);
        return result.Build(filled >= requested ? IntentResult.Filled : IntentResult.PartiallyFilled) with
        {
            FilledSize = filled,
            AveragePrice = average,
            Protection = state,
            FailsCycle = state.Status == ProtectionStatus.Unprotected,
            Detail = state.Reason,
            ErrorClass = state.Status == ProtectionStatus.Unprotected ? ErrorClass.ExchangeDown : null,
        };
    }

    /// <summary>
    /// Scaling in: the add's fill joins the position's ledger entry (size from the venue, average price, the add's stop
    /// and target), the add's own entry is closed as merged, and the protection is replaced for the combined size:
    /// new stop and target first, the earlier ones cancelled once the new stop rests (flattened if no stop can be placed).
    /// </summary>
    private async Task<(ProtectionState State, LedgerEntry Entry)> ProtectCombinedAsync(LedgerEntry add, InstrumentRules rules, decimal average, ActionLog log, CancellationToken ct)
    {
        var account = await s.Venue.AccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        var shown = account.IsSuccess ? account.Value!.PositionOf(rules.Name) : null;
        var target = s.Ledger.Active(s.TraderId).LastOrDefault(e =>
            e.Cloid != add.Cloid && e.Symbol == rules.Name && e.Side == add.Side && e.Status is LedgerStatus.Open or LedgerStatus.Protected);
        if (target is null)
        {
            // Nothing of ours to join (an external position, or a ledger that lost it): the add's entry becomes the position's.
            var whole = add with { FilledSize = shown?.Side == add.Side ? shown.AbsSize : add.FilledSize, AveragePrice = shown?.EntryPrice ?? average };
            return await protection.ReplaceAsync(whole, rules, average, log, flattenOnFailure: true, ct).ConfigureAwait(false);
        }

        var total = shown?.Side == add.Side ? shown.AbsSize : target.FilledSize + add.FilledSize;
        var merged = target with
        {
            FilledSize = total,
            AveragePrice = shown?.EntryPrice ?? ((target.FilledSize * (target.AveragePrice ?? average)) + (add.FilledSize * average)) / (target.FilledSize + add.FilledSize),
            StopLoss = add.StopLoss ?? target.StopLoss,
            TakeProfit = add.TakeProfit ?? target.TakeProfit,
            OrderCloids = [.. target.OrderCloids, .. add.OrderCloids.Where(c => !target.OrderCloids.Contains(c))],
            Note = "scaled in by " + add.DecisionId,
        };
        s.Save(add with { Status = LedgerStatus.Closed, Note = "merged into " + target.Cloid + " (scale-in)" });
        return await protection.ReplaceAsync(merged, rules, average, log, flattenOnFailure: true, ct).ConfigureAwait(false);
    }

    private ExecutionOutcome NotFilled(LedgerEntry entry, LegOutcome placed, EntryFill fill, OutcomeBuilder result)
    {
        if (fill.StillResting || placed.Unresolved)
        {
            s.Save(entry with { Status = fill.StillResting ? LedgerStatus.Resting : LedgerStatus.Unresolved, Note = placed.Error?.Message ?? fill.Note });
            return result.Build(IntentResult.Unresolved) with
            {
                ErrorClass = placed.Error?.Class ?? ErrorClass.Unknown,
                Detail = placed.Error?.Message ?? fill.Note,
                FailsCycle = placed.Error?.Class == ErrorClass.ExchangeDown,
            };
        }

        if (placed.Accepted || (placed.VenueAnswered && placed.Error?.Class == ErrorClass.Temporary))
        {
            s.Save(entry with { Status = LedgerStatus.NotFilled, Note = placed.Error?.Message ?? fill.Note });
            return result.Build(IntentResult.NotFilled) with { Detail = placed.Error?.Message ?? fill.Note };
        }

        s.Save(entry with { Status = LedgerStatus.Failed, Note = placed.Error?.Message });
        return result.Failure(placed.Error!, placed.VenueAnswered) with { SuggestedSizeUsd = fill.SuggestedSizeUsd };
    }

    /// <summary>
    /// The same intent again (same cloid): never a second live order. A settled or protected entry is reported
    /// as a duplicate; an unsettled one is settled by cloid first; a filled but unprotected one is protected.
    /// Returns null when the earlier attempt provably never reached the venue, so the intent may be placed.
    /// </summary>
    private async Task<ExecutionOutcome?> ResumeAsync(LedgerEntry existing, OutcomeBuilder result, bool scaleIn, CancellationToken ct)
    {
        var (rules, ruleError) = await s.Instruments.ResolveAsync(existing.Symbol, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (rules is null)
        {
            return result.Failure(ruleError!);
        }

        var entry = existing;
        if (entry.NeedsSettling && !entry.CloidSent)
        {
            return result.Build(IntentResult.Duplicate) with { Actions = result.Log.ToImmutable(), Detail = "already sent without a cloid; reconciliation settles it from the position" };
        }

        if (entry.NeedsSettling)
        {
            var settled = await orders.SettleAsync(rules, entry, result.Log, ct).ConfigureAwait(false);
            if (settled is null)
            {
                return result.Build(IntentResult.Unresolved) with { ErrorClass = ErrorClass.Unknown, Detail = "the earlier entry could not be settled by cloid" };
            }

            if (settled.NeverPlaced)
            {
                return null;
            }

            entry = s.Save(entry with { FilledSize = settled.Size, AveragePrice = settled.Size > 0m ? settled.Price : null, Status = settled.Size > 0m ? LedgerStatus.Open : LedgerStatus.NotFilled });
        }

        var outcome = result.Build(IntentResult.Duplicate) with
        {
            FilledSize = entry.FilledSize,
            AveragePrice = entry.AveragePrice,
            Detail = "already executed: " + entry.Status,
        };
        if (entry.Status == LedgerStatus.Open && entry.FilledSize > 0m)
        {
            var reference = entry.AveragePrice;
            if (reference is null)
            {
                var mid = await s.Venue.MidAsync(rules.Name, RetryProfile.Protective, ct).ConfigureAwait(false);
                reference = mid.IsSuccess ? mid.Value : null;
            }

            if (reference is null)
            {
                return outcome with { Actions = result.Log.ToImmutable(), Result = IntentResult.Unresolved, Detail = "filled but no price to place the stop against; reconciliation will protect it" };
            }

            // A scale-in that filled before a restart joins its position now (protection for the combined size).
            var (state, _) = scaleIn
                ? await ProtectCombinedAsync(entry, rules, reference.Value, result.Log, ct).ConfigureAwait(false)
                : await protection.ProtectAsync(entry, rules, reference.Value, null, result.Log, ct).ConfigureAwait(false);
            return outcome with { Actions = result.Log.ToImmutable(), Protection = state, FailsCycle = state.Status == ProtectionStatus.Unprotected };
        }

        return outcome with { Actions = result.Log.ToImmutable() };
    }

    private OrderLatency? Latency(long decisionTs, LegOutcome placed) =>
        placed.FirstSent is { } sent
            ? new OrderLatency(s.Time.GetElapsedTime(decisionTs, sent), s.Time.GetElapsedTime(sent, placed.Answered ?? s.Time.GetTimestamp()))
            : null;
}

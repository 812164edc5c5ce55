using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>
/// A partial close (scaling out): the share <see cref="CloseIntent.Fraction"/> of the size the venue shows now,
/// rounded down to the coin's size decimals, leaves reduce-only (IOC at the close slippage); then the position's
/// stop and target are resized to what remains: the new triggers are placed before the earlier ones are
/// cancelled, so the position is never without its stop (a refused new stop leaves the earlier, larger one in
/// place: reduce-only, it can never open anything). A part or a remainder worth less than the venue's $10 is
/// never sent nor left behind: a remainder under $10 closes the whole position (the close workflow), a part under
/// $10 is refused.
/// </summary>
internal sealed class ReduceWorkflow(WorkflowServices s, PositionCloser closer, ProtectionWorkflow protection, CloseWorkflow close)
{
    public async Task<ExecutionOutcome> ReduceAsync(CloseIntent intent, CancellationToken ct)
    {
        var fraction = intent.Fraction ?? throw new ArgumentException("A partial close needs a fraction.", nameof(intent));
        var decisionTs = intent.ValidatedAt ?? s.Time.GetTimestamp();
        var log = new ActionLog(intent.Symbol, s.Time);
        var result = new OutcomeBuilder(intent, log, null);
        var (rules, ruleError) = await s.Instruments.ResolveAsync(intent.Symbol, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (rules is null)
        {
            log.Refused(OrderEventAction.Reduce, ruleError!.Class, ruleError.Message);
            return result.Failure(ruleError);
        }

        var account = await s.Venue.AccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.ReadPosition, account.Error);
            return result.Failure(account.Error);
        }

        var mid = await s.Venue.MidAsync(rules.Name, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!mid.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.ReadMid, mid.Error);
            return result.Failure(mid.Error);
        }

        if (account.Value.PositionOf(rules.Name) is not { } position)
        {
            return result.Build(IntentResult.AlreadyFlat) with { Detail = $"no {rules.Name} position" };
        }

        if (position.Side != intent.Side)
        {
            var error = new Error(ErrorClass.RiskRejected, $"The {rules.Name} position is {position.Side}, not {intent.Side}: not reduced.");
            log.Refused(OrderEventAction.Reduce, error.Class, error.Message, position.AbsSize);
            return result.Failure(error);
        }

        var price = mid.Value;
        var coins = rules.RoundSizeDown(position.AbsSize * fraction);
        var remainder = position.AbsSize - coins;
        if (remainder * price < InstrumentRules.MinOrderValueUsd)
        {
            // Never leave less than the venue's minimum behind: a position that small could not be closed by itself.
            var full = await close.CloseAsync(intent with { Fraction = null }, ct).ConfigureAwait(false);
            return full with { Detail = Join(full.Detail, $"the remainder {remainder} {rules.Name} would be worth less than {InstrumentRules.MinOrderValueUsd} USD: closed in full") };
        }

        if (coins * price < InstrumentRules.MinOrderValueUsd)
        {
            var error = new Error(ErrorClass.InvalidParam, $"closing {coins} {rules.Name} at {price} is worth less than {InstrumentRules.MinOrderValueUsd} USD");
            log.Refused(OrderEventAction.Reduce, error.Class, error.Message, coins);
            return result.Failure(error);
        }

        var cloid = s.Idempotent ? IntentCloids.Reduce(intent, s.CloidScope) : (Cloid?)null;
        // Resting entries could re-open what is being reduced; the triggers (the stop) stay.
        await closer.CancelSymbolOrdersAsync(rules.Name, OrderEventAction.Cancel, log, ct, o => !(o.IsTrigger && o.ReduceOnly)).ConfigureAwait(false);
        var startedAt = s.Now;
        var outcome = await closer.ReduceAsync(rules, position.Side, coins, OrderEventAction.Reduce, cloid, log, ct).ConfigureAwait(false);
        if (outcome.FirstSent is { } sent)
        {
            result.Latency = new OrderLatency(s.Time.GetElapsedTime(decisionTs, sent), s.Time.GetElapsedTime(sent, outcome.Answered ?? s.Time.GetTimestamp()));
        }

        if (outcome.Fill is not { } fill)
        {
            if (outcome.Unresolved)
            {
                // The position keeps its (larger) stop; reconciliation sees the size the venue shows.
                return result.Build(IntentResult.Unresolved) with { ErrorClass = outcome.Error?.Class ?? ErrorClass.Unknown, Detail = outcome.Error?.Message, FailsCycle = true };
            }

            return result.Failure(outcome.Error ?? new Error(ErrorClass.Unknown, "the reduce-only order did not fill"), outcome.VenueAnswered) with
            {
                Detail = (outcome.Error?.Message ?? "not filled") + "; the position keeps its stop",
            };
        }

        result.AddFill(new ExecutionFill(OrderEventAction.Reduce, fill.TotalSize, fill.AveragePrice, fill.Oid, cloid?.Value));
        var protectionState = await ResizeAsync(rules, intent, position, fill.TotalSize, price, log, ct).ConfigureAwait(false);
        var pnl = await RealizedAsync(startedAt, fill.Oid, cloid, ct).ConfigureAwait(false);
        return result.Build(IntentResult.Reduced) with
        {
            RealizedPnl = pnl,
            Protection = protectionState,
            Detail = protectionState.Reason,
            FailsCycle = protectionState.Status == ProtectionStatus.Unprotected,
            ErrorClass = protectionState.Status == ProtectionStatus.Unprotected ? ErrorClass.ExchangeDown : null,
        };
    }

    /// <summary>The stop and target of what remains: the size the venue shows after the fill (the ledger's entry of the position carries the prices).</summary>
    private async Task<ProtectionState> ResizeAsync(Domain.InstrumentRules rules, CloseIntent intent, Position before, decimal filled, decimal price, ActionLog log, CancellationToken ct)
    {
        var entry = s.Ledger.Active(s.TraderId).LastOrDefault(e => e.Symbol == rules.Name && e.Side == intent.Side && e.Status is LedgerStatus.Open or LedgerStatus.Protected);
        if (entry is null)
        {
            return new ProtectionState(ProtectionStatus.Protected, before.AbsSize - filled, Reason: "no ledger entry of ours for the position: its triggers were left as they are (reduce-only)");
        }

        var account = await s.Venue.AccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        var remaining = account.IsSuccess ? account.Value.PositionOf(rules.Name)?.AbsSize ?? 0m : before.AbsSize - filled;
        if (remaining <= 0m)
        {
            // Flat after all (a trigger fired in between): the close workflow's clean-up is the reconciliation's.
            return new ProtectionState(ProtectionStatus.None, Reason: "the position is flat after the reduce");
        }

        var (state, _) = await protection.ReplaceAsync(entry with { FilledSize = remaining }, rules, price, log, flattenOnFailure: false, ct).ConfigureAwait(false);
        return state;
    }

    private async Task<decimal?> RealizedAsync(DateTimeOffset startedAt, long oid, Cloid? cloid, CancellationToken ct)
    {
        var fills = await s.Venue.FillsAsync(startedAt - TimeSpan.FromMinutes(1), RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!fills.IsSuccess)
        {
            return null;
        }

        var ours = fills.Value!.Where(f => f.Oid == oid || (cloid is { } c && f.Cloid?.Value == c.Value)).ToArray();
        return ours.Length > 0 ? ours.Sum(f => f.NetPnl) : null;
    }

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;
}

using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;

namespace Halyard.Execution.Workflows;

/// <summary>
/// The close workflow: cancel the symbol's resting entry orders (not its stop), close reduce-only with a small
/// protective slippage (IOC), verify flat on <c>clearinghouseState</c>, then cancel the triggers and any leftover, mark the ledger
/// entries closed and read the realised PnL (net of fees) from the venue's fills.
/// </summary>
internal sealed class CloseWorkflow(WorkflowServices s, PositionCloser closer)
{
    public async Task<ExecutionOutcome> CloseAsync(CloseIntent intent, CancellationToken ct)
    {
        var decisionTs = intent.ValidatedAt ?? s.Time.GetTimestamp();
        var log = new ActionLog(intent.Symbol, s.Time);
        var result = new OutcomeBuilder(intent, log, null);
        var (rules, ruleError) = await s.Instruments.ResolveAsync(intent.Symbol, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (rules is null)
        {
            log.Refused(OrderEventAction.Close, ruleError!.Class, ruleError.Message);
            return result.Failure(ruleError);
        }

        var startedAt = s.Now;
        var run = await closer.CloseAsync(rules, intent.Side, OrderEventAction.Close, r => s.Idempotent ? IntentCloids.Close(intent, r, s.CloidScope) : null, log, ct).ConfigureAwait(false);
        foreach (var fill in run.Fills)
        {
            result.AddFill(fill);
        }

        if (run.FirstOrder is { FirstSent: { } sent } first)
        {
            result.Latency = new OrderLatency(s.Time.GetElapsedTime(decisionTs, sent), s.Time.GetElapsedTime(sent, first.Answered ?? s.Time.GetTimestamp()));
        }

        if (!run.Flat)
        {
            // The position keeps its stop (nothing protective was cancelled); the cycle opens nothing while a
            // close it decided on is not done. A position of the other side was not touched: no failure of the cycle.
            var stillOpen = run.HadPosition && !run.OtherSide;
            if (run.Unresolved)
            {
                return result.Build(IntentResult.Unresolved) with { ErrorClass = run.Error?.Class ?? ErrorClass.Unknown, Detail = run.Error?.Message, FailsCycle = true };
            }

            var failed = result.Failure(run.Error ?? new Domain.Error(ErrorClass.Unknown, "not flat"));
            return stillOpen ? failed with { FailsCycle = true, Detail = failed.Detail + "; the position keeps its stop" } : failed;
        }

        foreach (var entry in s.Ledger.Active(s.TraderId).Where(e => e.Symbol == rules.Name))
        {
            s.Save(entry with { Status = LedgerStatus.Closed, Note = "closed by decision " + intent.DecisionId });
        }

        if (!run.HadPosition)
        {
            return result.Build(IntentResult.AlreadyFlat) with { Detail = $"no {rules.Name} position" + (run.LeftoversCancelled ? string.Empty : "; some orders could not be cancelled") };
        }

        decimal? pnl = null;
        var fills = await s.Venue.FillsAsync(startedAt - TimeSpan.FromMinutes(1), RetryProfile.Protective, ct).ConfigureAwait(false);
        if (fills.IsSuccess)
        {
            var oids = run.Fills.Where(f => f.Oid is not null).Select(f => f.Oid!.Value).ToHashSet();
            var ours = fills.Value.Where(f => (f.Cloid is { } c && run.Cloids.Contains(c.Value)) || oids.Contains(f.Oid)).ToArray();
            pnl = ours.Length > 0 ? ours.Sum(f => f.NetPnl) : null;
        }

        return result.Build(IntentResult.Closed) with
        {
            RealizedPnl = pnl,
            Detail = run.LeftoversCancelled ? null : "flat, but a leftover order could not be cancelled; reconciliation retries",
        };
    }
}

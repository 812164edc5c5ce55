using System.Globalization;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Reconciliation;
using Halyard.Journal;

namespace Halyard.Cycle;

/// <summary>
/// The last pass of a trader when <c>halyard run</c> stops, after its loop ended (no new decision): one
/// reconciliation, so every position of the trader has a live stop covering it (placed where missing); with
/// <see cref="StopPolicy.Flatten"/> each of its positions is then closed reduce-only (one that cannot be
/// closed keeps its stop). The pass is journaled as one more cycle record; its one-line summary is returned.
/// </summary>
internal sealed class TraderShutdown(TraderSetup setup, TraderServices s, TraderState state, ResilientJournal journal)
{
    public async Task<string> RunAsync(StopPolicy policy, CancellationToken force)
    {
        force.ThrowIfCancellationRequested();
        state.Cycle++;
        var now = s.Clock.GetUtcNow();
        var actions = new List<ActionRecord>();
        var report = await s.Orders.ReconcileAsync(new ReconcileRequest(state.Cycle, state.AtrBySymbol), force).ConfigureAwait(false);
        actions.AddRange(OrderEventNames.ToRecords(report.Actions));
        var managed = report.Positions.Where(p => p.Managed).ToArray();
        var closed = 0;
        var failed = new List<string>();
        if (policy == StopPolicy.Flatten)
        {
            foreach (var position in managed)
            {
                var intent = new CloseIntent
                {
                    TraderId = setup.TraderId,
                    Cycle = state.Cycle,
                    DecisionId = string.Create(CultureInfo.InvariantCulture, $"{setup.TraderId}/{state.Cycle}/on_stop"),
                    Symbol = position.Symbol,
                    Side = position.Side,
                };
                state.InHand = $"close {position.Symbol} {position.Side} (on_stop: flatten)";
                var outcome = await s.Orders.CloseAsync(intent, force).ConfigureAwait(false);
                state.InHand = null;
                actions.AddRange(OrderEventNames.ToRecords(outcome.Actions));
                if (outcome.Result is IntentResult.Closed or IntentResult.AlreadyFlat)
                {
                    closed++;
                }
                else
                {
                    failed.Add(position.Symbol + ": " + outcome.Detail);
                }
            }
        }

        var unprotected = managed.Where(p => p.Protection.Status == ProtectionStatus.Unprotected).Select(p => p.Symbol).ToArray();
        var problem = report.FailsCycle ? "reconciliation failed: " + report.Error
            : unprotected.Length > 0 ? "WITHOUT A STOP: " + string.Join(", ", unprotected)
            : failed.Count > 0 ? "not closed (each keeps its stop): " + string.Join("; ", failed)
            : null;
        var summary = policy == StopPolicy.Flatten
            ? string.Create(CultureInfo.InvariantCulture, $"{setup.TraderId}: on_stop flatten: {closed} of {managed.Length} position(s) closed")
            : string.Create(CultureInfo.InvariantCulture, $"{setup.TraderId}: on_stop keep: {managed.Length - unprotected.Length} of {managed.Length} position(s) with a live stop");
        var appended = journal.Append(new DecisionCycleRecord
        {
            Timestamp = now,
            TraderId = setup.TraderId,
            Cycle = state.Cycle,
            Success = problem is null,
            Actions = ActionVenues.Stamp(actions, setup.Shadow),
            Gating = GatingRecord.Open with { Shadow = setup.Shadow },
            ErrorMessage = problem is null ? "stopped (" + summary + ")" : "stopped: " + problem,
        });
        if (!appended.Written)
        {
            // The process is ending: what the disk would not take is said here, since the journal cannot say it.
            problem = (problem is null ? string.Empty : problem + "; ") + string.Create(CultureInfo.InvariantCulture,
                $"JOURNAL NOT WRITTEN: {journal.Held} record(s) lost ({journal.Problem})");
        }

        return problem is null ? summary : summary + "; " + problem;
    }
}

using System.Globalization;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Journal;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>
/// The circuit breakers' part of a cycle: apply the operator resumes asked for since the last cycle, feed
/// the trader's equity to the breakers, and when one trips with <c>on_breach: flatten</c>, close every
/// position of the trader through the Orchestrator. Each resume, trip and flatten is an action of the
/// cycle's record (<c>operator_resume</c>, <c>circuit_breaker</c>, then the closes' own actions).
/// </summary>
internal sealed class BreakerStep(TraderSetup setup, TraderServices s, TraderState state)
{
    public async Task<IReadOnlyList<ActionRecord>> RunAsync(AccountSnapshot account, DateTimeOffset now, CancellationToken ct)
    {
        var actions = new List<ActionRecord>();
        var equity = account.AccountValue;
        foreach (var resume in state.TakeResumes())
        {
            var tripped = state.Breakers.DrawdownTripped;
            state.Breakers = state.Breakers.Resume(equity);
            actions.Add(new ActionRecord
            {
                Symbol = "",
                Action = ActionNames.OperatorResume,
                Result = tripped ? ActionNames.Resumed : ActionNames.NotTripped,
                ErrorDetail = Inv($"by {resume.By} at {resume.RequestedAt:O}{(resume.Note is null ? "" : ": " + resume.Note)}; the high-water mark restarts at {equity}"),
            });
        }

        var (next, trips) = state.Breakers.Observe(equity, now, setup.Limits);
        state.Breakers = next;
        foreach (var trip in trips)
        {
            var reference = trip.Breaker == BreakerNames.DailyLoss ? "the UTC day's opening equity" : "the high-water mark";
            var limit = trip.Breaker == BreakerNames.DailyLoss ? setup.Limits.MaxDailyLossPct : setup.Limits.MaxDrawdownPct;
            actions.Add(new ActionRecord
            {
                Symbol = "",
                Action = ActionNames.CircuitBreaker,
                Result = trip.Breaker,
                Price = trip.Equity,
                ErrorDetail = Inv($"equity {trip.Equity} is {decimal.Round(trip.LossPct, 4)} % below {reference} {trip.Reference} (limit {limit} %); new opens stop ({(trip.Breaker == BreakerNames.DailyLoss ? "until the UTC day rolls over" : "until an operator resumes the trader")}); on_breach: {(setup.Limits.OnBreach == BreachAction.Flatten ? "flatten" : "pause")}"),
            });
        }

        if (trips.Count > 0 && setup.Limits.OnBreach == BreachAction.Flatten)
        {
            foreach (var position in account.Positions.Where(p => p.Size != 0m))
            {
                var close = new TradingDecision(position.Coin, position.Side == PositionSide.Long ? DecisionAction.CloseLong : DecisionAction.CloseShort, Reasoning: "circuit breaker: flatten");
                var decisionId = Inv($"{setup.TraderId}/{state.Cycle}/breaker/{position.Coin}");
                var outcome = await s.Orders.CloseAsync(close.ToCloseIntent(setup.TraderId, state.Cycle, decisionId, s.Wall.GetTimestamp()), CancellationToken.None).ConfigureAwait(false);
                actions.AddRange(OrderEventNames.ToRecords(outcome.Actions));
                if (outcome.Result is IntentResult.Closed or IntentResult.AlreadyFlat || outcome.FilledSize > 0m)
                {
                    state.MarkClosed(position.Coin, now);
                    state.Memory.NoteClose(position.Coin, now, "breaker");
                }

                if (ct.IsCancellationRequested)
                {
                    break;
                }
            }

            state.FillsPossible |= actions.Any(a => a.Attempts > 0);
        }

        return actions;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

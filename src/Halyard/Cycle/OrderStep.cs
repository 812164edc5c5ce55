using System.Globalization;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Journal;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>What steps 6–7 work on: the venue view, the trader's account, the snapshots the model saw, the
/// first check's context and verdicts, and each verdict's index in the proposed decisions.</summary>
internal sealed record OrderStepInput(
    VenueView Venue,
    AccountSnapshot Account,
    IReadOnlyDictionary<string, MarketSnapshot> Snapshots,
    ValidationContext Validation,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<int> ProposedIndex,
    string? OpensBlocked = null);

/// <summary>One decision's final verdict (the pre-trade re-check replaces the first one when it rejects).</summary>
internal sealed record FinalVerdict(int ProposedIndex, Verdict Verdict);

internal sealed record OrderStepResult(
    IReadOnlyList<FinalVerdict> Verdicts,
    IReadOnlyList<OrderEvent> Actions,
    IReadOnlyList<OrderLatencyRecord> Latencies,
    string? Problem,
    bool VenueDown);

/// <summary>
/// Steps 6–7: sort the executable decisions closes first, cap the opens per cycle and per hour, execute the
/// closes through the Orchestrator, then re-read the account and the prices and validate the opens again
/// (second line of defence: an open the re-check rejects, or whose price moved past the staleness bound, is
/// not sent), then send them. A shadow trader's Orchestrator sends them to its own paper account.
/// An outcome that fails the cycle (venue down, a position left without a stop) stops the sending.
/// </summary>
internal sealed class OrderStep(TraderSetup setup, TraderServices s, TraderState state)
{
    private readonly List<OrderEvent> _actions = [];
    private readonly List<OrderLatencyRecord> _latencies = [];
    private string? _problem;
    private string? _failure;

    public async Task<OrderStepResult> RunAsync(OrderStepInput input, CancellationToken ct)
    {
        var (finals, closes, executableOpens) = Split(input.Verdicts, input.ProposedIndex);
        var opens = Cap(executableOpens, finals, input.Validation.Now);
        var now = input.Validation.Now;

        foreach (var close in closes)
        {
            if (_failure is not null || ct.IsCancellationRequested)
            {
                break;
            }

            var intent = close.Verdict.Executable!.ToCloseIntent(setup.TraderId, state.Cycle, DecisionId(close), s.Wall.GetTimestamp());
            var probe = s.VenueTimer?.Begin();
            // An intent once started is finished even when the trader is being stopped: a half-done open could
            // leave a position without its stop. Stopping only prevents the next intent.
            state.InHand = $"close {intent.Symbol} {intent.Side}";
            var outcome = Record(await s.Orders.CloseAsync(intent, s.Force).ConfigureAwait(false), probe);
            state.InHand = null;
            // A partial close (Reduced) leaves the position held: no cooldown, no closed trade; its plan stays.
            if (outcome.Result != IntentResult.Reduced && (outcome.Result is IntentResult.Closed or IntentResult.AlreadyFlat || outcome.FilledSize > 0m))
            {
                state.MarkClosed(intent.Symbol, now);
                state.Memory.NoteClose(intent.Symbol, now, "model");
            }
        }

        if (opens.Count > 0 && _failure is null && state.JournalProblem is { } unjournaled)
        {
            _problem = "opens not sent: " + unjournaled;
            _actions.AddRange(opens.Select(o => NotSent(o.Verdict.Decision.Symbol, OrderEventResult.BlockedJournal, unjournaled)));
        }
        else if (opens.Count > 0 && _failure is null && input.OpensBlocked is { } blocked)
        {
            _problem = "opens not sent: " + blocked;
            _actions.AddRange(opens.Select(o => NotSent(o.Verdict.Decision.Symbol, OrderEventResult.BlockedUnsettled, blocked)));
        }
        else if (opens.Count > 0 && _failure is null)
        {
            await OpenAsync(opens, finals, input, ct).ConfigureAwait(false);
        }

        state.FillsPossible |= _actions.Any(a => a.Attempts > 0);
        return new OrderStepResult(finals, _actions, _latencies, _failure ?? _problem, _failure is not null);
    }

    private async Task OpenAsync(IReadOnlyList<FinalVerdict> opens, FinalVerdict[] finals, OrderStepInput input, CancellationToken ct)
    {
        // Fresh account (the closes may have freed margin and slots) and fresh prices.
        var account = input.Account;
        if (_actions.Any(a => a.Attempts > 0))
        {
            var reread = await s.Reader.GetAccountAsync(ct).ConfigureAwait(false);
            if (!reread.IsSuccess)
            {
                _problem = "pre-trade account re-read failed: " + reread.Error.Message + "; opens not sent";
                return;
            }

            account = (input.Venue with { Account = reread.Value }).TraderAccount(coin => s.Ownership.IsOwnedBy(coin, setup.TraderId), setup.AllocationPct);
        }

        var mids = await s.Reader.GetMidsAsync(ct).ConfigureAwait(false);
        if (!mids.IsSuccess)
        {
            _problem = "pre-trade prices failed: " + mids.Error.Message + "; opens not sent";
            return;
        }

        var fresh = input.Validation with
        {
            Account = account,
            Equity = account.AccountValue,
            Assets = input.Venue.WithMids(mids.Value),
            Now = s.Clock.GetUtcNow(),
        };
        var recheck = s.Validator.ValidateBatch([.. opens.Select(o => o.Verdict.Executable!)], fresh);
        for (var i = 0; i < opens.Count && _failure is null && !ct.IsCancellationRequested; i++)
        {
            var validatedAt = s.Wall.GetTimestamp();
            var open = opens[i];
            var verdict = recheck[i];
            var symbol = open.Verdict.Decision.Symbol;
            if (!verdict.IsExecutable)
            {
                Replace(finals, open, verdict);
                _actions.Add(NotSent(symbol, OrderEventResult.RejectedPreTrade, "second check against fresh prices: " + string.Join("; ", verdict.Violations)));
                continue;
            }

            var live = fresh.Assets[symbol].LivePrice;
            if (input.Snapshots.TryGetValue(symbol, out var seen) && seen.Price > 0m
                && Math.Abs((live / seen.Price) - 1m) * 10_000m > setup.StalenessMaxMoveBps)
            {
                _actions.Add(NotSent(symbol, OrderEventResult.DiscardedStale, string.Create(CultureInfo.InvariantCulture,
                    $"the price moved from {seen.Price} to {live}, more than {setup.StalenessMaxMoveBps} bps since the snapshot")));
                continue;
            }

            // The coin is claimed BEFORE the order leaves: two traders on one account must never open the same coin
            // in the same tick (the venue nets them into one position). A shadow trader claims in the ownership map of
            // its own paper account, so it never blocks (nor is blocked by) the live traders.
            var claimedNow = !s.Ownership.IsOwnedBy(symbol, setup.TraderId);
            if (!s.Ownership.Claim(symbol, setup.TraderId))
            {
                _actions.Add(NotSent(symbol, OrderEventResult.ClaimedByOtherTrader, $"{symbol} is held or being opened by trader {s.Ownership.OwnerOf(symbol)} on this account"));
                continue;
            }

            var scaleIn = setup.Guards.ScaleIn && fresh.Account.PositionOf(symbol) is { } held && held.Side == (verdict.Executable.Action == DecisionAction.OpenLong ? PositionSide.Long : PositionSide.Short);
            var intent = verdict.Executable.ToOpenIntent(setup.TraderId, state.Cycle, DecisionId(open), validatedAt, scaleIn);
            var probe = s.VenueTimer?.Begin();
            state.InHand = $"open {intent.Symbol} {intent.Side}";
            var outcome = Record(await s.Orders.OpenAsync(intent, s.Force).ConfigureAwait(false), probe);
            state.InHand = null;
            var nothingHeld = (outcome.FilledSize == 0m && outcome.Result is IntentResult.NotFilled or IntentResult.Rejected or IntentResult.Failed or IntentResult.Skipped)
                || outcome.Protection.Status == ProtectionStatus.Flattened;
            if (claimedNow && nothingHeld)
            {
                s.Ownership.Release(symbol, setup.TraderId);
            }

            if (outcome.FilledSize > 0m)
            {
                state.MarkOpened(fresh.Now);
            }

            if (outcome.FilledSize > 0m && outcome.Protection.Status != ProtectionStatus.Flattened)
            {
                s.Ownership.Claim(symbol, setup.TraderId);
                var d = verdict.Executable;
                var plan = new PositionPlan(d.Reasoning, d.InvalidationCondition, d.StopLoss, d.TakeProfit, state.Cycle, fresh.Now);
                if (scaleIn)
                {
                    state.Memory.RememberAdd(symbol, plan);
                }
                else
                {
                    state.Memory.RememberPlan(symbol, plan);
                }
            }

            if (outcome.SuggestedSizeUsd is { } suggested)
            {
                state.Memory.NoteSuggestion(new SizeDownSuggestion(symbol, verdict.Executable.PositionSizeUsd ?? 0m, suggested, state.Cycle));
                Suggest(symbol, suggested);
            }
        }
    }

    /// <summary>
    /// Collects the outcome's actions and its latency. The decision-to-order time is our own: the time the
    /// requests before the order spent outside the process (reading the mid, the leverage update's round
    /// trip) is taken out; the order's own round trip is the send-to-response time.
    /// </summary>
    private ExecutionOutcome Record(ExecutionOutcome outcome, Venue.VenueTimer.Probe? probe)
    {
        _actions.AddRange(outcome.Actions);
        if (outcome.Latency is { } latency && outcome.Intent.ValidatedAt is { } validated)
        {
            var sentAt = validated + (long)(latency.DecisionToSend.TotalSeconds * s.Wall.TimestampFrequency);
            var outside = probe?.OutsideBefore(sentAt) ?? 0;
            var own = latency.DecisionToSend - TimeSpan.FromSeconds(outside / (double)s.Wall.TimestampFrequency);
            _latencies.Add(new OrderLatencyRecord(
                outcome.Intent.Symbol, outcome.EntryCloid, Math.Max(0d, own.TotalMilliseconds), latency.SendToResponse.TotalMilliseconds));
        }

        if (outcome.FailsCycle)
        {
            _failure = string.Create(CultureInfo.InvariantCulture, $"{outcome.Intent.Symbol}: {outcome.Result} ({outcome.ErrorClass}): {outcome.Detail}; the cycle stopped sending");
        }

        return outcome;
    }

    /// <summary>Records an Insufficient rejection's size-down suggestion on the entry's action.</summary>
    private void Suggest(string symbol, decimal suggested)
    {
        var at = _actions.FindLastIndex(a => a.Symbol == symbol && a.Action == OrderEventAction.Entry);
        if (at >= 0)
        {
            _actions[at] = _actions[at] with { SuggestedSizeUsd = suggested };
        }
    }

    private string DecisionId(FinalVerdict verdict) =>
        string.Create(CultureInfo.InvariantCulture, $"{setup.TraderId}/{state.Cycle}/{verdict.ProposedIndex}");

    /// <summary>The final verdicts (the first check's, by proposed index), and of the executable ones the closes and the opens, each in order.</summary>
    internal static (FinalVerdict[] Finals, FinalVerdict[] Closes, FinalVerdict[] Opens) Split(IReadOnlyList<Verdict> verdicts, IReadOnlyList<int> proposedIndex)
    {
        var finals = new FinalVerdict[verdicts.Count];
        List<FinalVerdict>? closes = null;
        List<FinalVerdict>? opens = null;
        for (var i = 0; i < finals.Length; i++)
        {
            var final = finals[i] = new FinalVerdict(proposedIndex[i], verdicts[i]);
            if (final.Verdict is not { IsExecutable: true, Executable: { } executable })
            {
                continue;
            }

            if (executable.IsClose)
            {
                (closes ??= []).Add(final);
            }

            if (executable.IsOpen)
            {
                (opens ??= []).Add(final);
            }
        }

        return (finals, closes is null ? [] : [.. closes], opens is null ? [] : [.. opens]);
    }

    /// <summary>The per-cycle and per-hour ceilings, enforced here too: opens past them are rejected, not sent.</summary>
    private IReadOnlyList<FinalVerdict> Cap(FinalVerdict[] opens, FinalVerdict[] finals, DateTimeOffset now)
    {
        var limits = setup.Limits;
        var perCycle = setup.Guards.NewOpensPerCycle ? limits.MaxNewPositionsPerCycle : int.MaxValue;
        var perHour = setup.Guards.NewOpensPerHour ? Math.Max(0, limits.MaxNewPositionsPerHour - state.OpensInLastHour(now)) : int.MaxValue;
        var allowed = Math.Min(perCycle, perHour);
        if (opens.Length <= allowed)
        {
            return opens;
        }

        foreach (var open in opens.Skip(allowed))
        {
            var code = perCycle <= perHour ? ReasonCode.CycleOpenCapReached : ReasonCode.HourlyOpenCapReached;
            var detail = string.Create(CultureInfo.InvariantCulture, $"the Manager's ceiling: {allowed} new open(s) allowed now");
            Replace(finals, open, Verdict.Reject(open.Verdict.Index, open.Verdict.Decision, [new RuleViolation(code, detail)]));
        }

        return opens.Take(allowed).ToArray();
    }

    private static void Replace(FinalVerdict[] finals, FinalVerdict old, Verdict verdict)
    {
        var at = Array.IndexOf(finals, old);
        finals[at] = old with { Verdict = verdict };
    }

    private static OrderEvent NotSent(string symbol, OrderEventResult result, string detail) => new()
    {
        Symbol = symbol,
        Action = OrderEventAction.Entry,
        Result = result,
        ErrorClass = ErrorClass.RiskRejected,
        ErrorDetail = detail,
        Attempts = 0,
    };
}

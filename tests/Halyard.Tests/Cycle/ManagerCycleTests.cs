using Halyard.Cycle;
using Halyard.Execution;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Journal;
using Halyard.Risk;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

public class ManagerCycleTests
{
    [Fact]
    public async Task RunCycle_CloseAndOpenInOneBatch_SendsTheCloseFirst()
    {
        var h = new CycleHarness();
        h.Holds("AVAX", 500m, 20m);
        h.Maker.Then(h.Open("SOL"), new TradingDecision("AVAX", DecisionAction.CloseLong, Confidence: 80));

        var record = await h.RunAsync();

        Assert.True(record.Success, record.ErrorMessage);
        Assert.IsType<CloseIntent>(h.Venue.Intents[0]);
        Assert.IsType<OpenIntent>(h.Venue.Intents[1]);
        Assert.Equal(["AVAX", "SOL"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.Equal(["close", "entry"], record.Actions.Select(a => a.Action));
        Assert.All(record.Verdicts, v => Assert.Equal(VerdictKinds.Accepted, v.Verdict));
    }

    [Fact]
    public async Task RunCycle_MoreOpensThanThePerCycleCap_SendsOnlyTheCapAndRejectsTheRest()
    {
        var h = new CycleHarness(s => s with { Limits = s.Limits with { MaxNewPositionsPerCycle = 1 } });
        h.Maker.Then(h.Open("SOL"), h.Open("AVAX"), h.Open("LINK"));

        var record = await h.RunAsync();

        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.Equal([VerdictKinds.Accepted, VerdictKinds.Rejected, VerdictKinds.Rejected], record.Verdicts.Select(v => v.Verdict));
        Assert.All(record.Verdicts.Skip(1), v => Assert.Equal("cycle_open_cap_reached", v.ReasonCodes[0]));
    }

    [Fact]
    public async Task RunCycles_OpensEveryCycle_StopAtTheHourlyCapUntilTheHourHasPassed()
    {
        var h = new CycleHarness(s => s with { Limits = s.Limits with { MaxNewPositionsPerHour = 2, MaxPositions = 10, MaxMarginUsagePct = 100m } });
        h.Maker.Then(h.Open("SOL", sizeUsd: 8_500m)).Then(h.Open("AVAX", sizeUsd: 8_500m)).Then(h.Open("LINK", sizeUsd: 8_500m));

        await h.StepAsync();
        await h.StepAsync();
        var third = await h.StepAsync();

        Assert.Equal(["SOL", "AVAX"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.Equal("hourly_open_cap_reached", Assert.Single(third.Verdicts).ReasonCodes[0]);

        h.Clock.Advance(TimeSpan.FromHours(1));
        h.Maker.Then(h.Open("LINK", sizeUsd: 8_500m));
        var later = await h.RunAsync();
        Assert.Equal(VerdictKinds.Accepted, Assert.Single(later.Verdicts).Verdict);
        Assert.Equal("LINK", h.Venue.Intents[^1].Symbol);
    }

    [Fact]
    public async Task RunCycle_FreshPriceBreaksTheStop_OpenIsRejectedBeforeSendingAndNotExecuted()
    {
        var h = new CycleHarness();
        var open = h.Open("SOL");
        h.Maker.Then(open);
        // Between the first check and the order the price falls below the stop: a long would open under its own stop.
        h.Venue.FreshMids.Enqueue(new Dictionary<string, decimal>(h.Venue.Prices) { ["SOL"] = open.StopLoss!.Value - 1m });

        var record = await h.RunAsync();

        Assert.Empty(h.Venue.Intents);
        var verdict = Assert.Single(record.Verdicts);
        Assert.Equal(VerdictKinds.Rejected, verdict.Verdict);
        Assert.Equal("price_relation_invalid", verdict.ReasonCodes[0]);
        var action = Assert.Single(record.Actions);
        Assert.Equal(("entry", "rejected_pre_trade", 0), (action.Action, action.Result, action.Attempts));
    }

    [Fact]
    public async Task RunCycle_PriceMovedPastTheStalenessBound_OpenIsDiscarded()
    {
        var h = new CycleHarness(s => s with { StalenessMaxMoveBps = 50m });
        h.Maker.Then(h.Open("SOL"));
        h.Venue.FreshMids.Enqueue(new Dictionary<string, decimal>(h.Venue.Prices) { ["SOL"] = 149.2m }); // −53 bps, still a valid long (reward/risk improves)

        var record = await h.RunAsync();

        Assert.Empty(h.Venue.Intents);
        Assert.Equal("discarded_stale", Assert.Single(record.Actions).Result);
    }

    [Fact]
    public async Task RunCycle_AnOpenFailsTheCycle_SendsNothingAfterIt()
    {
        var h = new CycleHarness(s => s with { Limits = s.Limits with { MaxNewPositionsPerCycle = 3 } });
        h.Venue.OpenOutcome = intent => intent.Symbol == "SOL"
            ? new ExecutionOutcome { Intent = intent, Result = IntentResult.Failed, ErrorClass = ErrorClass.ExchangeDown, Detail = "connection refused", FailsCycle = true }
            : null;
        h.Maker.Then(h.Open("SOL"), h.Open("AVAX"));

        var record = await h.RunAsync();

        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.False(record.Success);
        Assert.Contains("the cycle stopped sending", record.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_MultiDecisionOff_ConsidersOnlyTheFirstActionableDecision()
    {
        var h = new CycleHarness(s => s with { MultiDecision = false, Limits = s.Limits with { MaxNewPositionsPerCycle = 3 } });
        h.Maker.Then(new TradingDecision("BTC", DecisionAction.Hold), h.Open("SOL"), h.Open("AVAX"));

        var record = await h.RunAsync();

        Assert.Equal(3, record.Decisions.Count);
        var verdict = Assert.Single(record.Verdicts);
        Assert.Equal((1, "SOL"), (verdict.DecisionIndex, verdict.Symbol));
        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
    }

    [Fact]
    public async Task RunCycles_SharpeBreach_PausesOpensWhileClosesAndReconciliationContinue()
    {
        var h = new CycleHarness(s => s with { AnalyticsWindow = 20 });
        var value = 10_000m;
        var step = 0;
        h.Venue.AccountValue = () => value *= ++step % 2 == 0 ? 0.995m : 0.998m; // falling: a strongly negative Sharpe
        h.Holds("AVAX", 500m, 20m);
        for (var i = 0; i < 11; i++)
        {
            await h.StepAsync();
        }

        h.Maker.Then(h.Open("SOL"), new TradingDecision("AVAX", DecisionAction.CloseLong, Confidence: 80));
        var reconcilesBefore = h.Venue.Reconciles;
        var record = await h.RunAsync();

        Assert.NotNull(record.Gating.PausedUntil);
        Assert.False(record.Gating.OpensAllowed);
        Assert.Equal("opens_paused", record.Verdicts.Single(v => v.Symbol == "SOL").ReasonCodes[0]);
        Assert.Equal(["AVAX"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.IsType<CloseIntent>(h.Venue.Intents[0]);
        Assert.Equal(reconcilesBefore + 1, h.Venue.Reconciles);
        Assert.True(h.Maker.Contexts[^1].IsGated);
    }

    [Fact]
    public async Task RunCycles_GatingOff_NoPauseOnTheSameBreach()
    {
        var h = new CycleHarness(s => s with { AnalyticsWindow = 20, Gating = false });
        var value = 10_000m;
        var step = 0;
        h.Venue.AccountValue = () => value *= ++step % 2 == 0 ? 0.995m : 0.998m;
        for (var i = 0; i < 11; i++)
        {
            await h.StepAsync();
        }

        h.Maker.Then(h.Open("SOL"));
        var record = await h.RunAsync();

        Assert.True(record.Gating.OpensAllowed);
        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
    }

    [Fact]
    public async Task RunCycles_RepeatedModelFailures_EnterSafeModeAndTheNextAnswerLeavesIt()
    {
        var h = new CycleHarness(s => s with { AsksModel = true, SafeModeAfterLlmFailures = 3 });
        h.Maker.ThenFail().ThenFail(DecisionErrorKind.Timeout).ThenFail().Then(h.Open("SOL"));

        var first = await h.StepAsync();
        var second = await h.StepAsync();
        var third = await h.StepAsync();

        Assert.Equal(ParseOutcomes.ModelError, first.ParseOutcome);
        Assert.False(second.Gating.SafeMode);
        Assert.True(third.Gating.SafeMode);
        Assert.False(third.Gating.OpensAllowed);
        Assert.Equal(3, third.Gating.ConsecutiveLlmFailures);

        var recovered = await h.StepAsync();
        Assert.False(recovered.Gating.SafeMode);
        Assert.True(recovered.Gating.OpensAllowed);
        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
    }

    [Fact]
    public async Task RunCycle_SafeModeWithAnUnparseableAnswer_CountsAsAnsweredAndLeavesSafeMode()
    {
        var h = new CycleHarness(s => s with { AsksModel = true, SafeModeAfterLlmFailures = 1 });
        h.Maker.ThenFail().ThenFail(DecisionErrorKind.Unparseable);

        Assert.True((await h.StepAsync()).Gating.SafeMode);
        var next = await h.StepAsync();
        Assert.False(next.Gating.SafeMode);
        Assert.Equal(ParseOutcomes.Failed, next.ParseOutcome);
    }

    [Fact]
    public async Task RunCycle_StoppedWhileSending_FinishesTheIntentInHandSendsNoMoreAndJournals()
    {
        var h = new CycleHarness(s => s with { Limits = s.Limits with { MaxNewPositionsPerCycle = 2 } });
        using var stop = new CancellationTokenSource();
        h.Venue.Executing = _ => stop.Cancel();
        h.Maker.Then(h.Open("SOL"), h.Open("AVAX"));

        var record = await h.Cycle.RunCycleAsync(stop.Token);

        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.Equal("filled", Assert.Single(record.Actions).Result);
        Assert.Same(record, Assert.Single(((MemoryJournal)h.Journal).Records));
    }

    [Fact]
    public async Task RunCycle_AccountUnreadable_JournalsAFailedCycleAndDecidesNothing()
    {
        var h = new CycleHarness();
        h.Venue.AccountFailure = new Error(ErrorClass.ExchangeDown, "503");
        h.Maker.Then(h.Open("SOL"));

        var record = await h.RunAsync();

        Assert.False(record.Success);
        Assert.Contains("clearinghouseState", record.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(h.Maker.Contexts);
        Assert.Single(((MemoryJournal)h.Journal).Records);
    }

    [Fact]
    public async Task RunCycles_ACloseFills_CooldownBlocksReopeningTheCoin()
    {
        var h = new CycleHarness();
        h.Holds("AVAX", 500m, 20m);
        h.Maker.Then(new TradingDecision("AVAX", DecisionAction.CloseLong, Confidence: 80)).Then(h.Open("AVAX"));

        await h.StepAsync();
        var record = await h.StepAsync();

        Assert.Equal("cooldown_active", Assert.Single(record.Verdicts).ReasonCodes[0]);
        Assert.Single(h.Venue.Intents);
    }

    [Fact]
    public async Task RunCycles_JournalRecordsEveryCycleWithAccountAndCandidates()
    {
        var h = new CycleHarness();
        h.Maker.Then(h.Open("SOL"));

        var first = await h.StepAsync();
        var second = await h.StepAsync();

        Assert.Equal([1L, 2L], ((MemoryJournal)h.Journal).Records.Select(r => r.Cycle));
        Assert.Equal(CycleHarness.Start, first.Timestamp);
        Assert.Equal(10_000m, first.AccountSnapshot!.AccountValue);
        Assert.Contains("SOL", first.Candidates);
        Assert.Equal("SOL", Assert.Single(second.PositionsSnapshot).Coin);
        Assert.True(first.WallClock.CycleOverheadMs >= 0);
        Assert.Single(first.WallClock.OrderLatencies);
    }
}

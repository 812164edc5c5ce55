using Halyard.Cycle;
using Halyard.Journal.Analytics;
using Halyard.Risk;
using Halyard.Tests.Journal.Analytics;
using Halyard.Risk.Gating;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Risk.Gating;

public class GateTests
{
    private static readonly GateOptions Options = GateOptions.From(new RiskLimits());   // −0.5, 18 min, safe mode after 3

    [Fact]
    public void From_DefaultLimits_TakesTheDesignDefaults()
    {
        Assert.Equal(-0.5, Options.SharpePauseThreshold);
        Assert.Equal(TimeSpan.FromMinutes(18), Options.PauseDurationOnBreach);
        Assert.Equal(3, Options.SafeModeAfterLlmFailures);
    }

    [Fact]
    public void ObservePerformance_SharpeBelowTheMinimumSample_NeverPauses()
    {
        var (gate, _) = CreateSut();

        var decision = gate.ObserveSharpe(Report(sharpeReturns: 5, falling: true).Sharpe);

        Assert.True(decision.OpensAllowed);
        Assert.Null(gate.State.PausedUntil);
    }

    [Fact]
    public void ObservePerformance_Breach_PausesOpensForTheDurationFromTheBreach()
    {
        var (gate, time) = CreateSut();
        var breachAt = time.GetUtcNow();

        var decision = gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);

        Assert.False(decision.OpensAllowed);
        Assert.True(decision.SharpePaused);
        Assert.Equal([GateReasons.SharpePause], decision.Reasons);
        Assert.Equal(breachAt.AddMinutes(18), decision.PausedUntil);
        time.Advance(TimeSpan.FromMinutes(18) - TimeSpan.FromTicks(1));
        Assert.False(gate.Evaluate().OpensAllowed);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(gate.Evaluate().OpensAllowed);
    }

    [Fact]
    public void ObservePerformance_BreachDuringAPause_DoesNotExtendIt()
    {
        var (gate, time) = CreateSut();
        var breachAt = time.GetUtcNow();
        gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);

        time.Advance(TimeSpan.FromMinutes(9));
        var decision = gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);

        Assert.Equal(breachAt.AddMinutes(18), decision.PausedUntil);
        Assert.Equal(breachAt, gate.State.LastBreachAt);
    }

    [Fact]
    public void ObservePerformance_BreachAfterThePauseEnds_StartsANewPause()
    {
        var (gate, time) = CreateSut();
        gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);
        time.Advance(TimeSpan.FromMinutes(18));

        var decision = gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);

        Assert.False(decision.OpensAllowed);
        Assert.Equal(time.GetUtcNow().AddMinutes(18), decision.PausedUntil);
    }

    [Theory]
    [InlineData(-0.5000001, false)]
    [InlineData(-0.5, true)]
    [InlineData(0.3, true)]
    public void ObserveSharpe_AtAndAroundTheThreshold_PausesOnlyStrictlyBelow(double sharpe, bool opensAllowed)
    {
        var now = Curves.T0;

        var state = GateState.Initial.ObserveSharpe(sharpe, now, Options);

        Assert.Equal(opensAllowed, state.Evaluate(now).OpensAllowed);
    }

    [Fact]
    public void ObserveLlmOutcome_ThreeFailuresInARow_EntersSafeModeUntilTheModelAnswers()
    {
        var (gate, _) = CreateSut();

        Assert.True(gate.ObserveLlmOutcome(answered: false).OpensAllowed);
        Assert.True(gate.ObserveLlmOutcome(answered: false).OpensAllowed);
        var third = gate.ObserveLlmOutcome(answered: false);
        var fourth = gate.ObserveLlmOutcome(answered: false);
        var failuresBeforeAnswer = gate.State.ConsecutiveLlmFailures;
        var answered = gate.ObserveLlmOutcome(answered: true);

        Assert.False(third.OpensAllowed);
        Assert.Equal([GateReasons.SafeMode], third.Reasons);
        Assert.True(fourth.SafeMode);
        Assert.Equal(4, failuresBeforeAnswer);
        Assert.True(answered.OpensAllowed);
        Assert.False(answered.SafeMode);
        Assert.Equal(0, gate.State.ConsecutiveLlmFailures);
    }

    [Fact]
    public void ObserveLlmOutcome_AnAnswerBetweenFailures_ResetsTheCount()
    {
        var (gate, _) = CreateSut();

        gate.ObserveLlmOutcome(answered: false);
        gate.ObserveLlmOutcome(answered: false);
        gate.ObserveLlmOutcome(answered: true);
        var decision = gate.ObserveLlmOutcome(answered: false);

        Assert.True(decision.OpensAllowed);
        Assert.Equal(1, gate.State.ConsecutiveLlmFailures);
    }

    [Fact]
    public void Evaluate_PausedAndInSafeMode_GivesBothReasons()
    {
        var (gate, time) = CreateSut();
        gate.ObserveSharpe(Report(sharpeReturns: 10, falling: true).Sharpe);
        Enumerable.Range(0, 3).ToList().ForEach(_ => gate.ObserveLlmOutcome(answered: false));

        var record = gate.ToRecord(shadow: true);

        Assert.Equal([GateReasons.SharpePause, GateReasons.SafeMode], gate.Evaluate().Reasons);
        Assert.Equal(new Halyard.Journal.GatingRecord(time.GetUtcNow().AddMinutes(18), true, true, 3, false), record);
    }

    [Fact]
    public void ObservePerformance_GoodSharpe_KeepsOpensAllowedAndTheJournalRecordOpen()
    {
        var (gate, _) = CreateSut();

        var decision = gate.ObserveSharpe(Report(sharpeReturns: 10, falling: false).Sharpe);

        Assert.True(decision.OpensAllowed);
        Assert.Empty(decision.Reasons);
        Assert.Equal(Halyard.Journal.GatingRecord.Open, gate.ToRecord(shadow: false));
    }

    private static (Gate Gate, FakeTimeProvider Time) CreateSut()
    {
        var time = new FakeTimeProvider(Curves.T0.AddDays(1));
        return (new Gate(Options, time), time);
    }

    /// <summary>A report whose Sharpe is ≈ −93 (falling: ×0.99 then ×1.001 alternately) or ≈ +30 (the alternating fixture).</summary>
    private static PerformanceReport Report(int sharpeReturns, bool falling)
    {
        var curve = falling
            ? Curves.FromFactors(Enumerable.Range(0, sharpeReturns).Select(i => i % 2 == 0 ? 0.99m : 1.001m), TimeSpan.FromHours(1))
            : Curves.Alternating(sharpeReturns, TimeSpan.FromHours(1));
        return PerformanceAnalyzer.AnalyzePerformance(new PerformanceInputs { EquityCurve = curve }, 100);
    }
}

using Halyard.Decisions;
using Halyard.Decisions.Baseline;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Halyard.Tests.Decisions.Llm;

namespace Halyard.Tests.Decisions;

public class DecisionStepTests
{
    [Fact]
    public async Task GetFullDecisionAsync_AfterUpdatePerformance_PromptCarriesTheViewAndGatingLanguage()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply("""<decisions>{"decisions":[]}</decisions>"""));
        var maker = new LlmDecisionMaker(client, new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", StructuredOutput = false }, new PromptBuilder(), new FakeTimeProvider(Some.Now));
        var step = new DecisionStep(maker);
        step.UpdatePerformance(new PerformanceView(20, 35m, -420.5m, 61.2m, -1.3, 9.5, 2.1m, 12m, false) { GateSharpe = -1.3 });

        var outcome = await step.GetFullDecisionAsync(Some.Context(), CancellationToken.None);

        var system = client.Requests[0].Messages[0].Text;
        var user = client.Requests[0].Messages[1].Text;
        Assert.Contains("ACTIVE. The per-cycle Sharpe of the last 50 cycles with a position (mean / std of the cycle returns, not annualised), -1.3, fell below", system, StringComparison.Ordinal);
        Assert.Contains("confidence ≥ 80", system, StringComparison.Ordinal);
        Assert.Contains("20 closed trades · win rate 35% · net PnL -420.50 USD after 61.20 USD of fees · Sharpe -1.3", user, StringComparison.Ordinal);
        Assert.True(outcome.IsHold);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task GetFullDecisionAsync_WithoutUpdate_UsesTheContextsOwnView()
    {
        var recorder = new RecordingMaker();
        var step = new DecisionStep(recorder);
        var ctx = Some.Context() with { Performance = PerformanceView.Empty with { ClosedTrades = 3 } };

        await step.GetFullDecisionAsync(ctx, CancellationToken.None);
        step.UpdatePerformance(PerformanceView.Empty with { ClosedTrades = 9 });
        await step.GetFullDecisionAsync(ctx, CancellationToken.None);

        Assert.Equal([3, 9], recorder.Seen.Select(c => c.Performance.ClosedTrades));
        Assert.Equal(9, step.Performance?.ClosedTrades);
    }

    [Fact]
    public async Task GetFullDecisionAsync_GatedByPerformance_BaselineNeedsAllConfirmations()
    {
        var ctx = Some.Context(equity: 1000m, snapshots: [Some.Snapshot("SOL", 180m,
            Some.Series("3m", 180, 179.8, 179.6, rsi14: 58, macd: 2, signal: 1),
            Some.Series("4h", 180, 181, 170, atr14: 1.8))]);
        var step = new DecisionStep(new BaselineDecisionMaker(new BaselineOptions(), new PromptBuilder(), new FakeTimeProvider(Some.Now)));

        var calm = await step.GetFullDecisionAsync(ctx, CancellationToken.None);
        step.UpdatePerformance(PerformanceView.Empty with { Sharpe = -2, GateSharpe = -2, ClosedTrades = 15 });
        var gated = await step.GetFullDecisionAsync(ctx, CancellationToken.None);

        Assert.True(Assert.Single(calm.Decisions).IsOpen);
        Assert.Equal(DecisionAction.Wait, Assert.Single(gated.Decisions).Action);
        Assert.Contains("confidence 75 < minimum 80", gated.Decisions[0].Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsPerformance_TheBaselineOnlyWhenItRendersItsPrompt_OtherMakersByDefault()
    {
        var time = new FakeTimeProvider(Some.Now);
        Assert.False(((IDecisionMaker)new BaselineDecisionMaker(new BaselineOptions(), new PromptBuilder(), time)).ReadsPerformance);
        Assert.True(((IDecisionMaker)new BaselineDecisionMaker(new BaselineOptions(), new PromptBuilder(), time, includePrompt: true)).ReadsPerformance);
        Assert.True(((IDecisionMaker)new RecordingMaker()).ReadsPerformance);
    }

    private sealed class RecordingMaker : IDecisionMaker
    {
        public List<DecisionContext> Seen { get; } = [];

        public string Name => "recording";

        public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
        {
            Seen.Add(context);
            return Task.FromResult(new DecisionOutcome { Maker = Name, Decisions = [], Cot = string.Empty, Raw = string.Empty, PromptDigest = string.Empty });
        }
    }
}

using Halyard.Execution;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>Feature flags (design: "Rollout &amp; Safety"); shadow traders are a venue of their own: Cycle/Shadow/ShadowTraderTests.</summary>
public class RolloutTests
{
    [Fact]
    public async Task OpenAsync_AllFlagsOff_IsABasicIocWithoutCloidRetriesOrProtection()
    {
        var features = new ExecutionFeatures { SltpOrchestration = false, IdempotentRetries = false, MultiDecision = false };
        using var sut = new ScriptedSut(new OrchestratorOptions { Entry = EntryMode.Gtc, Features = features });
        sut.Venue.Script("order:entry", new Fault.Err("Invalid nonce: duplicate nonce 1"), 1);

        var failed = await sut.OpenAsync(ScriptedSut.Long());
        var filled = await sut.OpenAsync(ScriptedSut.Long(cycle: 2));

        Assert.Equal(IntentResult.Failed, failed.Result);
        Assert.Equal(1, failed.Actions.Single(a => a.Action == OrderEventAction.Entry).Attempts);
        Assert.Equal(IntentResult.Filled, filled.Result);
        Assert.Equal(ProtectionStatus.Disabled, filled.Protection.Status);
        Assert.DoesNotContain(sut.Venue.OpenOrders, o => o.IsTrigger);
        var entry = sut.Venue.Fills.Single();
        Assert.Null(entry.Cloid);
        Assert.Equal(0, sut.Venue.Count("order:trigger"));
        Assert.Null(filled.Actions.Single(a => a.Action == OrderEventAction.Entry).Cloid);
    }

    [Fact]
    public async Task ReconcileAsync_EntrySentWithoutCloidAndUnanswered_IsSettledFromThePosition()
    {
        var features = new ExecutionFeatures { IdempotentRetries = false };
        using var sut = new ScriptedSut(new OrchestratorOptions { Features = features });
        sut.Venue.Script("order:entry", new Fault.Lost(), 1);

        var outcome = await sut.OpenAsync(ScriptedSut.Long());
        var report = await sut.Drive(sut.Orchestrator.ReconcileAsync(new Halyard.Execution.Reconciliation.ReconcileRequest(1), CancellationToken.None));

        Assert.Equal(IntentResult.Unresolved, outcome.Result);
        Assert.Equal(1, report.EntriesSettled);
        Assert.Empty(report.External);
        Assert.Equal(1, report.PositionsProtected);
        Assert.Equal(Halyard.Execution.Ledger.LedgerStatus.Protected, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
    }
}

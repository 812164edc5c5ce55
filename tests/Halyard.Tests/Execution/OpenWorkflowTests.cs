using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

public class OpenWorkflowTests
{
    [Fact]
    public async Task OpenAsync_FullFill_PlacesStopAndTargetForTheFilledSize()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.Filled, outcome.Result);
        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        Assert.Equal(0.4m, outcome.FilledSize);
        var triggers = sut.Venue.OpenOrders.Where(o => o.IsTrigger).ToArray();
        Assert.Equal(2, triggers.Length);
        Assert.All(triggers, t => Assert.Equal(0.4m, t.Sz));
        Assert.All(triggers, t => Assert.True(t.ReduceOnly));
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
        Assert.Equal(["set_leverage", "entry", "stop_loss", "take_profit"], outcome.Actions.Select(a => a.Action));
    }
}

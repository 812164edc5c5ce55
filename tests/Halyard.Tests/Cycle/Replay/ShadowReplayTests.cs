using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

public class ShadowReplayTests
{
    [Fact]
    public async Task Replay_ShadowTrader_SendsNothingToTheVenueAndJournalsTheWouldBeOrders()
    {
        using var dir = new TempDirectory();
        var starter = HalyardConfig.Default();
        var config = starter with { Traders = [starter.Traders[0] with { Shadow = true }] };

        var result = await ReplayScenario.RunAsync(dir.Path, config, ReplayScenario.From.AddHours(2));

        Assert.Empty(File.ReadAllLines(Path.Combine(result.RunFolder, ReplayRunner.AuditFileName)));
        var records = JsonlJournal.Read(Path.Combine(result.RunFolder, CompositeJournal.JsonlFileName)).Records;
        var shadow = records.SelectMany(r => r.Actions).Where(a => a.Result == "shadow").ToArray();
        Assert.NotEmpty(shadow);
        Assert.All(shadow, a => Assert.Equal(0, a.Attempts));
        Assert.Contains(shadow, a => a.Action == "entry" && a.Qty > 0 && a.Price > 0);
        Assert.All(records, r => Assert.True(r.Gating.Shadow));
        Assert.All(records, r => Assert.Empty(r.PositionsSnapshot));
        Assert.Equal(0, result.Summary.OrdersSent);
        Assert.Equal(result.Summary.InitialEquityUsd, result.Summary.FinalEquityUsd);
    }
}

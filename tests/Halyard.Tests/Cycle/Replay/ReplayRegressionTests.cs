using Halyard.Cycle.Replay;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// Whole-run regression: the scenario's figures and the SHA-256 of every /exchange action it sent
/// (nonces and signatures left out) are pinned. A change to the Manager, the baseline, the Validator, the
/// Orchestrator or the paper exchange that changes what is traded fails here; update the pins only when
/// the change is meant. No timing is asserted.
/// </summary>
public class ReplayRegressionTests(ReplayScenario scenario) : IClassFixture<ReplayScenario>
{
    [Fact]
    public void Summary_PinnedScenario_MatchesTheApprovedFigures()
    {
        var s = scenario.Result.Summary;
        Assert.Equal(160, s.Cycles);
        Assert.Equal(0, s.CyclesFailed);
        Assert.Equal(36, s.OrdersSent);
        Assert.Equal(39, s.ExchangeRequests);
        Assert.Equal(10, s.OpensFilled);
        Assert.Equal(4, s.MaxNewOpensInAnyHour);
        Assert.Equal(7, s.ClosedTrades);
        Assert.Equal(10_276.699958m, s.FinalEquityUsd);
        Assert.Equal(62.607318m, s.FeesUsd);
        Assert.Equal(-0.847220m, s.FundingUsd);
        Assert.Equal(2.7632m, s.MaxDrawdownPct);
        Assert.Equal(new Dictionary<string, int> { ["close_long"] = 6, ["hold"] = 351, ["open_long"] = 9, ["open_short"] = 1, ["wait"] = 1233 }, s.DecisionsByAction);
        Assert.Empty(s.VenueRejectionsByClass);
        Assert.Equal("b00f32056ee54579aa11d1bd8e47c0058f72a74d4b71f4142b0a75427f272a72", s.ActionsSha256);
    }

    [Fact]
    public void Summary_FiguresAgreeWithTheJournal()
    {
        var s = scenario.Result.Summary;
        var records = scenario.Records;
        Assert.Equal(s.Cycles, records.Count);
        Assert.Equal(s.OpensFilled, records.SelectMany(r => r.Actions).Count(a => a.Action == "entry" && a.Result is "filled" or "partially_filled"));
        Assert.Equal(s.DecisionToOrder.Samples, records.Sum(r => r.WallClock.OrderLatencies.Count));
        Assert.Equal(s.NetPnlUsd, s.FinalEquityUsd - s.InitialEquityUsd);
    }

    [Fact]
    public async Task Replay_SameInputsTwice_GivesTheSameJournalApartFromWallClockFields()
    {
        using var dir = new TempDirectory();
        var second = await ReplayScenario.RunAsync(dir.Path);
        var again = JsonlJournal.Read(Path.Combine(second.RunFolder, CompositeJournal.JsonlFileName)).Records;

        Assert.Equal(scenario.Records.Count, again.Count);
        Assert.Equal(scenario.Records.Select(JournalJson.DeterministicLine), again.Select(JournalJson.DeterministicLine));
        Assert.Equal(scenario.Result.Summary.ActionsSha256, second.Summary.ActionsSha256);
    }

    [Fact]
    public void Replay_RunFolder_HoldsTheJournalTheAuditLogAndTheSummary()
    {
        foreach (var file in new[] { CompositeJournal.JsonlFileName, CompositeJournal.SqliteFileName, ReplayRunner.AuditFileName, ReplayRunner.SummaryFileName })
        {
            Assert.True(File.Exists(Path.Combine(scenario.Result.RunFolder, file)), file);
        }

        using var db = SqliteJournal.Open(Path.Combine(scenario.Result.RunFolder, CompositeJournal.SqliteFileName));
        Assert.Equal(160, db.LastCycle("t01"));
    }
}

using Halyard.Cycle.Configuration;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// The replay's typed pushes (<c>replay.pushes: typed</c>) against JSON pushes: the pinned scenario (160 cycles with
/// opens, closes, a fired stop and the hourly cap) with the WebSocket shadow state, replayed both ways, writes the same
/// <c>cycles.jsonl</c> once the wall-clock fields are removed (<see cref="ReplayReadPathTests.WallClockFields"/>), and
/// sends the same orders.
/// </summary>
public sealed class ReplayPushPathTests
{
    [Fact]
    public async Task Replay_TypedAndJsonPushes_WriteTheSameJournalApartFromWallClockFields()
    {
        using var typedDir = new TempDirectory();
        using var jsonDir = new TempDirectory();
        var features = new FeatureFlags { WebSocket = true };
        var typed = await ReplayScenario.RunAsync(typedDir.Path, HalyardConfig.Default() with { Features = features, Replay = new ReplayConfig { Pushes = ReplayPushes.Typed } });
        var json = await ReplayScenario.RunAsync(jsonDir.Path, HalyardConfig.Default() with { Features = features, Replay = new ReplayConfig { Pushes = ReplayPushes.Json } });

        var typedLines = ReplayReadPathTests.DeterministicLines(typed.RunFolder);
        Assert.Equal(160, typedLines.Count);
        Assert.Equal(ReplayReadPathTests.DeterministicLines(json.RunFolder), typedLines);
        Assert.Equal(json.Summary.ActionsSha256, typed.Summary.ActionsSha256);

        // The content compared is not trivial: trades opened and closed, a protective order fired, positions held,
        // and the cycles read the pushed state (reactions between cycles included).
        var records = JsonlJournal.Read(Path.Combine(typed.RunFolder, CompositeJournal.JsonlFileName)).Records;
        Assert.Contains(records, r => r.Actions.Any(a => a.Action == "close"));
        Assert.Contains(records, r => r.PositionsSnapshot.Count > 0);
        Assert.True(typed.Summary.ClosedTrades > 0);
        Assert.Equal("typed", typed.Summary.LiveState!.Pushes);
        Assert.Equal("json", json.Summary.LiveState!.Pushes);
        Assert.True(typed.Summary.LiveState.PushedReads > 0);
        Assert.Equal(json.Summary.LiveState.PushedReads, typed.Summary.LiveState.PushedReads);
        Assert.Equal(json.Summary.LiveState.Reactions, typed.Summary.LiveState.Reactions);
    }

    [Theory]
    [InlineData(ReplayReads.Http, ReplayPushes.Typed, "json")]
    [InlineData(ReplayReads.Typed, ReplayPushes.Json, "json")]
    public async Task Replay_PushesTyped_OnlyWithTypedReads(ReplayReads reads, ReplayPushes pushes, string expected)
    {
        // (paper_exchange.faults.socket, the other condition, is not configurable for a replay: TypedPushTests covers it.)
        using var dir = new TempDirectory();
        var config = HalyardConfig.Default() with { Features = new FeatureFlags { WebSocket = true }, Replay = new ReplayConfig { Reads = reads, Pushes = pushes } };
        var result = await ReplayScenario.RunAsync(dir.Path, config, ReplayScenario.From.AddHours(1));
        Assert.Equal(expected, result.Summary.LiveState!.Pushes);
    }
}

using System.Text.Json.Nodes;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// The replay's typed read path (<c>replay.reads: typed</c>) against the HTTP path: the pinned scenario (160 cycles
/// with opens, closes, a fired stop and the hourly cap) replayed both ways writes the same <c>cycles.jsonl</c>,
/// byte for byte, once the wall-clock fields are removed: each record's <c>wall_clock</c> and each action's
/// <c>latency_ms</c> (the only fields measured on the real clock). Both with the WebSocket shadow state (the default:
/// the account and orders pushed, the universe, fills and candles read) and without it (every read polled).
/// </summary>
public sealed class ReplayReadPathTests
{
    /// <summary>The fields measured on the wall clock, removed before the comparison.</summary>
    public static readonly string[] WallClockFields = ["wall_clock", "actions[].latency_ms"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Replay_TypedAndHttpReads_WriteTheSameJournalApartFromWallClockFields(bool webSocket)
    {
        using var typedDir = new TempDirectory();
        using var httpDir = new TempDirectory();
        var features = new FeatureFlags { WebSocket = webSocket };
        var typed = await ReplayScenario.RunAsync(typedDir.Path, HalyardConfig.Default() with { Features = features, Replay = new ReplayConfig { Reads = ReplayReads.Typed } });
        var http = await ReplayScenario.RunAsync(httpDir.Path, HalyardConfig.Default() with { Features = features, Replay = new ReplayConfig { Reads = ReplayReads.Http } });

        var typedLines = DeterministicLines(typed.RunFolder);
        var httpLines = DeterministicLines(http.RunFolder);
        Assert.Equal(160, typedLines.Count);
        Assert.Equal(httpLines, typedLines);
        Assert.Equal(http.Summary.ActionsSha256, typed.Summary.ActionsSha256);

        // The content compared is not trivial: trades opened and closed, a protective order fired, positions held.
        var records = JsonlJournal.Read(Path.Combine(typed.RunFolder, CompositeJournal.JsonlFileName)).Records;
        Assert.Contains(records, r => r.Actions.Any(a => a.Action == "entry" && a.Result is "filled" or "partially_filled"));
        Assert.Contains(records, r => r.Actions.Any(a => a.Action == "close"));
        Assert.Contains(records, r => r.PositionsSnapshot.Count > 0);
        Assert.True(typed.Summary.ClosedTrades > 0);

        // The typed path served the cycle's reads; the HTTP path sent them as /info requests.
        Assert.Equal("typed", typed.Summary.LiveState!.Reads);
        Assert.Equal("http", http.Summary.LiveState!.Reads);
        Assert.True(typed.Summary.LiveState.TypedReads > 0);
        Assert.Equal(0, http.Summary.LiveState.TypedReads);
        Assert.True(http.Summary.LiveState.InfoRequests > 0);
        Assert.Equal(0, typed.Summary.LiveState.InfoRequests); // the Orchestrator's polls (a close's checks) too
    }

    [Fact]
    public void DeterministicLine_DifferentPositionPrice_IsADifference()
    {
        // The comparison catches a change of one decimal's scale (what a typed read that skipped the venue's
        // number text would produce), and ignores only the named wall-clock fields.
        const string line = """{"cycle":1,"wall_clock":{"total_ms":1.5},"positions_snapshot":[{"entry_price":101.50}],"actions":[{"action":"entry","latency_ms":0.4}]}""";
        var changed = line.Replace("101.50", "101.5", StringComparison.Ordinal);
        var otherClock = line.Replace("1.5}", "9.75}", StringComparison.Ordinal).Replace("0.4", "3.25", StringComparison.Ordinal);

        Assert.NotEqual(Deterministic(line), Deterministic(changed));
        Assert.Equal(Deterministic(line), Deterministic(otherClock));
    }

    /// <summary>Each raw line of the run's <c>cycles.jsonl</c> without <see cref="WallClockFields"/>, re-serialised as it was otherwise.</summary>
    internal static List<string> DeterministicLines(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, CompositeJournal.JsonlFileName)).Where(l => l.Length > 0).Select(Deterministic)];

    private static string Deterministic(string line)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        node.Remove("wall_clock");
        if (node["actions"] is JsonArray actions)
        {
            foreach (var action in actions)
            {
                action!.AsObject().Remove("latency_ms");
            }
        }

        return node.ToJsonString();
    }
}

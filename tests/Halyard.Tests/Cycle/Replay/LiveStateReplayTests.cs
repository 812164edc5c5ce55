using Halyard.Cycle.Configuration;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// The pinned scenario replayed with the WebSocket live state (the default) against the same window polled:
/// a fired stop's sibling is cancelled at the fire, the account is not polled each cycle, and the figures of
/// the note are in <c>summary.json</c>.
/// </summary>
public sealed class LiveStateReplayTests(ReplayScenario scenario) : IClassFixture<ReplayScenario>
{
    [Fact]
    public async Task Replay_WebSocketOn_CancelsAFiredStopsSiblingAtTheFire_AndReadsLessThanPolling()
    {
        var on = scenario.Result.Summary.LiveState;
        Assert.NotNull(on);
        Assert.True(on.WebSocket);
        Assert.True(on.SiblingLiveAfterFire.Samples > 0, "the scenario fires a stop or a target");
        Assert.Equal(0d, on.SiblingLiveAfterFire.MaxSeconds); // cancelled within the event, on the replay clock
        Assert.True(on.Reactions.GetValueOrDefault("protection_fired") > 0);
        Assert.True(on.PushedReads > on.FallbackPolls, $"{on.PushedReads} pushed reads, {on.FallbackPolls} polls instead");
        Assert.Equal(0d, on.CyclesDisagreedPct);
        Assert.True(on.CrossChecks > 0);

        // In the journal: each fired protection is followed, in the same reaction, by its sibling's cancel.
        var actions = scenario.Records.SelectMany(r => r.Actions).ToArray();
        for (var i = 0; i < actions.Length; i++)
        {
            if (actions[i] is { Action: ActionNames.Reaction, Result: "protection_fired" } fired)
            {
                Assert.Contains(actions.Skip(i + 1).TakeWhile(a => a.Action.StartsWith(ActionNames.ReactionPrefix, StringComparison.Ordinal)), a => a.Symbol == fired.Symbol && a.Action.EndsWith("cancel_orphan", StringComparison.Ordinal));
            }
        }

        using var dir = new TempDirectory();
        var polled = await ReplayScenario.RunAsync(dir.Path, HalyardConfig.Default() with { Features = new FeatureFlags { WebSocket = false } });
        var off = polled.Summary.LiveState;
        Assert.NotNull(off);
        Assert.False(off.WebSocket);
        Assert.True(off.SiblingLiveAfterFire.MaxSeconds > 0, "polled, the sibling lives until the next cycle");
        // Reads of either path (HTTP /info requests and the replay's typed reads, replay.reads) per cycle.
        var readsOn = on.InfoRequestsPerCycle + on.TypedReadsPerCycle;
        var readsOff = off.InfoRequestsPerCycle + off.TypedReadsPerCycle;
        Assert.True(readsOn < readsOff, $"{readsOn} vs {readsOff} reads per cycle");

        // Earlier cancels of the same orders: what is traded does not change in this window.
        Assert.Equal(polled.Summary.ActionsSha256, scenario.Result.Summary.ActionsSha256);
    }
}

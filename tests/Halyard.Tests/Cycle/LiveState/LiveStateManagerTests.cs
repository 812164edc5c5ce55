using System.Globalization;
using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Hyperliquid.Actions;
using Halyard.Journal;

namespace Halyard.Tests.Cycle.LiveState;

/// <summary>
/// The Manager and the reactions on the WebSocket live state, through the real clients, the paper exchange's
/// in-process <c>/ws</c> and the replay's event driver.
/// </summary>
public sealed class LiveStateManagerTests
{
    [Fact]
    public async Task Manager_WebSocketOn_PollsTheAccountOnlyForTheCrossCheck()
    {
        await using var h = await LiveStateHarness.StartAsync();
        var traders = h.Traders();
        var cycles = new List<(DecisionCycleRecord Record, long Polls)>();
        var last = h.Counter.AccountPolls;
        var manager = h.Manager(traders, LiveStateHarness.From.AddHours(2), record =>
        {
            var now = h.Counter.AccountPolls;
            cycles.Add((record, now - last));
            last = now;
        });

        await manager.RunAsync(LiveStateHarness.From, CancellationToken.None);

        Assert.Equal(40, cycles.Count);
        Assert.All(cycles, c => Assert.True(c.Record.Success, c.Record.ErrorMessage));
        var quiet = cycles.Where(c => !c.Record.Actions.Any(a => a.Attempts > 0 || a.Action.StartsWith(ActionNames.Reaction, StringComparison.Ordinal))).ToArray();
        Assert.NotEmpty(quiet);
        foreach (var (record, polls) in quiet)
        {
            var crossChecked = record.Actions.Any(a => a.Action == ActionNames.StateCrossCheck);

            // A cross-check reads clearinghouseState and frontendOpenOrders once; any other cycle reads neither.
            Assert.Equal(crossChecked ? 2 : 0, polls);
        }

        var counts = h.Live.Reader.Counts;
        Assert.Equal(8, counts.CrossChecks); // every 15 minutes over two hours
        Assert.Equal(0, counts.CrossChecksDisagreed);
        Assert.Equal(0, counts.FallbackPolls);
        Assert.True(counts.PushedReads >= 2 * cycles.Count, $"{counts.PushedReads} pushed reads");

        // Polling would read the account and the orders twice per cycle (the cycle, then the reconciliation).
        Assert.True(h.Counter.AccountPolls < cycles.Count, $"{h.Counter.AccountPolls} account polls in {cycles.Count} cycles");
    }

    [Fact]
    public async Task RestingEntryFilledBetweenCycles_IsProtectedAtTheFill_BeforeTheNextCycle()
    {
        var config = HalyardConfig.Default() with { Execution = new ExecutionConfig { ExternalPositions = ExternalPositionPolicy.Adopt } };
        await using var h = await LiveStateHarness.StartAsync(config);
        var traders = h.Traders();
        var reactions = traders[0].Reactions;
        var rules = (await h.Venue.Info.GetMetaAsync(CancellationToken.None)).Value!.Single(r => r.Name == "SOL");
        var mid = (await h.Venue.Info.GetAllMidsAsync(CancellationToken.None)).Value!["SOL"];
        Assert.True(rules.TryPriceAtOrBelow(mid * 0.997m, out var price));
        var size = decimal.Round(150m / price, rules.SzDecimals, MidpointRounding.ToZero);

        // A resting GTC buy placed outside the cycle (another process, or a hand on the venue's UI).
        var placed = await h.Venue.Exchange.PlaceOrdersAsync(
            new OrderAction([new OrderWire(rules.AssetId, true, Canonical(price), Canonical(size), false, new LimitOrderType(TimeInForce.Gtc))]),
            CancellationToken.None);
        Assert.True(placed.IsSuccess);

        // Cycle times come and go (no cycle runs); the driver stops the clock at the fill and the reaction runs then.
        var due = LiveStateHarness.From;
        for (var i = 0; i < 480 && reactions.All.Count == 0; i++)
        {
            due += TimeSpan.FromMinutes(3);
            await h.Driver.AdvanceToAsync(due);
        }

        var reaction = Assert.Single(reactions.All, r => r.Trigger == "entry_filled");
        Assert.Equal("SOL", reaction.Symbol);
        Assert.True(reaction.DoneAt < due || reaction.EventTime == due, "the reaction ran at the fill, before the next cycle's time");
        Assert.Equal(reaction.EventTime, reaction.DoneAt); // on the replay clock: at once
        Assert.Contains(reaction.Actions, a => a.Action == "stop_loss" && a.ErrorClass is null);
        var orders = (await h.Venue.Info.GetFrontendOpenOrdersAsync(h.Venue.Identity.Account.Value, CancellationToken.None)).Value!;
        var stop = Assert.Single(orders, o => o.IsTrigger && o.ReduceOnly && o.Side == OrderSide.Sell && o.OrderType.StartsWith("Stop", StringComparison.Ordinal));
        Assert.Equal(size, stop.Size);
    }

    [Fact]
    public async Task ExternalTrade_SurfacesAtOnce_AsAReactionBeforeTheNextCycle()
    {
        await using var h = await LiveStateHarness.StartAsync();
        var traders = h.Traders();
        var rules = (await h.Venue.Info.GetMetaAsync(CancellationToken.None)).Value!.Single(r => r.Name == "ETH");
        var mid = (await h.Venue.Info.GetAllMidsAsync(CancellationToken.None)).Value!["ETH"];
        Assert.True(rules.TryPriceAtOrBelow(mid * 1.01m, out var price));
        var size = decimal.Round(200m / mid, rules.SzDecimals, MidpointRounding.ToZero);

        // A trade by hand on the venue (no client order id): it fills at once.
        var placed = await h.Venue.Exchange.PlaceOrdersAsync(
            new OrderAction([new OrderWire(rules.AssetId, true, Canonical(price), Canonical(size), false, new LimitOrderType(TimeInForce.Ioc))]),
            CancellationToken.None);
        Assert.True(placed.IsSuccess);

        await h.Driver.AdvanceToAsync(LiveStateHarness.From.AddMinutes(3));

        var reaction = Assert.Single(traders[0].Reactions.All);
        Assert.Equal(("external_fill", "ETH"), (reaction.Trigger, reaction.Symbol));
        Assert.Equal(LiveStateHarness.From, reaction.DoneAt); // handled before the clock moved on
        var journaled = traders[0].Reactions.DrainActions();
        Assert.Equal(ActionNames.Reaction, journaled[0].Action);
        var surfaced = Assert.Single(journaled, a => a.Action == ActionNames.ReactionPrefix + ActionNames.ExternalPosition);
        Assert.Equal((size, ActionNames.Left), (surfaced.Qty, surfaced.Result));
    }

    [Fact]
    public async Task Reader_ForcedDisconnect_PollsMeanwhile_ThenResyncsAndEqualsThePoll()
    {
        await using var h = await LiveStateHarness.StartAsync();
        var reader = h.Live.Reader;
        Assert.True((await reader.GetAccountAsync(CancellationToken.None)).IsSuccess);
        var pushed = reader.Counts.PushedReads;
        var resyncs = h.Live.Shadow.Resyncs.Count;

        h.Engine.DropWebSockets();
        var during = await reader.GetAccountAsync(CancellationToken.None);
        Assert.True(during.IsSuccess); // served either way: polled while the socket is down

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (h.Live.Shadow.Resyncs.Count == resyncs)
        {
            await Task.Delay(10, wait.Token);
        }

        Assert.Equal("reconnect", h.Live.Shadow.Resyncs[^1].Reason);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var account = await reader.GetAccountAsync(CancellationToken.None);
        var orders = await reader.GetOpenOrdersAsync(CancellationToken.None);
        var polledAccount = await h.Venue.Reader.GetAccountAsync(CancellationToken.None);
        var polledOrders = await h.Venue.Reader.GetOpenOrdersAsync(CancellationToken.None);
        Assert.True(reader.Counts.PushedReads >= pushed + 2);
        Assert.Equal(polledAccount.Value!.AccountValue, account.Value!.AccountValue);
        Assert.Equal(polledAccount.Value.Time, account.Value.Time);
        Assert.Equal(polledOrders.Value!.Select(o => o.Oid), orders.Value!.Select(o => o.Oid));
    }

    private static string Canonical(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

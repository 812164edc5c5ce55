using System.Globalization;
using Halyard.Cycle;
using Halyard.Cycle.Reactions;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.LiveState;
using Halyard.Risk.Gating;
using Halyard.Risk;
using Halyard.Tests.Execution.Support;
using Halyard.Tests.Hyperliquid.LiveState;

namespace Halyard.Tests.Cycle.Reactions;

/// <summary>Reactions between cycles, through the real clients, the shadow and the paper exchange's <c>/ws</c>.</summary>
public sealed class TraderReactionsTests
{
    [Fact]
    public async Task StopFires_TargetIsCancelledWithinOneEvent_AndTheCooldownStartsAtTheFill()
    {
        using var sut = new PaperSut();
        var (shadow, reactions, state) = await StartAsync(sut);
        await using var _ = shadow;
        var mid = (await sut.MidsAsync())["BTC"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("BTC", PositionSide.Long, 2_000m, mid * 0.999m, mid * 1.2m, 1), CancellationToken.None);
        Assert.True(await shadow.FlushAsync(CancellationToken.None));
        Assert.Equal(2, (await sut.OpenOrdersAsync()).Count);

        // One market step per iteration; the flush returns once the shadow and the reaction have handled everything pushed.
        var steps = 0;
        for (; steps < 2_000 && reactions.All.Count == 0; steps++)
        {
            sut.Clock.Advance(TimeSpan.FromMinutes(1));
            sut.Engine.Synchronize();
            Assert.True(await shadow.FlushAsync(CancellationToken.None));
            await reactions.WhenIdleAsync();
        }

        var reaction = reactions.All[0];
        Assert.Contains(reaction.Trigger, new[] { "protection_fired", "position_closed" });
        Assert.Equal("BTC", reaction.Symbol);
        Assert.Empty(await sut.OpenOrdersAsync()); // the take-profit did not survive into the next step
        var closed = Assert.Single(reaction.Closed);
        Assert.Equal("stop_loss", closed.Reason);
        Assert.True(closed.ClosedAt <= reaction.EventTime);
        Assert.Equal(closed.ClosedAt, state.RecentlyClosed["BTC"]);
        var journaled = reactions.DrainActions();
        Assert.Equal("reaction", journaled[0].Action);
        Assert.Contains(journaled, a => a.Action.StartsWith("reaction:", StringComparison.Ordinal));
        Assert.Empty(reactions.DrainActions());
    }

    [Fact]
    public async Task RestingEntryFillsBetweenCycles_IsProtectedBeforeTheNextCycle()
    {
        using var sut = new PaperSut(options: new OrchestratorOptions { ExternalPositions = ExternalPositionPolicy.Adopt });
        var (shadow, reactions, _) = await StartAsync(sut);
        await using var __ = shadow;
        var rules = (await sut.ReadAsync(sut.Info.GetMetaAsync)).Single(r => r.Name == "SOL");
        var mid = (await sut.MidsAsync())["SOL"];
        Assert.True(rules.TryPriceAtOrBelow(mid * 0.997m, out var price));
        var size = decimal.Round(150m / price, rules.SzDecimals, MidpointRounding.ToZero);
        var placed = await sut.Exchange.PlaceOrdersAsync(
            new OrderAction([new OrderWire(rules.AssetId, true, Canonical(price), Canonical(size), false, new LimitOrderType(TimeInForce.Gtc))]),
            CancellationToken.None);
        Assert.True(placed.IsSuccess);
        Assert.True(await shadow.FlushAsync(CancellationToken.None));
        Assert.Single(shadow.View.Orders);

        for (var steps = 0; steps < 2_000 && reactions.All.Count == 0; steps++)
        {
            sut.Clock.Advance(TimeSpan.FromMinutes(1));
            sut.Engine.Synchronize();
            Assert.True(await shadow.FlushAsync(CancellationToken.None));
            await reactions.WhenIdleAsync();
        }

        var reaction = Assert.Single(reactions.All);
        Assert.Equal(("entry_filled", "SOL"), (reaction.Trigger, reaction.Symbol));
        var orders = await sut.OpenOrdersAsync();
        var stop = Assert.Single(orders, o => o.IsTrigger && o.ReduceOnly && o.Side == OrderSide.Sell);
        Assert.Equal(size, stop.Size);
    }

    private static string Canonical(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static async Task<(AccountShadow Shadow, TraderReactions Reactions, TraderState State)> StartAsync(PaperSut sut)
    {
        var state = new TraderState(new Gate(GateOptions.From(new RiskLimits()), sut.Clock), 20);
        var reactions = new TraderReactions(PaperSut.Trader, state, new OrchestratorGateway(sut.Orchestrator), new SemaphoreSlim(1, 1), sut.Clock, TimeProvider.System);
        var shadow = AccountShadowTests.CreateShadow(sut);
        shadow.Listener = reactions.OnShadowEventAsync;
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await shadow.StartAsync(start.Token);
        return (shadow, reactions, state);
    }
}

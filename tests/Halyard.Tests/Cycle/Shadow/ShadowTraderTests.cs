using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Cycle.Shadow;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.Journal;
using Halyard.Tests.Cycle.Replay;
using Halyard.Tests.Cycle.Support;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Shadow;

/// <summary>
/// A shadow trader trades its own in-process paper account on the live venue's prices. The replay's paper exchange
/// stands in for the live venue: its <c>/exchange</c> log must hold nothing of the shadow trader's, while the
/// shadow account shows the trades, the stops that fired and the PnL.
/// </summary>
public class ShadowTraderTests
{
    [Fact]
    public async Task Replay_ShadowTrader_TradesItsOwnPaperAccountOnTheLivePrices_AndSendsNothingToTheLiveVenue()
    {
        using var dir = new TempDirectory();
        var starter = HalyardConfig.Default();
        var config = starter with
        {
            Traders = [starter.Traders[0] with { Shadow = true, ShadowEquity = 10_000m }],
            Execution = starter.Execution with { DeadMansSwitch = TimeSpan.FromMinutes(10), ShadowPricePoll = TimeSpan.FromSeconds(30) },
        };

        var result = await ReplayScenario.RunAsync(dir.Path, config);

        // The live venue: not one /exchange request (no order, no leverage, no scheduleCancel).
        Assert.Empty(File.ReadAllLines(Path.Combine(result.RunFolder, ReplayRunner.AuditFileName)));
        Assert.Equal(0, result.Summary.ExchangeRequests);
        Assert.Equal(0, result.Summary.OrdersSent);

        // The shadow account: the trader's orders, its dead man's switch, its fills, its stops that fired, its PnL.
        var paperLog = File.ReadAllLines(ShadowVenues.AuditPath(result.RunFolder, "t01"));
        Assert.Contains(paperLog, l => l.Contains("\"type\":\"order\"", StringComparison.Ordinal));
        Assert.Contains(paperLog, l => l.Contains("\"type\":\"scheduleCancel\"", StringComparison.Ordinal));
        var shadow = Assert.Single(result.Summary.ShadowTraders);
        Assert.Equal("t01", shadow.TraderId);
        Assert.Equal(ShadowVenue.KeyOf("t01").Address.Value, shadow.Account, ignoreCase: true);
        Assert.Equal(10_000m, shadow.InitialEquityUsd);
        Assert.True(shadow.OrdersSent > 0);
        Assert.True(shadow.ClosedTrades > 0);
        Assert.True(shadow.TriggerFills > 0, "no stop or target of the shadow trader fired on the live prices");
        Assert.True(shadow.FeesUsd > 0m);
        Assert.NotEqual(shadow.InitialEquityUsd, shadow.FinalEquityUsd);
        Assert.Equal(shadow.FinalEquityUsd - shadow.InitialEquityUsd, shadow.NetPnlUsd);

        // The journal says it is a shadow trader, and every action of it went to the paper account.
        var records = JsonlJournal.Read(Path.Combine(result.RunFolder, CompositeJournal.JsonlFileName)).Records;
        Assert.All(records, r => Assert.True(r.Gating.Shadow));
        var sent = records.SelectMany(r => r.Actions).Where(a => a.Attempts > 0).ToArray();
        Assert.NotEmpty(sent);
        Assert.All(records.SelectMany(r => r.Actions), a => Assert.Equal("shadow", a.Venue));
        Assert.Contains(records, r => r.PositionsSnapshot.Count > 0);

        // The paper account's own fills prove a position gone: the sibling of a fired stop or target is cancelled in the
        // first cycle that no longer sees the position (read through the live venue's fills, it waited one more read).
        var orphans = 0;
        for (var k = 1; k < records.Count; k++)
        {
            foreach (var cancel in records[k].Actions.Where(a => a.Action == "cancel_orphan"))
            {
                orphans++;
                Assert.Contains(records[k - 1].PositionsSnapshot, p => p.Coin == cancel.Symbol);
            }
        }

        Assert.True(orphans > 0, "no stop or target fired, so no sibling was left to cancel");
        Assert.Contains(records, r => r.AccountSnapshot is { } a && a.AccountValue != 10_000m);
    }

    [Fact]
    public async Task Replay_LiveAndShadowTraderOnOneAccount_OnlyTheLiveTradersOrdersReachTheLiveVenue()
    {
        using var dir = new TempDirectory();
        var starter = HalyardConfig.Default();
        var live = starter.Traders[0] with { Id = "live", Name = "live", AllocationPct = 50m };
        var config = starter with { Traders = [live, live with { Id = "paper", Name = "paper", Shadow = true }] };

        var result = await ReplayScenario.RunAsync(dir.Path, config, ReplayScenario.From.AddHours(3));

        var records = JsonlJournal.Read(Path.Combine(result.RunFolder, CompositeJournal.JsonlFileName)).Records;
        var liveCloids = CloidsSent(records, "live");
        var paperCloids = CloidsSent(records, "paper");
        Assert.NotEmpty(liveCloids);
        Assert.NotEmpty(paperCloids);
        var liveLog = File.ReadAllText(Path.Combine(result.RunFolder, ReplayRunner.AuditFileName));
        var paperLog = File.ReadAllText(ShadowVenues.AuditPath(result.RunFolder, "paper"));
        Assert.All(liveCloids, c => Assert.Contains(c, liveLog, StringComparison.OrdinalIgnoreCase));
        Assert.All(paperCloids, c => Assert.DoesNotContain(c, liveLog, StringComparison.OrdinalIgnoreCase));
        Assert.All(paperCloids, c => Assert.Contains(c, paperLog, StringComparison.OrdinalIgnoreCase));

        // The default shadow equity is the live account's equity at the start; the live figures are the live trader's alone.
        var paper = Assert.Single(result.Summary.ShadowTraders);
        Assert.Equal(config.PaperExchange.InitialEquity, paper.InitialEquityUsd);
        Assert.Equal(["live"], result.Summary.Traders);
        Assert.All(records.Where(r => r.TraderId == "live").SelectMany(r => r.Actions), a => Assert.Null(a.Venue));
    }

    [Fact]
    public void Create_ShadowTraderWithoutItsShadowVenue_IsRefusedNotSentToTheLiveVenue()
    {
        var starter = HalyardConfig.Default();
        var config = starter with { Traders = [starter.Traders[0] with { Shadow = true }] };
        using var engine = new PaperExchangeEngine(new PaperExchangeOptions(), new ReplayClock(ReplayScenario.From));
        using var venue = new VenueConnection(new VenueConnectionOptions
        {
            Handler = engine.CreateHandler(),
            Endpoint = new HyperliquidEndpoint(new Uri("http://paper.invalid/"), true),
            Identity = SigningIdentity.ForAccount(PaperAccount.Key()),
            Clock = engine.Time,
        });
        using var journal = new MemoryJournal();

        var created = TraderFactory.Create(config, new TraderRuntime
        {
            Venue = venue,
            Ledger = _ => new InMemoryIntentLedger(),
            OrchestratorTime = engine.Time,
            Journal = journal,
            Clock = engine.Time,
        });

        Assert.False(created.IsSuccess);
        Assert.Contains("shadow venue", created.Error!.Message, StringComparison.Ordinal);
    }

    private static string[] CloidsSent(IReadOnlyList<DecisionCycleRecord> records, string trader) =>
        [.. records.Where(r => r.TraderId == trader).SelectMany(r => r.Actions).Where(a => a.Attempts > 0 && a.Cloid is not null).Select(a => a.Cloid!).Distinct(StringComparer.Ordinal)];
}

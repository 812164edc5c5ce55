using Halyard.Cycle;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Journal;
using Halyard.MarketData;
using Halyard.Risk;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Cycle.Support;

/// <summary>One trader's cycle over a <see cref="FakeVenue"/>, a <see cref="ScriptedMaker"/> and an in-memory journal, on a fake clock.</summary>
internal sealed class CycleHarness
{
    public static readonly DateTimeOffset Start = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public CycleHarness(Func<TraderSetup, TraderSetup>? configure = null, string traderId = "t01", FakeTimeProvider? clock = null, FakeVenue? venue = null, PositionOwnership? ownership = null, IJournal? journal = null)
    {
        Clock = clock ?? new FakeTimeProvider(Start);
        Venue = venue ?? new FakeVenue(Clock);
        Ownership = ownership ?? new PositionOwnership();
        Journal = journal ?? new MemoryJournal();
        var setup = new TraderSetup { TraderId = traderId, Limits = new RiskLimits { MaxPositionSizeUsd = 100_000m } };
        Setup = configure?.Invoke(setup) ?? setup;
        var snapshotOptions = new MarketSnapshotOptions { Intraday = CandleInterval.FiveMinutes };
        var cache = new CandleCache(new EmptyCandles(), Clock, snapshotOptions);
        Cycle = new TraderCycle(Setup, new TraderServices
        {
            Reader = Venue,
            Feed = new MarketDataFeed(cache, new MarketSnapshotBuilder(snapshotOptions)),
            Selector = new CandidateSelector(new CandidateOptions { LiquidityThresholdUsd = Setup.Limits.LiquidityThresholdUsd }),
            DecisionStep = new DecisionStep(Maker),
            Orders = Venue,
            Journal = Journal,
            Ownership = Ownership,
            Clock = Clock,
        });
    }

    public FakeTimeProvider Clock { get; }

    public FakeVenue Venue { get; }

    public PositionOwnership Ownership { get; }

    public IJournal Journal { get; }

    public ScriptedMaker Maker { get; } = new();

    public TraderSetup Setup { get; }

    public TraderCycle Cycle { get; }

    /// <summary>A position the trader already holds (as after a restart).</summary>
    public void Holds(string coin, decimal size, decimal entry)
    {
        Venue.Hold(coin, size, entry);
        Ownership.Claim(coin, Setup.TraderId);
    }

    public Task<DecisionCycleRecord> RunAsync() => Cycle.RunCycleAsync(CancellationToken.None);

    /// <summary>Runs a cycle, then moves the clock on by the decision interval.</summary>
    public async Task<DecisionCycleRecord> StepAsync()
    {
        var record = await RunAsync();
        Clock.Advance(Setup.DecisionInterval);
        return record;
    }

    /// <summary>An open that passes every default rule for a $10,000 account at the venue's current price.</summary>
    public TradingDecision Open(string coin, DecisionAction action = DecisionAction.OpenLong, decimal sizeUsd = 10_000m)
    {
        var price = Venue.Prices[coin];
        var up = action == DecisionAction.OpenLong;
        return new TradingDecision(coin, action, 5, sizeUsd, price, up ? price * 0.98m : price * 1.02m, up ? price * 1.08m : price * 0.92m, 80);
    }

    private sealed class EmptyCandles : ICandleSource
    {
        public Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken) =>
            Task.FromResult(Result<IReadOnlyList<Candle>>.Success([]));
    }
}

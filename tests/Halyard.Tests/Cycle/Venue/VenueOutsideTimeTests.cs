using Halyard.Cycle.Composition;
using Halyard.Cycle.Replay;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.Tests.Cycle.LiveState;

namespace Halyard.Tests.Cycle.Venue;

/// <summary>
/// The decision-to-order latency is our own time: what a read spends in the venue is taken out. An HTTP read's round
/// trip always was; these cover the reads without HTTP: the replay's typed reads (the in-process paper exchange
/// answering) and the live state's catch-up (the venue publishing, the ping round trip).
/// </summary>
public sealed class VenueOutsideTimeTests
{
    [Fact]
    public async Task TypedRead_InsideAProbe_CountsTheEnginesAnswerAsOutsideTime()
    {
        var clock = new ReplayClock(LiveStateHarness.From);
        var key = PaperAccount.Key();
        using var engine = new PaperExchangeEngine(new PaperExchangeOptions { Accounts = [new FundedAccount(key.Address.Value, 10_000m)] }, clock);
        using var venue = new VenueConnection(new VenueConnectionOptions
        {
            Handler = engine.CreateHandler(),
            Endpoint = new HyperliquidEndpoint(new Uri("http://paper.invalid/"), engine.Options.IsMainnet),
            Identity = SigningIdentity.ForAccount(key),
            Clock = clock,
            BudgetMode = WeightBudgetMode.Fail,
            TypedReads = engine,
        });

        var probe = venue.Timer.Begin();
        var account = await venue.Reader.GetAccountAsync(CancellationToken.None);

        Assert.True(account.IsSuccess, account.Error?.Message);
        Assert.Equal(0, venue.Timer.InfoRequests); // no HTTP request was timed
        Assert.True(probe.OutsideBefore(long.MaxValue) > 0);
    }

    [Fact]
    public async Task PushedRead_InsideAProbe_CountsTheCatchUpAsOutsideTime()
    {
        await using var harness = await LiveStateHarness.StartAsync();
        var before = harness.Counter.Info;

        var probe = harness.Venue.Timer.Begin();
        var account = await harness.Live.Reader.GetAccountAsync(CancellationToken.None);

        Assert.True(account.IsSuccess, account.Error?.Message);
        Assert.Equal(before, harness.Counter.Info); // served from the shadow: no HTTP request was timed
        Assert.True(probe.OutsideBefore(long.MaxValue) > 0);
    }
}

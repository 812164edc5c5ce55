using Halyard.Cycle;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

public class CoinClaimTests
{
    [Fact]
    public async Task RunCycle_CoinClaimedByAnotherTraderOfTheAccount_OpenIsNotSent()
    {
        var ownership = new PositionOwnership();
        var h = new CycleHarness(traderId: "alpha", ownership: ownership);
        Assert.True(ownership.Claim("SOL", "beta"));
        h.Maker.Then(h.Open("SOL"));

        var record = await h.RunAsync();

        Assert.Empty(h.Venue.Intents);
        Assert.Contains(record.Actions, a => a is { Symbol: "SOL", Result: "claimed_by_other_trader" });
        Assert.Equal("beta", ownership.OwnerOf("SOL"));
    }

    [Fact]
    public async Task RunCycle_OpenSent_CoinIsClaimedBeforeTheOrderLeaves()
    {
        var ownership = new PositionOwnership();
        var h = new CycleHarness(traderId: "alpha", ownership: ownership);
        string? ownerWhenSent = null;
        h.Venue.Executing = intent => ownerWhenSent = ownership.OwnerOf(intent.Symbol);
        h.Maker.Then(h.Open("SOL"));

        await h.RunAsync();

        Assert.Equal("alpha", ownerWhenSent);
    }

    [Fact]
    public async Task RunCycle_CoinsOfOtherTradersAndExternalPositions_AreNotCandidates_OwnPositionIs()
    {
        var ownership = new PositionOwnership();
        var h = new CycleHarness(traderId: "alpha", ownership: ownership);
        Assert.True(ownership.Claim("SOL", "beta"));
        h.Venue.Hold("DOGE", 1_000m, 0.2m); // nobody's: external
        h.Holds("ETH", 1m, 3_000m);

        var record = await h.RunAsync();

        Assert.DoesNotContain("SOL", record.Candidates);
        Assert.DoesNotContain("DOGE", record.Candidates);
        Assert.Contains("ETH", record.Candidates);
        Assert.Contains("BTC", record.Candidates);
    }

    [Fact]
    public void Owners_IsACopyOfTheClaimsAtThatMoment()
    {
        var ownership = new PositionOwnership();
        Assert.True(ownership.Claim("SOL", "beta"));

        var owners = ownership.Owners();
        Assert.True(ownership.Claim("ETH", "alpha"));

        Assert.Equal(new Dictionary<string, string> { ["SOL"] = "beta" }, owners);
    }
}

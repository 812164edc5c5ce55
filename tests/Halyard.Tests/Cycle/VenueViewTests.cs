using Halyard.Cycle;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Tests.Cycle;

public sealed class VenueViewTests
{
    private static readonly AccountSnapshot Account = new(1_000m, 0m, 0m, 1_000m, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void From_SameInstrumentsAsTheLastView_ReusesItsRulesByCoinAndTakesTheNewContexts()
    {
        IReadOnlyList<InstrumentRules> instruments = [new("BTC", 0, 5, 40), new("ETH", 1, 4, 25)];
        var first = VenueView.From(Account, [], new PerpUniverse(instruments, [Context("BTC", 100m), Context("ETH", 10m)]));

        var second = VenueView.From(Account, [], new PerpUniverse(instruments, [Context("BTC", 101m), Context("ETH", 11m)]), (instruments, first));

        Assert.Same(first.Instruments, second.Instruments);
        Assert.Equal(101m, second.Assets["BTC"].MarkPrice);
        Assert.Equal(11m, second.Assets["ETH"].MarkPrice);
    }

    [Fact]
    public void From_OtherInstruments_BuildsItsRulesAgain()
    {
        IReadOnlyList<InstrumentRules> before = [new("BTC", 0, 5, 40)];
        IReadOnlyList<InstrumentRules> after = [new("BTC", 0, 5, 20)];
        var first = VenueView.From(Account, [], new PerpUniverse(before, [Context("BTC", 100m)]));

        var second = VenueView.From(Account, [], new PerpUniverse(after, [Context("BTC", 100m)]), (before, first));

        Assert.NotSame(first.Instruments, second.Instruments);
        Assert.Equal(20, second.Instruments["BTC"].MaxLeverage);
    }

    private static AssetContext Context(string coin, decimal mark) => new(coin, mark, mark, mark, 0m, 0m, mark, 0m, null);
}

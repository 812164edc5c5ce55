using Halyard.Cycle;
using Halyard.Domain;

namespace Halyard.Tests.Cycle;

/// <summary>The contexts by coin hold and yield what a dictionary filled with TryAdd in list order does.</summary>
public sealed class ContextsByCoinTests
{
    [Fact]
    public void Of_WithDuplicates_TheSameAsADictionaryFilledInListOrder()
    {
        AssetContext[] contexts = [Context("BTC", 1m), Context("ETH", 2m), Context("BTC", 3m), Context("SOL", 4m)];

        var byCoin = ContextsByCoin.Of(contexts, null);

        AssertSameAsDictionary(contexts, byCoin);
        Assert.Equal(1m, byCoin["BTC"].MarkPrice);
        Assert.False(byCoin.ContainsKey("DOGE"));
        Assert.Throws<KeyNotFoundException>(() => byCoin["DOGE"]);
    }

    [Fact]
    public void Of_SameCoinsAsThePreviousRead_TakesTheNewContexts()
    {
        AssetContext[] before = [Context("BTC", 1m), Context("ETH", 2m)];
        AssetContext[] after = [Context("BTC", 10m), Context("ETH", 20m)];
        var previous = ContextsByCoin.Of(before, null);

        var next = ContextsByCoin.Of(after, previous);

        AssertSameAsDictionary(after, next);
        Assert.Equal(10m, next["BTC"].MarkPrice);
        Assert.Equal(1m, previous["BTC"].MarkPrice);
    }

    [Fact]
    public void Of_OtherCoinsThanThePreviousRead_PositionsFoundAgain()
    {
        var previous = ContextsByCoin.Of([Context("BTC", 1m), Context("ETH", 2m)], null);
        AssetContext[] swapped = [Context("ETH", 20m), Context("BTC", 10m)];
        AssetContext[] longer = [Context("ETH", 20m), Context("BTC", 10m), Context("SOL", 5m)];

        var first = ContextsByCoin.Of(swapped, previous);
        var second = ContextsByCoin.Of(longer, first);

        AssertSameAsDictionary(swapped, first);
        AssertSameAsDictionary(longer, second);
        Assert.Equal(10m, second["BTC"].MarkPrice);
        Assert.Equal(5m, second["SOL"].MarkPrice);
    }

    private static void AssertSameAsDictionary(IReadOnlyList<AssetContext> contexts, IReadOnlyDictionary<string, AssetContext> actual)
    {
        var expected = new Dictionary<string, AssetContext>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            expected.TryAdd(context.Coin, context);
        }

        Assert.Equal(expected.ToList(), actual.ToList());
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (coin, context) in expected)
        {
            Assert.True(actual.TryGetValue(coin, out var found));
            Assert.Same(context, found);
        }
    }

    private static AssetContext Context(string coin, decimal mark) => new(coin, mark, mark, mark, 0m, 0m, mark, 0m, null);
}

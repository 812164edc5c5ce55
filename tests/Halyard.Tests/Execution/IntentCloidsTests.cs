using CsCheck;
using Halyard.Domain;
using Halyard.Execution;

namespace Halyard.Tests.Execution;

public class IntentCloidsTests
{
    private static OpenIntent Open(decimal usd = 1_500m, long cycle = 7, PositionSide side = PositionSide.Long) => new()
    {
        TraderId = "t01", Cycle = cycle, DecisionId = "d", Symbol = "BTC", Side = side, Size = OrderSize.Usd(usd), Leverage = 5,
    };

    [Fact]
    public void Entry_SameIntent_SameCloid() => Assert.Equal(IntentCloids.Entry(Open()), IntentCloids.Entry(Open() with { DecisionId = "other" }));

    [Theory]
    [InlineData(1_520, true)]
    [InlineData(1_549, true)]
    [InlineData(1_550, false)]
    [InlineData(1_600, false)]
    public void Entry_SizeInTheSameBucket_SameCloid(int usd, bool same) =>
        Assert.Equal(same, IntentCloids.Entry(Open()) == IntentCloids.Entry(Open(usd)));

    [Fact]
    public void Entry_OtherCycleOrSide_OtherCloid()
    {
        Assert.NotEqual(IntentCloids.Entry(Open()), IntentCloids.Entry(Open(cycle: 8)));
        Assert.NotEqual(IntentCloids.Entry(Open()), IntentCloids.Entry(Open(side: PositionSide.Short)));
    }

    [Fact]
    public void Children_EachRoleAndNumber_HaveTheirOwnCloid()
    {
        var entry = IntentCloids.Entry(Open()).Value;
        var all = new[] { IntentCloids.Child(entry, "sl", 1), IntentCloids.Child(entry, "sl", 2), IntentCloids.Child(entry, "tp", 1), IntentCloids.Child(entry, "rest", 1) };
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public void Bucket_AnyPositiveSize_IsWithinFivePercentAndDeterministic() =>
        Gen.Decimal[0.0001m, 10_000_000m].Sample(size =>
        {
            var bucket = OrderSize.Usd(size).Bucket();
            var value = decimal.Parse(bucket["usd:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return bucket == OrderSize.Usd(size).Bucket() && Math.Abs(value - size) <= size * 0.05m;
        });
}

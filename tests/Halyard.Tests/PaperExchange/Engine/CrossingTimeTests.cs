using CsCheck;
using Halyard.PaperExchange.Engine;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class CrossingTimeTests
{
    [Fact]
    public void CrossingTime_IsTheFirstMillisecondAtOrBeyondTheLevel()
    {
        Gen.Select(Gen.Decimal[90m, 110m], Gen.Decimal[90m, 110m], Gen.Decimal[90m, 110m], Gen.Bool).Sample((start, end, level, above) =>
        {
            const long from = 1_000_000, to = from + 75_000;
            decimal At(long t) => start + ((end - start) * (t - from) / (to - from));
            bool Beyond(decimal price) => above ? price >= level : price <= level;
            var time = MarketStepper.CrossingTime(start, end, from, to, level, above);
            if (time is not { } t)
            {
                return !Beyond(start) && !Beyond(end);
            }

            return t >= from && t <= to && Beyond(At(t)) && (t == from || !Beyond(At(t - 1)));
        });
    }

    [Fact]
    public void CrossingTime_AlreadyBeyondAtTheStart_FiresAtTheStart() =>
        Assert.Equal(10, MarketStepper.CrossingTime(99m, 101m, 10, 20, 100m, above: false));

    [Fact]
    public void CrossingTime_LevelHitExactlyOnAMillisecond_IsThatMillisecond()
    {
        // Found by the property above: 109 → 101 over 75 s reaches 7798/75 exactly at +47,125 ms, where the
        // decimal division alone rounded one millisecond late.
        const long from = 1_000_000;
        var level = 7798m / 75m;
        var time = MarketStepper.CrossingTime(109m, 101m, from, from + 75_000, level, above: false);
        Assert.Equal(from + 47_125, time);
    }
}

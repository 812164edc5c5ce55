using CsCheck;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>The stepper's search for the first 3 s mark step at or beyond a level (a trigger, a limit, a liquidation price).</summary>
public sealed class CrossingTimeTests
{
    private const long Grid = 75_000;
    private const long From = 1_500_000; // a grid point

    [Fact]
    public void FirstStepBeyond_IsTheFirstStepAtOrBeyondTheLevel_OnASteppedLineWithAGapAtTheGridPoint()
    {
        Gen.Select(Gen.Decimal[90m, 110m], Gen.Decimal[90m, 110m], Gen.Decimal[90m, 110m], Gen.Decimal[90m, 110m], Gen.Bool, Gen.Long[0, Grid]).Sample((start, end, gap, level, above, fromOffset) =>
        {
            // The stepped path: linear from start to end over the piece, sampled at 3 s steps; the grid point closing it gaps to `gap`.
            decimal Mark(long t)
            {
                var s = MarkPath.StepStart(t);
                return s >= From + Grid ? gap : start + ((end - start) * (s - From) / Grid);
            }

            bool Beyond(decimal price) => above ? price >= level : price <= level;
            var from = From + fromOffset;
            var to = From + Grid;
            var time = MarketStepper.FirstStepBeyond(t => Mark(t), from, to, Grid, level, above);
            // The mark only changes at step starts: check `from`, then every step start after it.
            var candidates = new List<long> { from };
            for (var s = MarkPath.StepStart(from) + MarkPath.StepMs; s <= to; s += MarkPath.StepMs)
            {
                candidates.Add(s);
            }

            var expected = candidates.FirstOrDefault(t => Beyond(Mark(t)), -1);
            return time == (expected < 0 ? null : expected);
        });
    }

    [Fact]
    public void FirstStepBeyond_AlreadyBeyondAtTheStart_FiresAtTheStart() =>
        Assert.Equal(From + 10, MarketStepper.FirstStepBeyond(_ => 99m, From + 10, From + 20, Grid, 100m, above: false));

    [Fact]
    public void FirstStepBeyond_BetweenSteps_WaitsForTheNextStep()
    {
        // 109 → 101 over the piece: the continuous line reaches 104 at +46,875 ms; the stepped mark gets there at the next step, 48 s.
        decimal Mark(long t) => 109m - (8m * (MarkPath.StepStart(t) - From) / Grid);
        Assert.Equal(From + 48_000, MarketStepper.FirstStepBeyond(t => Mark(t), From, From + Grid, Grid, 104m, above: false));
        Assert.True(Mark(From + 48_000) < 104m); // the step overshoots the level: a stop fires there, past its trigger
    }
}

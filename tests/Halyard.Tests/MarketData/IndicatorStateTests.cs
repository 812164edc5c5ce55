using Halyard.Domain;
using Halyard.MarketData;

namespace Halyard.Tests.MarketData;

public class IndicatorStateTests
{
    private static Candle At(int minute, decimal close, decimal volume = 1m) =>
        new(minute * 60_000L, close, close + 1, close - 1, close, volume);

    [Fact]
    public void Apply_NewerSameOlder_AppendsReplacesIgnores()
    {
        var state = new IndicatorState(CandleInterval.OneMinute);
        Assert.Equal(CandleApplied.Appended, state.Apply(At(0, 10)));
        Assert.Equal(CandleApplied.Appended, state.Apply(At(1, 11)));
        Assert.Equal(CandleApplied.Replaced, state.Apply(At(1, 12)));
        Assert.Equal(CandleApplied.Stale, state.Apply(At(0, 99)));
        Assert.Equal(2, state.CandleCount);
        Assert.Equal(12m, state.Last!.Close);
        Assert.Equal([10.0, 12.0], state.ToSeries().Close);
    }

    [Fact]
    public void ToSeries_MoreCandlesThanLength_KeepsLastNOldestFirst()
    {
        var state = new IndicatorState(CandleInterval.OneMinute, seriesLength: 3);
        for (var i = 0; i < 7; i++)
        {
            state.Apply(At(i, 100 + i, volume: i));
        }

        var series = state.ToSeries();
        Assert.Equal([104.0, 105.0, 106.0], series.Close);
        Assert.Equal([4.0, 5.0, 6.0], series.Volume);
        Assert.Equal("1m", series.Interval);
        Assert.All(
            new[] { series.Ema20, series.Ema50, series.Rsi7, series.Rsi14, series.Macd, series.MacdSignal, series.Atr3, series.Atr14 },
            s => Assert.Equal(3, s.Count));
    }

    [Fact]
    public void ToSeries_BeforeWarmup_UsesNaNAndIsWarmTurnsTrueAtFifty()
    {
        var state = new IndicatorState(CandleInterval.OneMinute);
        for (var i = 0; i < IndicatorState.WarmupCandles - 1; i++)
        {
            state.Apply(At(i, 100 + (i % 7)));
        }

        var cold = state.ToSeries();
        Assert.True(double.IsNaN(cold.Ema50[^1]));
        Assert.False(double.IsNaN(cold.Ema20[^1]));
        Assert.False(double.IsNaN(cold.MacdSignal[^1]));
        Assert.False(cold.IsWarm);
        Assert.False(state.IsWarm);

        state.Apply(At(IndicatorState.WarmupCandles - 1, 100));
        Assert.True(state.IsWarm);
        Assert.True(state.ToSeries().IsWarm);
    }

    [Fact]
    public void ToSeries_UnchangedState_ReturnsCachedInstanceUntilNextCandle()
    {
        var state = new IndicatorState(CandleInterval.OneMinute);
        state.Apply(At(0, 10));
        var first = state.ToSeries();
        Assert.Same(first, state.ToSeries());
        state.Apply(At(0, 11));
        Assert.NotSame(first, state.ToSeries());
        Assert.Equal([10.0], first.Close);
    }

    [Fact]
    public void TryGetClose_WithAndWithoutGaps_FindsByOpenTime()
    {
        var state = new IndicatorState(CandleInterval.OneMinute, seriesLength: 2, candleCapacity: 10);
        foreach (var minute in new[] { 0, 1, 2, 5, 6 })
        {
            state.Apply(At(minute, 100 + minute));
        }

        Assert.True(state.TryGetClose(60_000, out var one));
        Assert.Equal(101m, one);
        Assert.True(state.TryGetClose(5 * 60_000, out var five));
        Assert.Equal(105m, five);
        Assert.False(state.TryGetClose(3 * 60_000, out _));
        Assert.False(state.TryGetClose(-60_000, out _));
        Assert.Equal(5, state.RecentCandles().Count);
    }

    [Fact]
    public void RecentCandles_CapacityExceeded_KeepsNewest()
    {
        var state = new IndicatorState(CandleInterval.OneMinute, seriesLength: 2, candleCapacity: 4);
        for (var i = 0; i < 9; i++)
        {
            state.Apply(At(i, i));
        }

        Assert.Equal([5L, 6L, 7L, 8L], state.RecentCandles().Select(c => c.OpenTimeMs / 60_000));
        Assert.False(state.TryGetClose(4 * 60_000, out _));
    }

    [Fact]
    public void MacdHistogram_IsLineMinusSignal()
    {
        var state = new IndicatorState(CandleInterval.OneMinute, seriesLength: 5);
        for (var i = 0; i < 60; i++)
        {
            state.Apply(At(i, 100 + (i * i % 13)));
        }

        var series = state.ToSeries();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(series.Macd[i] - series.MacdSignal[i], series.MacdHistogram[i]);
        }
    }
}

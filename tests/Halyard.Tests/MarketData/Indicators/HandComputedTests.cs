using Halyard.MarketData.Indicators;

namespace Halyard.Tests.MarketData.Indicators;

/// <summary>Tiny cases worked out by hand (the arithmetic is in the comments).</summary>
public class HandComputedTests
{
    [Fact]
    public void Ema3_OneToSix_SmaSeedThenHalfSteps()
    {
        // n = 3, α = 2/4 = 0.5. Seed = (1+2+3)/3 = 2; then 2 + 0.5·(4−2) = 3; 3 + 0.5·(5−3) = 4; 4 + 0.5·(6−4) = 5.
        var ema = new Ema(3);
        var values = new List<double>();
        foreach (var x in new double[] { 1, 2, 3, 4, 5, 6 })
        {
            ema.Add(x);
            values.Add(ema.Value);
        }

        Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[1]));
        Assert.Equal([2.0, 3.0, 4.0, 5.0], values.Skip(2));
    }

    [Fact]
    public void Ema_ReplaceLast_RecomputesFromThePreviousState()
    {
        // n = 3: seed 2 after (1,2,3); add 4 → 3; replace 4 by 10 → 2 + 0.5·(10−2) = 6; replace by 4 again → 3.
        var ema = new Ema(3);
        foreach (var x in new double[] { 1, 2, 3, 4 })
        {
            ema.Add(x);
        }

        ema.ReplaceLast(10);
        Assert.Equal(6.0, ema.Value);
        ema.ReplaceLast(4);
        Assert.Equal(3.0, ema.Value);
        Assert.Equal(4, ema.Count);
    }

    [Fact]
    public void Ema_ReplaceDuringWarmup_ReplacesTheSeedInput()
    {
        // n = 2: add 1, add 5 → seed (1+5)/2 = 3; replace 5 by 3 → (1+3)/2 = 2.
        var ema = new Ema(2);
        ema.Add(1);
        ema.Add(5);
        Assert.Equal(3.0, ema.Value);
        ema.ReplaceLast(3);
        Assert.Equal(2.0, ema.Value);
    }

    [Fact]
    public void Rsi2_UpDownUp_WilderAverages()
    {
        // Closes 1, 2, 1, 2: changes +1, −1 → avg gain 0.5, avg loss 0.5 → RS 1 → RSI 50.
        // Then +1: gain (0.5·1 + 1)/2 = 0.75, loss (0.5·1 + 0)/2 = 0.25 → RS 3 → RSI 100 − 100/4 = 75.
        var rsi = new Rsi(2);
        rsi.Add(1);
        rsi.Add(2);
        Assert.True(double.IsNaN(rsi.Value));
        rsi.Add(1);
        Assert.Equal(50.0, rsi.Value, 12);
        rsi.Add(2);
        Assert.Equal(75.0, rsi.Value, 12);
        rsi.ReplaceLast(0); // change −1 instead: gain 0.25, loss 0.75 → RS 1/3 → RSI 25
        Assert.Equal(25.0, rsi.Value, 12);
    }

    [Fact]
    public void Rsi_OnlyGains_Is100()
    {
        var rsi = new Rsi(3);
        foreach (var x in new double[] { 1, 2, 3, 4, 5 })
        {
            rsi.Add(x);
        }

        Assert.Equal(100.0, rsi.Value);
    }

    [Fact]
    public void Rsi_FlatMarket_Is50()
    {
        var rsi = new Rsi(3);
        foreach (var x in new double[] { 7, 7, 7, 7, 7 })
        {
            rsi.Add(x);
        }

        Assert.Equal(50.0, rsi.Value);
    }

    [Fact]
    public void Atr2_ThreeCandles_FirstTrIsHighMinusLow()
    {
        // TR1 = 12 − 8 = 4 (no previous close); TR2 with prev close 11: max(13−10, |13−11|, |10−11|) = 3
        // → ATR = (4+3)/2 = 3.5. TR3 with prev close 12: max(9−8, |9−12|, |8−12|) = 4 → (3.5·1 + 4)/2 = 3.75.
        var atr = new Atr(2);
        atr.Add(12, 8, 11);
        Assert.True(double.IsNaN(atr.Value));
        atr.Add(13, 10, 12);
        Assert.Equal(3.5, atr.Value, 12);
        atr.Add(9, 8, 8.5);
        Assert.Equal(3.75, atr.Value, 12);
    }

    [Fact]
    public void Macd_2_3_2_HandComputed()
    {
        // fast n=2 (α 2/3), slow n=3 (α 1/2), signal n=2 (α 2/3). Closes 1, 2, 3, 5, 4.
        // fast: −, 1.5, 1.5+2/3·1.5 = 2.5, 2.5+2/3·2.5 = 4.1667, 4.1667+2/3·(−0.1667) = 4.0556
        // slow: −, −, 2, 2+0.5·3 = 3.5, 3.5+0.5·0.5 = 3.75
        // line: −, −, 0.5, 0.6667, 0.3056; signal: −, −, −, (0.5+0.6667)/2 = 0.5833, 0.5833+2/3·(0.3056−0.5833) = 0.3981
        var macd = new Macd(2, 3, 2);
        var lines = new List<double>();
        var signals = new List<double>();
        foreach (var x in new double[] { 1, 2, 3, 5, 4 })
        {
            macd.Add(x);
            lines.Add(macd.Line);
            signals.Add(macd.Signal);
        }

        Assert.True(double.IsNaN(lines[1]) && double.IsNaN(signals[2]));
        Assert.Equal(0.5, lines[2], 12);
        Assert.Equal(2.0 / 3.0, lines[3], 12);
        Assert.Equal(4.0 + (1.0 / 18.0) - 3.75, lines[4], 12);
        Assert.Equal(7.0 / 12.0, signals[3], 12);
        Assert.Equal((7.0 / 12.0) + (2.0 / 3.0 * (lines[4] - (7.0 / 12.0))), signals[4], 12);
        Assert.Equal(lines[4] - signals[4], macd.Histogram, 12);
    }

    [Fact]
    public void ReplaceLast_BeforeAnyInput_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Ema(3).ReplaceLast(1));
        Assert.Throws<InvalidOperationException>(() => new Rsi(3).ReplaceLast(1));
        Assert.Throws<InvalidOperationException>(() => new Atr(3).ReplaceLast(1, 1, 1));
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ema(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rsi(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Atr(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Macd(26, 12, 9));
    }
}

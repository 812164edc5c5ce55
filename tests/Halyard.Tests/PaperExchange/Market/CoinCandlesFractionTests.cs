using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>
/// The elapsed part of a candle in progress is kept per coin (<see cref="CoinCandles.Fraction"/>): over the bundled data's
/// native series, at instants every 3 min plus varying offsets, each answer must be the division made afresh, digits and
/// scale included, whether the operands repeat (kept) or change (a new quotient).
/// </summary>
public sealed class CoinCandlesFractionTests
{
    private static readonly long[] Offsets = [0, 0, 60_000, 60_000, 60_000, 1, 2_999, 45_000, 61_000, 179_999, 0];

    [Fact]
    public void Fraction_OnTheBundledSeries_IsTheDivisionMadeAfresh_ScaleIncluded()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var from = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(2025, 7, 26, 4, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (compared, changed) = (0, 0);
        foreach (var coin in market.Data.Coins)
        {
            var kept = new CoinCandles(market.Data, market.Asset(market.FindAsset(coin)!.Value));
            var previous = (decimal?)null;
            var k = 0;
            for (var t = from; t < to; t += 41 * 180_000)
            {
                var now = t + Offsets[k++ % Offsets.Length];
                for (var native = 0; native < kept.Natives.Count; native++)
                {
                    var series = kept.Natives.Series(native);
                    var index = series.IndexContaining(now);
                    if (index < 0)
                    {
                        continue;
                    }

                    var elapsed = now - series.OpenTime(index);
                    var expected = (decimal)elapsed / series.IntervalMs;
                    var actual = kept.Fraction(elapsed, series.IntervalMs);
                    Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));
                    Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    changed += previous is { } p && decimal.GetBits(p).SequenceEqual(decimal.GetBits(actual)) ? 0 : 1;
                    previous = actual;
                    compared++;
                }
            }
        }

        Assert.True(compared > 1_000, $"compared {compared}");
        Assert.True(changed > 100, $"changed {changed}");
    }

    [Fact]
    public void Fraction_AfterOtherOperands_IsTheNewQuotient()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var kept = new CoinCandles(market.Data, market.Asset(market.FindAsset("BTC")!.Value));
        Assert.Equal(60_000m / 180_000, kept.Fraction(60_000, 180_000));
        Assert.Equal(60_000m / 180_000, kept.Fraction(60_000, 180_000));
        Assert.Equal(0m, kept.Fraction(0, 60_000));
        Assert.Equal(60_000m / 300_000, kept.Fraction(60_000, 300_000));
        Assert.Equal(120_000m / 300_000, kept.Fraction(120_000, 300_000));
    }
}

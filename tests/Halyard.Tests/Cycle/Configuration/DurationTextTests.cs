using CsCheck;
using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public class DurationTextTests
{
    [Theory]
    [InlineData("15m", 0, 15, 0, 0)]
    [InlineData("3m", 0, 3, 0, 0)]
    [InlineData("1h", 1, 0, 0, 0)]
    [InlineData("30s", 0, 0, 30, 0)]
    [InlineData("2h30m", 2, 30, 0, 0)]
    [InlineData("1h2m3s4ms", 1, 2, 3, 4)]
    [InlineData("250ms", 0, 0, 0, 250)]
    [InlineData("0s", 0, 0, 0, 0)]
    [InlineData("90m", 1, 30, 0, 0)]
    public void TryParse_ValidText_Duration(string text, int h, int m, int s, int ms)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(new TimeSpan(0, h, m, s, ms), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("15 m")]
    [InlineData("m")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("30m2h")]
    [InlineData("5m5m")]
    [InlineData("1d")]
    [InlineData("15min")]
    [InlineData("9999999999s")]
    public void TryParse_InvalidText_False(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(90 * 60_000, "1h30m")]
    [InlineData(1_500, "1s500ms")]
    [InlineData(18 * 60_000, "18m")]
    public void Format_Duration_CanonicalText(long ms, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(ms)));

    [Fact]
    public void Format_ThenParse_RoundTrips() =>
        Gen.Long[0, 30L * 24 * 3_600_000].Sample(ms =>
        {
            var value = TimeSpan.FromMilliseconds(ms);
            Assert.True(DurationText.TryParse(DurationText.Format(value), out var back));
            Assert.Equal(value, back);
        });

    [Fact]
    public void TryParse_ArbitraryText_NeverThrows() =>
        Gen.String[Gen.Char["0123456789hms .-"], 0, 12].Sample(text =>
        {
            if (DurationText.TryParse(text, out var value))
            {
                Assert.True(value >= TimeSpan.Zero);
            }
        });
}

using Halyard.MarketData.Indicators;

namespace Halyard.Tests.MarketData.Indicators;

/// <summary>
/// <see cref="RollingWindow{T}"/> wraps its positions by a comparison instead of a division: over many appends and
/// replacements (the buffer wrapped many times, capacities 1 to 81) every index, the newest value and the copy must be
/// those of a plain list of the last <c>capacity</c> values.
/// </summary>
public sealed class RollingWindowTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(81)]
    public void EveryRead_AfterAppendsAndReplacements_IsThatOfTheLastValues(int capacity)
    {
        var random = new Random(capacity);
        var window = new RollingWindow<int>(capacity);
        var reference = new List<int>();
        for (var step = 0; step < 2_000; step++)
        {
            var value = random.Next();
            if (reference.Count > 0 && random.Next(3) == 0)
            {
                window.ReplaceNewest(value);
                reference[^1] = value;
            }
            else
            {
                window.Append(value);
                reference.Add(value);
                if (reference.Count > capacity)
                {
                    reference.RemoveAt(0);
                }
            }

            Assert.Equal(reference.Count, window.Count);
            Assert.Equal(reference[^1], window.Newest);
            Assert.Equal(reference, window.ToArray());
            for (var i = 0; i < reference.Count; i++)
            {
                Assert.Equal(reference[i], window[i]);
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => window[reference.Count]);
            Assert.Throws<ArgumentOutOfRangeException>(() => window[-1]);
        }
    }

    [Fact]
    public void AnEmptyWindow_HasNoNewestValue()
    {
        var window = new RollingWindow<int>(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => window.Newest);
        Assert.Throws<InvalidOperationException>(() => window.ReplaceNewest(1));
        Assert.Empty(window.ToArray());
    }
}

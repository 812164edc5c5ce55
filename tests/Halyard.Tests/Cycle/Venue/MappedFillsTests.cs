using Halyard.Cycle.Venue;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Tests.Cycle.Venue;

/// <summary>A typed fills answer mapped reusing the last answer's fills: equal to the mapping afresh, a new wire mapped anew.</summary>
public sealed class MappedFillsTests
{
    [Fact]
    public void Map_TheSameWiresAgain_EqualToInfoMapperAndTheSameFills()
    {
        var mapped = new MappedFills();
        UserFillWire[] wires = [Wire(10), Wire(20), Wire(30)];

        var first = mapped.Map(wires);
        var again = mapped.Map(wires);

        Assert.Equal(wires.Select(InfoMapper.ToFill), first);
        Assert.Equal(first.Length, again.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Same(first[i], again[i]);
        }
    }

    [Fact]
    public void Map_NewAndShiftedWiresLater_NewOnesMappedAnewTheKeptOnesFoundAnywhere()
    {
        var mapped = new MappedFills();
        UserFillWire[] before = [Wire(10), Wire(20)];
        var kept = mapped.Map(before);

        // The range moved on: the second wire is now first, then a new fill, and a wire equal in value to the first but
        // another record (mapped anew: only the same record is reused).
        var twin = Wire(10);
        UserFillWire[] after = [before[1], Wire(40), twin];
        var now = mapped.Map(after);

        Assert.Equal(after.Select(InfoMapper.ToFill), now);
        Assert.Same(kept[1], now[0]);
        Assert.NotSame(kept[0], now[2]);
        Assert.Equal(40, now[1].Time.ToUnixTimeMilliseconds());
        Assert.Empty(mapped.Map([]));
    }

    private static UserFillWire Wire(long time) => new()
    {
        Coin = "BTC",
        Px = 100m + time,
        Sz = 0.5m,
        Side = time % 20 == 0 ? "B" : "A",
        Time = time,
        StartPosition = 0m,
        Dir = "Open Long",
        ClosedPnl = 0m,
        Hash = "0x" + time.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Oid = time,
        Crossed = true,
        Fee = 0.01m,
        Tid = time,
        Cloid = "0x0000000000000000000000000000000a",
        FeeToken = "USDC",
    };
}

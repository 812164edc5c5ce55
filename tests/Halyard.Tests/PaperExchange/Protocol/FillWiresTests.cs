using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Protocol;

namespace Halyard.Tests.PaperExchange.Protocol;

/// <summary>A fill's wire made once: equal to the wire made afresh, the same record on a later read, and a changed fill seen.</summary>
public sealed class FillWiresTests
{
    [Fact]
    public void Of_EveryFill_EqualsTheWireMadeAfreshAndIsTheSameRecordNextTime()
    {
        var account = new Account("0xabc", 0m);
        var wires = new FillWires();
        for (var t = 1; t <= 5; t++)
        {
            account.Fills.Add(Fill(t * 10, liquidation: t == 3));
        }

        var first = Enumerable.Range(0, 5).Select(i => wires.Of(account, i)).ToArray();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TypedInfoAnswers.Fill(account, account.Fills[i]), first[i]);
            Assert.Same(first[i], wires.Of(account, i));
        }
    }

    [Fact]
    public void Of_AFillAppendedOrReplacedLater_IsMadeForThatFill()
    {
        var account = new Account("0xabc", 0m);
        var other = new Account("0xdef", 0m);
        var wires = new FillWires();
        account.Fills.Add(Fill(10));
        other.Fills.Add(Fill(10));
        var kept = wires.Of(account, 0);

        account.Fills.Add(Fill(20));
        Assert.Equal(TypedInfoAnswers.Fill(account, account.Fills[1]), wires.Of(account, 1));
        Assert.Equal(TypedInfoAnswers.Fill(other, other.Fills[0]), wires.Of(other, 0));

        account.Fills[0] = Fill(15);
        var remade = wires.Of(account, 0);
        Assert.NotSame(kept, remade);
        Assert.Equal(TypedInfoAnswers.Fill(account, account.Fills[0]), remade);
        Assert.Equal(15, remade.Time);
    }

    private static FillRecord Fill(long time, bool liquidation = false) =>
        new("BTC", 100m + time, 1m, true, time, 0m, "Open Long", 0.5m, "0x" + time.ToString(System.Globalization.CultureInfo.InvariantCulture), time, true, 0.1m, time, "0x0000000000000000000000000000000a", liquidation ? 99m : null, liquidation ? LiquidationMethod.Market : LiquidationMethod.None);
}

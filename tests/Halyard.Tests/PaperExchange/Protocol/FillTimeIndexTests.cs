using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Protocol;

namespace Halyard.Tests.PaperExchange.Protocol;

/// <summary>Where a fill range begins: never past a fill in the range, and the first one when the fills are in time order.</summary>
public sealed class FillTimeIndexTests
{
    [Fact]
    public void FirstAtOrAfter_FillsInTimeOrder_TheFirstFillAtOrAfterTheStart()
    {
        var account = new Account("0xabc", 0m);
        var index = new FillTimeIndex();
        Assert.Equal(0, index.FirstAtOrAfter(account, 5));
        foreach (var time in new long[] { 10, 10, 20, 30, 30, 30, 40 })
        {
            account.Fills.Add(Fill(time));
        }

        foreach (var start in new long[] { long.MinValue, 0, 10, 11, 20, 29, 30, 31, 40, 41, long.MaxValue })
        {
            Assert.Equal(LinearFirst(account, start), index.FirstAtOrAfter(account, start));
        }
    }

    [Fact]
    public void FirstAtOrAfter_AFillAppendedLater_IsSeen()
    {
        var account = new Account("0xabc", 0m);
        var index = new FillTimeIndex();
        account.Fills.Add(Fill(10));
        Assert.Equal(1, index.FirstAtOrAfter(account, 20));

        account.Fills.Add(Fill(25));
        Assert.Equal(1, index.FirstAtOrAfter(account, 20));
        Assert.Equal(2, index.FirstAtOrAfter(account, 26));
    }

    [Fact]
    public void FirstAtOrAfter_AFillOlderThanTheOneBefore_WalksFromTheFirstFill()
    {
        var account = new Account("0xabc", 0m);
        var index = new FillTimeIndex();
        account.Fills.Add(Fill(10));
        account.Fills.Add(Fill(30));
        Assert.Equal(1, index.FirstAtOrAfter(account, 20));

        account.Fills.Add(Fill(15));
        Assert.Equal(0, index.FirstAtOrAfter(account, 20));
        account.Fills.Add(Fill(40));
        Assert.Equal(0, index.FirstAtOrAfter(account, 35));
    }

    private static int LinearFirst(Account account, long start)
    {
        var i = 0;
        while (i < account.Fills.Count && account.Fills[i].Time < start)
        {
            i++;
        }

        return i;
    }

    private static FillRecord Fill(long time) =>
        new("BTC", 100m, 1m, true, time, 0m, "Open Long", 0m, "0x" + time.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, true, 0.1m, time, null, null);
}

using Halyard.Cycle.Performance;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Tests.Cycle.Performance;

public class TradeBookTests
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static UserFill Fill(int minute, OrderSide side, decimal size, decimal price, decimal closedPnl = 0m, decimal fee = 1m, long oid = 0) =>
        new("SOL", price, size, side, T0.AddMinutes(minute), null, "", closedPnl, fee, true, oid == 0 ? minute + 1 : oid, null, minute + 1, "0x", null, false);

    [Fact]
    public void ApplyFills_OpenThenClose_GivesOneTradeWithPnlFeesAndFunding()
    {
        var book = new TradeBook();
        book.ApplyFills([Fill(0, OrderSide.Buy, 10m, 100m, fee: 0.45m)]);
        book.ApplyFunding([new UserFundingEntry(T0.AddMinutes(60), "SOL", -0.2m, 10m, 0.0001m, null, "0x")]);

        var closed = book.ApplyFills([Fill(90, OrderSide.Sell, 10m, 110m, closedPnl: 100m, fee: 0.5m)]);

        var trade = Assert.Single(closed);
        Assert.Equal((PositionSide.Long, 100m, 110m, 10m), (trade.Side, trade.EntryPrice, trade.ExitPrice, trade.Size));
        Assert.Equal((100m, 0.95m, -0.2m), (trade.RealizedPnlUsd, trade.FeesUsd, trade.FundingUsd));
        Assert.Equal(100m - 0.95m - 0.2m, trade.NetPnlUsd);
        Assert.Empty(book.OpenCoins);
    }

    [Fact]
    public void ApplyFills_ScaledInAndOutOverSeveralFills_AveragesEntryAndExit()
    {
        var book = new TradeBook();
        book.ApplyFills([Fill(0, OrderSide.Sell, 2m, 100m), Fill(1, OrderSide.Sell, 2m, 104m)]);
        Assert.Empty(book.ApplyFills([Fill(5, OrderSide.Buy, 1m, 90m, closedPnl: 12m)]));

        var trade = Assert.Single(book.ApplyFills([Fill(6, OrderSide.Buy, 3m, 96m, closedPnl: 18m)]));

        Assert.Equal((PositionSide.Short, 102m, 94.5m, 4m, 30m, 4m), (trade.Side, trade.EntryPrice, trade.ExitPrice, trade.Size, trade.RealizedPnlUsd, trade.FeesUsd));
    }

    [Fact]
    public void ApplyFills_AFlip_ClosesTheTradeAndOpensTheOtherSideWithTheRemainder()
    {
        var book = new TradeBook();
        book.ApplyFills([Fill(0, OrderSide.Buy, 1m, 100m, fee: 1m)]);

        var closed = book.ApplyFills([Fill(3, OrderSide.Sell, 3m, 105m, closedPnl: 5m, fee: 3m)]);

        var trade = Assert.Single(closed);
        Assert.Equal((1m, 2m), (trade.Size, trade.FeesUsd)); // one third of the flip fill's fee closes the long
        var open = Assert.Single(book.OpenPositions([new Position("SOL", -2m, 105m, 210m, 0m, 21m, 10, true, null)]));
        Assert.Equal((2m, T0.AddMinutes(3)), (open.FeesUsd, open.EntryTime));
    }

    [Fact]
    public void ApplyFills_TheSameFillTwice_CountsOnce()
    {
        var book = new TradeBook();
        var entry = Fill(0, OrderSide.Buy, 1m, 100m);
        book.ApplyFills([entry]);
        book.ApplyFills([entry]);

        var trade = Assert.Single(book.ApplyFills([Fill(3, OrderSide.Sell, 1m, 101m, closedPnl: 1m)]));
        Assert.Equal(1m, trade.Size);
    }
}

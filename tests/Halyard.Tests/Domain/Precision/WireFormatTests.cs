using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

public class WireFormatTests
{
    // szDecimals 2: prices carry at most 4 decimals; 123.456 sits between 123.45 and 123.46.
    private static readonly InstrumentRules Sol = new("SOL", 5, SzDecimals: 2, MaxLeverage: 20);

    [Theory]
    [InlineData(OrderSide.Buy, PricePurpose.Entry, RoundingDirection.Down)]
    [InlineData(OrderSide.Sell, PricePurpose.Entry, RoundingDirection.Up)]
    [InlineData(OrderSide.Buy, PricePurpose.ReduceOnlyClose, RoundingDirection.Down)]
    [InlineData(OrderSide.Sell, PricePurpose.ReduceOnlyClose, RoundingDirection.Up)]
    [InlineData(OrderSide.Sell, PricePurpose.StopLossTrigger, RoundingDirection.Up)]
    [InlineData(OrderSide.Buy, PricePurpose.StopLossTrigger, RoundingDirection.Down)]
    [InlineData(OrderSide.Sell, PricePurpose.TakeProfitTrigger, RoundingDirection.Down)]
    [InlineData(OrderSide.Buy, PricePurpose.TakeProfitTrigger, RoundingDirection.Up)]
    [InlineData(OrderSide.Sell, PricePurpose.TriggerLimit, RoundingDirection.Down)]
    [InlineData(OrderSide.Buy, PricePurpose.TriggerLimit, RoundingDirection.Up)]
    public void PriceRounding_SideAndPurpose_IsTheDocumentedTable(OrderSide side, PricePurpose purpose, RoundingDirection expected)
    {
        Assert.Equal(expected, PriceRounding.For(side, purpose));
        var formatted = Sol.FormatPrice(123.456m, side, purpose);
        Assert.True(formatted.IsOk);
        Assert.Equal(expected == RoundingDirection.Down ? "123.45" : "123.46", formatted.Value.Text);
    }

    [Fact]
    public void FormatPrice_LongStopLoss_MovesTowardThePriceNeverAway()
    {
        // Long entered near 130 with an intended stop at 123.456: the sell stop may only move up (less loss).
        var stop = Sol.FormatPrice(123.456m, PositionSide.Long.ClosingSide(), PricePurpose.StopLossTrigger);
        Assert.Equal(123.46m, stop.Value?.Value);

        // Its trigger limit (worst fill) moves away from the trigger: below it, so the sell still fills.
        var limit = Sol.FormatPrice(121.0005m, PositionSide.Long.ClosingSide(), PricePurpose.TriggerLimit);
        Assert.Equal(121m, limit.Value?.Value);
    }

    [Fact]
    public void FormatPrice_ShortTakeProfit_MovesUpTowardThePrice()
    {
        var takeProfit = Sol.FormatPrice(100.0049m, PositionSide.Short.ClosingSide(), PricePurpose.TakeProfitTrigger);
        Assert.Equal("100.01", takeProfit.Value?.Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void FormatPrice_NotPositive_Refused(string text)
    {
        var result = Sol.FormatPrice(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), OrderSide.Sell, PricePurpose.Entry);
        Assert.False(result.IsOk);
        Assert.Equal(FormatRefusal.NotPositive, result.Refusal);
        Assert.Contains("SOL", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatPrice_BelowSmallestPriceRoundingDown_RefusedNeverZero()
    {
        var btc = new InstrumentRules("BTC", 0, SzDecimals: 5, MaxLeverage: 40);
        var down = btc.FormatPrice(0.05m, OrderSide.Buy, PricePurpose.Entry);
        Assert.Equal(FormatRefusal.NoValidPrice, down.Refusal);
        Assert.Null(down.Value);

        var up = btc.FormatPrice(0.05m, OrderSide.Sell, PricePurpose.Entry);
        Assert.Equal("0.1", up.Value?.Text);
    }

    [Fact]
    public void FormatPrice_UndefinedPurpose_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sol.FormatPrice(1m, OrderSide.Buy, (PricePurpose)99));

    [Fact]
    public void FormatPrice_NullRules_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ((InstrumentRules)null!).FormatPrice(1m, OrderSide.Buy, PricePurpose.Entry));

    [Theory]
    [InlineData("1.239", "1.23")]
    [InlineData("1.2300", "1.23")]
    [InlineData("0.01", "0.01")]
    [InlineData("5", "5")]
    public void FormatSize_Any_RoundsTowardZero(string size, string wire) =>
        Assert.Equal(wire, Sol.FormatSize(decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture)).Value?.Text);

    [Fact]
    public void FormatSize_BelowOneLot_Refused() =>
        Assert.Equal(FormatRefusal.SizeRoundsToZero, Sol.FormatSize(0.0099m).Refusal);

    [Fact]
    public void FormatOrder_ValidBuy_RoundsBothAndReportsNotional()
    {
        var order = Sol.FormatOrder(OrderSide.Buy, 150.12345m, 0.0789m);
        Assert.True(order.IsOk);
        Assert.Equal("150.12", order.Value.Price.Text);
        Assert.Equal("0.07", order.Value.Size.Text);
        Assert.Equal(10.5084m, order.Value.Notional);
    }

    [Fact]
    public void FormatOrder_AboveMinimumOnlyBeforeRounding_Refused()
    {
        // 0.0669 × 150 = 10.035 intended, but the size rounds to 0.06: $9.00 after rounding.
        var order = Sol.FormatOrder(OrderSide.Buy, 150m, 0.0669m);
        Assert.Equal(FormatRefusal.BelowMinimumOrderValue, order.Refusal);
        Assert.Contains("0.06", order.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatOrder_ExactlyTenDollars_Accepted() =>
        Assert.True(Sol.FormatOrder(OrderSide.Sell, 100m, 0.1m).IsOk);

    [Theory]
    [InlineData(PricePurpose.ReduceOnlyClose)]
    [InlineData(PricePurpose.StopLossTrigger)]
    [InlineData(PricePurpose.TakeProfitTrigger)]
    [InlineData(PricePurpose.TriggerLimit)]
    public void FormatOrder_ReduceOnlyBelowMinimum_Accepted(PricePurpose purpose)
    {
        Assert.True(Sol.FormatOrder(OrderSide.Sell, 100m, 0.05m, purpose).IsOk);
        Assert.Equal(FormatRefusal.BelowMinimumOrderValue, Sol.FormatOrder(OrderSide.Sell, 100m, 0.05m).Refusal);
    }

    [Fact]
    public void FormatOrder_SizeRoundsToZero_RefusedWithSizeReason() =>
        Assert.Equal(FormatRefusal.SizeRoundsToZero, Sol.FormatOrder(OrderSide.Buy, 150m, 0.001m).Refusal);

    [Fact]
    public void FormatOrder_BadPrice_RefusedWithPriceReason() =>
        Assert.Equal(FormatRefusal.NotPositive, Sol.FormatOrder(OrderSide.Buy, -150m, 1m).Refusal);

    [Fact]
    public void FormatResult_Refused_NeedsAReasonCode() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FormatResult<WirePrice>.Refused(FormatRefusal.None, "x"));
}

using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>
/// The margin summary reused per account and time: the same digits as one computed afresh, reused only while every
/// input is as it was, and computed again after any change of one (or at another time).
/// </summary>
public sealed class SummaryReuseTests
{
    private static readonly long Start = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Summarize_SameInstantUnchanged_ReusesTheSummary()
    {
        var (state, margin, account, _) = Open();

        var first = margin.Summarize(account, Start);
        var second = margin.Summarize(account, Start);

        Assert.Same(first, second);
        Assert.Equal(Digits(margin.SummarizeAfresh(account, Start)), Digits(second));
        Assert.NotSame(first, margin.Summarize(account, Start + 3_000));
        Assert.Equal(Digits(margin.SummarizeAfresh(account, Start + 3_000)), Digits(margin.Summarize(account, Start + 3_000)));
        Assert.NotNull(state);
    }

    [Fact]
    public void Summarize_AfterEachChangeOfAnInput_TheSameAsComputedAfresh()
    {
        var (state, margin, account, ids) = Open();
        var position = account.Positions[ids[0]];
        var order = account.OpenOrders[0];
        Action[] changes =
        [
            () => account.Cash += 1m,
            () => account.Cash = 1001.00m, // the same value with other digits
            () => account.Cash = 1001.000m,
            () => position.Szi = 0.75m,
            () => position.EntryPx *= 1.01m,
            () => position.IsolatedMargin = 10m,
            () => account.Leverage[ids[0]] = new LeverageSetting(false, 3),
            () => account.Leverage[ids[0]] = new LeverageSetting(false, 4),
            () => account.Leverage[ids[1]] = new LeverageSetting(true, 2),
            () => order.Sz = 0.2m,
            () => order.Active = false,
            () => order.Active = true,
            () => order.IsTrigger = true,
            () => order.IsTrigger = false,
            () => order.SetStatus(OrderStatusNames.Canceled, Start),
            () => account.Positions[ids[1]] = new PositionState { Asset = ids[1], Szi = -2m, EntryPx = 1.5m },
            () => account.Positions[ids[1]] = new PositionState { Asset = ids[1], Szi = -2m, EntryPx = 1.5m }, // another object, same values
            () => position.Szi = 0m,
            () => account.Positions.Remove(ids[0]),
            () => account.OpenOrders.Add(Order(state, account, ids[1], 0.9m, 3m)),
            () => account.OpenOrders.RemoveAt(0),
        ];

        var before = Digits(margin.Summarize(account, Start));
        var altered = 0;
        foreach (var change in changes)
        {
            change();
            var afresh = Digits(margin.SummarizeAfresh(account, Start));
            Assert.Equal(afresh, Digits(margin.Summarize(account, Start)));
            Assert.Equal(afresh, Digits(margin.Summarize(account, Start)));
            altered += afresh == before ? 0 : 1;
            before = afresh;
        }

        // Most changes alter the figures (the others change an input no figure shows: a new object with the same values,
        // the leverage of an asset without a position, the isolated margin of a cross position, digits lost in a sum).
        Assert.True(altered >= changes.Length / 2, $"{altered} of {changes.Length} changes altered the summary");
    }

    [Fact]
    public void Same_DigitForDigit_ValueScaleAndSign()
    {
        Assert.False(SummaryInputs.Same(0m, decimal.Negate(0m)));
        Assert.False(SummaryInputs.Same(1.5m, 1.50m));
        Assert.True(SummaryInputs.Same(1.50m, 1.50m));
        Assert.True(SummaryInputs.Same(-2m, -2m));
    }

    private static (VenueState State, MarginCalculator Margin, Account Account, int[] Ids) Open()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var ids = Enumerable.Range(0, market.AssetCount).Where(id => market.Mark(id, Start) is not null).Take(2).ToArray();
        Assert.Equal(2, ids.Length);
        var state = new VenueState(market, new PaperExchangeOptions(), Start);
        var account = state.Fund("0x00000000000000000000000000000000000000aa", 1000m);
        var mark = market.Mark(ids[0], Start)!.Value;
        account.Positions[ids[0]] = new PositionState { Asset = ids[0], Szi = 0.5m, EntryPx = mark * 0.98m };
        account.OpenOrders.Add(Order(state, account, ids[0], mark * 0.9m, 0.1m));
        return (state, new MarginCalculator(state), account, ids);
    }

    private static OrderState Order(VenueState state, Account account, int asset, decimal price, decimal size) => new()
    {
        Oid = state.NextOid(),
        User = account.Address,
        Asset = asset,
        Coin = state.Market.Asset(asset).Name,
        IsBuy = true,
        LimitPx = price,
        OrigSz = size,
        Sz = size,
        ReduceOnly = false,
        Tif = ReceivedTimeInForce.Gtc,
        WasTrigger = false,
        IsMarket = false,
        TriggerPx = 0m,
        IsTakeProfit = false,
        Timestamp = Start,
        Role = OrderRole.Plain,
    };

    /// <summary>Every figure of a summary, digit for digit (value, scale and sign).</summary>
    private static string Digits(AccountSummary s)
    {
        decimal[] figures =
        [
            s.AccountValue, s.CrossAccountValue, s.TotalMarginUsed, s.CrossMarginUsed, s.TotalNtlPos, s.CrossNtlPos,
            s.TotalRawUsd, s.CrossRawUsd, s.CrossMaintenanceMarginUsed, s.Withdrawable, s.OpenOrderMargin,
            .. s.Positions.SelectMany(p => new[] { p.Mark, p.PositionValue, p.UnrealizedPnl, p.MarginUsed, p.MaintenanceMargin }),
        ];
        var positions = string.Join(";", s.Positions.Select(p => $"{p.Position.Asset}/{p.Leverage}/{p.MaxLeverage}"));
        return string.Join(",", figures.Select(f => string.Join(".", decimal.GetBits(f)))) + "|" + positions;
    }
}

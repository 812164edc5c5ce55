using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>One execution to book: who, what, at which price, taker or maker.</summary>
internal readonly record struct FillRequest(
    int Asset,
    bool IsBuy,
    decimal Size,
    decimal Price,
    bool Crossed,
    long TimeMs,
    long Oid,
    string? Cloid,
    decimal? LiquidationMarkPx = null,
    LiquidationMethod Liquidation = LiquidationMethod.None);

/// <summary>How a liquidation fill happened: through the book (<c>market</c>) or taken by the liquidator (<c>backstop</c>, no fee).</summary>
internal enum LiquidationMethod
{
    None,
    Market,
    Backstop,
}

/// <summary>
/// Books fills and funding into accounts: average entry price, realized PnL (the fill's
/// <c>closedPnl</c>, before fees), taker/maker fees, isolated margin, cumulative volume and funding.
/// </summary>
internal sealed class Bookkeeper(VenueState state)
{
    public FillRecord ApplyFill(Account account, FillRequest fill)
    {
        var asset = state.Market.Asset(fill.Asset);
        if (!account.Positions.TryGetValue(fill.Asset, out var position))
        {
            position = new PositionState { Asset = fill.Asset };
            account.Positions[fill.Asset] = position;
        }

        var leverage = state.LeverageOf(account, fill.Asset);
        var start = position.Szi;
        var delta = fill.IsBuy ? fill.Size : -fill.Size;
        var notional = fill.Size * fill.Price;
        var feeBps = fill.Crossed ? state.Options.Fees.TakerBps : state.Options.Fees.MakerBps;
        var fee = fill.Liquidation == LiquidationMethod.Backstop ? 0m : PriceMath.RoundUsd(notional * feeBps / 10_000m);
        var realized = 0m;
        string dir;
        if (start == 0 || Math.Sign(start) == Math.Sign(delta))
        {
            var size = Math.Abs(start);
            position.EntryPx = ((size * position.EntryPx) + notional) / (size + fill.Size);
            if (start == 0)
            {
                position.FundingSinceOpen = 0;
            }

            if (!leverage.IsCross)
            {
                position.IsolatedMargin += notional / leverage.Value;
            }

            dir = fill.IsBuy ? "Open Long" : "Open Short";
        }
        else
        {
            var size = Math.Abs(start);
            var closing = Math.Min(fill.Size, size);
            realized = PriceMath.RoundUsd(closing * (fill.Price - position.EntryPx) * Math.Sign(start));
            if (!leverage.IsCross)
            {
                position.IsolatedMargin -= position.IsolatedMargin * closing / size;
            }

            var end = start + delta;
            if (end == 0)
            {
                dir = start > 0 ? "Close Long" : "Close Short";
                position.EntryPx = 0;
                position.IsolatedMargin = 0;
            }
            else if (Math.Sign(end) != Math.Sign(start))
            {
                dir = start > 0 ? "Long > Short" : "Short > Long";
                position.EntryPx = fill.Price;
                position.FundingSinceOpen = 0;
                position.IsolatedMargin = leverage.IsCross ? 0 : Math.Abs(end) * fill.Price / leverage.Value;
            }
            else
            {
                dir = start > 0 ? "Close Long" : "Close Short";
            }
        }

        position.Szi = start + delta;
        position.FundingSinceChange = 0;
        account.Cash += realized - fee;
        if (fill.Crossed && fill.Liquidation != LiquidationMethod.Backstop && state.Market.Mark(fill.Asset, fill.TimeMs) is { } mark)
        {
            // Taker slippage: how far beyond the mark the fill's price lies, times its size (positive = paid).
            var paid = (fill.Price - mark) * fill.Size * (fill.IsBuy ? 1 : -1);
            account.Slippage = account.Slippage with { TakerVsMarkUsd = account.Slippage.TakerVsMarkUsd + PriceMath.RoundUsd(paid) };
        }

        account.CumVolume += notional;
        var tid = state.NextTid();
        var record = new FillRecord(
            asset.Name,
            fill.Price,
            fill.Size,
            fill.IsBuy,
            fill.TimeMs,
            start,
            dir,
            realized,
            VenueState.Hash("fill", tid),
            fill.Oid,
            fill.Crossed,
            fee,
            tid,
            fill.Cloid,
            fill.LiquidationMarkPx,
            fill.Liquidation);
        account.Fills.Add(record);
        return record;
    }

    /// <summary>Settles one hour of funding on a position: longs pay shorts when the rate is positive.</summary>
    public void ApplyFunding(Account account, PositionState position, decimal rate, decimal mark, long hourMs)
    {
        var payment = PriceMath.RoundUsd(position.Szi * mark * rate);
        account.Cash -= payment;
        if (position.IsolatedMargin > 0)
        {
            position.IsolatedMargin -= payment;
        }

        position.FundingAllTime += payment;
        position.FundingSinceOpen += payment;
        position.FundingSinceChange += payment;
        var coin = state.Market.Asset(position.Asset).Name;
        account.Fundings.Add(new FundingRecord(hourMs, coin, -payment, position.Szi, rate, VenueState.Hash("funding:" + coin, hourMs)));
    }
}

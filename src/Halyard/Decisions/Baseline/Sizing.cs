using System.Globalization;
using Halyard.Domain;
using Halyard.Domain.Precision;
using static Halyard.Decisions.Baseline.BaselineRules;
using static Halyard.Decisions.Baseline.TrendSignals;

namespace Halyard.Decisions.Baseline;

/// <summary>Stop, target, size and leverage of a baseline open, all inside the limits the Validator enforces.</summary>
internal static class Sizing
{
    public static TradingDecision Open(
        DecisionContext ctx,
        BaselineOptions o,
        string coin,
        InstrumentRules rules,
        decimal price,
        TrendSignals s,
        int direction,
        int confidence,
        IReadOnlyList<string> confirmations,
        decimal headroom)
    {
        var l = ctx.Limits;
        var atr = (decimal)s.Atr14H4;
        if (atr <= 0m)
        {
            return Wait(coin, "4h ATR14 is zero");
        }

        var distance = o.StopAtrMultiple * atr;
        var rr = l.MinRiskRewardRatio + o.RewardRiskMargin;
        var isLong = direction > 0;
        var closingSide = isLong ? OrderSide.Sell : OrderSide.Buy;
        var stopPrice = rules.FormatPrice(isLong ? price - distance : price + distance, closingSide, PricePurpose.StopLossTrigger);
        var takePrice = rules.FormatPrice(isLong ? price + (rr * distance) : price - (rr * distance), closingSide, PricePurpose.TakeProfitTrigger);
        var stop = stopPrice.IsOk ? stopPrice.Value.Value : 0m;
        var take = takePrice.IsOk ? takePrice.Value.Value : 0m;
        var risk = Math.Abs(price - stop);
        if (stop <= 0m || take <= 0m || risk == 0m || Math.Abs(take - price) / risk < l.MinRiskRewardRatio)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"no valid stop/target at {o.StopAtrMultiple}×ATR14 {F(s.Atr14H4)} from price {price}"));
        }

        var (minMult, maxMult) = l.IsMajor(coin)
            ? (l.BtcEthPositionValueMinEquityMultiple, l.BtcEthPositionValueMaxEquityMultiple)
            : (l.AltPositionValueMinEquityMultiple, l.AltPositionValueMaxEquityMultiple);
        var low = Math.Max(minMult * ctx.Equity, InstrumentRules.MinOrderValueUsd) * (1m + o.SizeBuffer);
        var high = Math.Min(maxMult * ctx.Equity, l.MaxPositionSizeUsd);
        if (low > high)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"no size fits: band minimum {minMult * ctx.Equity:0.00} USD (+buffer) exceeds the limit {high:0.00} USD"));
        }

        var size = decimal.Round(low, 2, MidpointRounding.ToPositiveInfinity);
        var lossPerUsd = Risk.LossAtStop.PerUsd(price, stop, ctx.TakerFeeBps, ctx.SlippageBps);
        var lossCap = l.MaxLossPerTradePct / 100m * ctx.Equity;
        if (size * lossPerUsd > lossCap)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"the stop {stop} is {Math.Abs(price - stop) / price * 100m:0.00} % away: the smallest allowed size {size:0.00} USD would lose {size * lossPerUsd:0.00} USD at it, above max_loss_per_trade_pct {l.MaxLossPerTradePct} % of equity ({lossCap:0.00} USD)"));
        }

        var cap = ctx.LeverageCap(coin);
        var needed = headroom <= 0m ? int.MaxValue : (int)Math.Min(int.MaxValue, decimal.Ceiling(size / headroom));
        var leverage = Math.Max(o.DefaultLeverage, needed);
        if (leverage > cap)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"margin headroom {headroom:0.00} USD would need {(needed == int.MaxValue ? "unbounded" : needed.ToString(System.Globalization.CultureInfo.InvariantCulture))}x for {size:0.00} USD, above the cap {cap}x"));
        }

        leverage = Math.Min(leverage, cap);
        var riskUsd = decimal.Round(size * risk / price, 2);
        var reasoning = string.Create(CultureInfo.InvariantCulture, $"{s.TrendText}; {string.Join("; ", confirmations)}; intraday RSI14 {F(s.Rsi14)}. ") +
            string.Create(CultureInfo.InvariantCulture, $"Stop {o.StopAtrMultiple}×ATR14(4h) {F(s.Atr14H4)} from {price} at {stop}; target {take} (reward/risk {Math.Abs(take - price) / risk:0.00}). ") +
            string.Create(CultureInfo.InvariantCulture, $"Size {size} USD (band {minMult}–{maxMult}× equity, cap {l.MaxPositionSizeUsd}); leverage {leverage}x uses {size / leverage:0.00} of {headroom:0.00} USD margin headroom.");
        var invalidation = isLong
            ? string.Create(CultureInfo.InvariantCulture, $"4h EMA20 crosses below EMA50, or price closes below the 4h EMA50 {F(s.Ema50H4)}")
            : string.Create(CultureInfo.InvariantCulture, $"4h EMA20 crosses above EMA50, or price closes above the 4h EMA50 {F(s.Ema50H4)}");
        return new TradingDecision(
            coin,
            isLong ? DecisionAction.OpenLong : DecisionAction.OpenShort,
            leverage,
            size,
            price,
            stop,
            take,
            confidence,
            riskUsd,
            reasoning,
            invalidation);
    }
}

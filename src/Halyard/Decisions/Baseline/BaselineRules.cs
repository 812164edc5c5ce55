using System.Globalization;
using Halyard.Domain;
using static Halyard.Decisions.Baseline.TrendSignals;

namespace Halyard.Decisions.Baseline;

/// <summary>
/// The baseline's rules as a pure function of the context (docs/decision-makers.md, "Baseline"):
/// manage held positions first (close on a 4h trend flip or when price crosses the 4h EMA50 against
/// the position, else hold), then open trend-aligned entries timed by intraday RSI/MACD, with the stop
/// at k·ATR14(4h), the target beyond the minimum reward/risk, and size and leverage inside the value
/// bands, the size cap, the margin headroom and the leverage cap. Every decision carries its reasoning.
/// </summary>
internal static class BaselineRules
{
    public static IReadOnlyList<TradingDecision> Decide(DecisionContext ctx, BaselineOptions o)
    {
        var decisions = new List<TradingDecision>();
        foreach (var p in ctx.Positions)
        {
            if (p.Size != 0m)
            {
                decisions.Add(Manage(ctx, p));
            }
        }

        var opens = 0;
        var headroom = ctx.MarginHeadroomUsd;
        string? budgetUsed = null;
        var seen = new HashSet<string>(ctx.Candidates.Count, StringComparer.Ordinal);
        foreach (var coin in ctx.Candidates)
        {
            // Each candidate once (the first time it is listed), and only the coins not held.
            if (!seen.Add(coin) || ctx.PositionOf(coin) is not null)
            {
                continue;
            }

            if (opens >= ctx.MaxNewOpensThisCycle)
            {
                // One text for every coin beyond the budget (the journal writes it once per record).
                budgetUsed ??= string.Create(CultureInfo.InvariantCulture, $"budget: {ctx.MaxNewOpensThisCycle} new open(s) allowed this cycle, already used");
                decisions.Add(Wait(coin, budgetUsed));
                continue;
            }

            var d = Entry(ctx, o, coin, headroom);
            decisions.Add(d);
            if (d.IsOpen)
            {
                opens++;
                headroom -= d.PositionSizeUsd!.Value / d.Leverage!.Value;
            }
        }

        return decisions;
    }

    private static TradingDecision Manage(DecisionContext ctx, Position p)
    {
        if (!ctx.Snapshots.TryGetValue(p.Coin, out var snap) || TrendSignals.Read(snap) is not { } s)
        {
            return new TradingDecision(p.Coin, DecisionAction.Hold, Reasoning: "no market data this cycle; the position keeps its stop and target");
        }

        var isLong = p.Side == PositionSide.Long;
        var close = isLong ? DecisionAction.CloseLong : DecisionAction.CloseShort;
        if (isLong ? s.Down : s.Up)
        {
            return new TradingDecision(p.Coin, close, Confidence: 80, Reasoning: $"trend flipped against the {(isLong ? "long" : "short")}: {s.TrendText}");
        }

        if (isLong ? s.Price < s.Ema50H4 : s.Price > s.Ema50H4)
        {
            return new TradingDecision(p.Coin, close, Confidence: 75, Reasoning: string.Create(CultureInfo.InvariantCulture, $"invalidation hit: price {F(s.Price)} {(isLong ? "below" : "above")} the 4h EMA50 {F(s.Ema50H4)}"));
        }

        return new TradingDecision(p.Coin, DecisionAction.Hold, Reasoning: $"trend intact ({s.TrendText}); price on the right side of the 4h EMA50");
    }

    private static TradingDecision Entry(DecisionContext ctx, BaselineOptions o, string coin, decimal headroom)
    {
        if (!ctx.Snapshots.TryGetValue(coin, out var snap) || TrendSignals.Read(snap) is not { } s)
        {
            return Wait(coin, "no market data");
        }

        if (ctx.InCooldown(coin, out var until))
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"cooldown after close until {until.UtcDateTime:HH:mm:ss}Z"));
        }

        if (snap.OpenInterestUsd < ctx.LiquidityThresholdUsd)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"open interest {snap.OpenInterestUsd:0} USD below the liquidity threshold {ctx.LiquidityThresholdUsd:0}"));
        }

        if (!ctx.AssetMeta.TryGetValue(coin, out var rules))
        {
            return Wait(coin, "no instrument rules");
        }

        if (s.Trend == 0)
        {
            return Wait(coin, s.TrendText);
        }

        var direction = s.Trend;
        var (rsiMin, rsiMax) = direction > 0 ? (o.LongRsiMin, o.LongRsiMax) : (o.ShortRsiMin, o.ShortRsiMax);
        if (s.Rsi14 < rsiMin || s.Rsi14 > rsiMax)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"{s.TrendText}, but intraday RSI14 {F(s.Rsi14)} is outside [{F(rsiMin)}, {F(rsiMax)}]"));
        }

        var confirmations = s.Confirmations(direction);
        var confidence = Math.Min(100, o.BaseConfidence + (o.ConfirmationConfidence * confirmations.Count));
        if (confidence < ctx.EffectiveMinConfidence)
        {
            return Wait(coin, string.Create(CultureInfo.InvariantCulture, $"{s.TrendText}; {confirmations.Count} of 3 confirmations, confidence {confidence} < minimum {ctx.EffectiveMinConfidence}"));
        }

        return Sizing.Open(ctx, o, coin, rules, snap.Price, s, direction, confidence, confirmations, headroom);
    }

    internal static TradingDecision Wait(string coin, string why) => new(coin, DecisionAction.Wait, Reasoning: why);
}

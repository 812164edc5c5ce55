using System.Text;
using Halyard.Domain;
using Halyard.MarketData;
using static Halyard.Decisions.Prompting.PromptFormat;

namespace Halyard.Decisions.Prompting;

/// <summary>The user prompt's sections: account, positions with their protection, performance, candidates.</summary>
internal static class MarketSections
{
    public static string Account(DecisionContext ctx)
    {
        var a = ctx.Account;
        var usage = a.AccountValue > 0 ? a.TotalMarginUsed / a.AccountValue * 100m : 0m;
        return $"Equity {Usd(a.AccountValue)} USD · margin in use {Usd(a.TotalMarginUsed)} USD ({Num(usage)}% of equity, cap {Num(ctx.MaxMarginUsagePct)}%) · " +
            $"open notional {Usd(a.TotalNotionalPosition)} USD · withdrawable {Usd(a.Withdrawable)} USD.";
    }

    public static string Positions(DecisionContext ctx)
    {
        var held = ctx.Positions.Where(p => p.Size != 0m).ToArray();
        if (held.Length == 0)
        {
            return "None.";
        }

        var sb = new StringBuilder();
        foreach (var p in held)
        {
            var price = ctx.Snapshots.TryGetValue(p.Coin, out var snap) ? Num(snap.Price, 8) : "n/a";
            var (stop, take) = Protection(p, ctx.OpenOrders);
            sb.AppendLine($"- {p.Coin} {(p.Side == PositionSide.Long ? "LONG" : "SHORT")} {Num(p.AbsSize, 8)} @ entry {Num(p.EntryPrice, 8)}, price {price}, value {Usd(p.PositionValue)} USD, " +
                $"unrealized PnL {Usd(p.UnrealizedPnl)} USD, leverage {p.Leverage}x {(p.IsCross ? "cross" : "isolated")}, margin {Usd(p.MarginUsed)} USD, " +
                $"liquidation {(p.LiquidationPrice is { } liq ? Num(liq, 8) : "n/a")}, stop_loss {stop}, take_profit {take}.");
            sb.AppendLine(Plan(ctx, p));
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The position's own entry decision, so the model can judge its invalidation condition.</summary>
    private static string Plan(DecisionContext ctx, Position p)
    {
        var m = ctx.Memory;
        var net = m.UnrealizedNetPnlUsd.TryGetValue(p.Coin, out var n) ? $"unrealized PnL after fees {Usd(n)} USD" : "unrealized PnL after fees n/a";
        if (!m.Plans.TryGetValue(p.Coin, out var plan))
        {
            return $"  plan: not known (opened before this run or outside this trader); {net}.";
        }

        var age = Math.Max(0, ctx.Cycle - plan.OpenedCycle);
        return $"  plan (opened cycle {plan.OpenedCycle}, {age} cycles ago, at {Time(plan.OpenedAt)}): reasoning \"{Shorten(plan.Reasoning, m.ReasoningChars)}\"; " +
            $"invalidation: {(string.IsNullOrWhiteSpace(plan.Invalidation) ? "none given" : plan.Invalidation)}; " +
            $"stop_loss {(plan.StopLoss is { } sl ? Num(sl, 8) : "n/a")} and take_profit {(plan.TakeProfit is { } tp ? Num(tp, 8) : "n/a")} " +
            (plan.Adds > 0 ? $"in force after {plan.Adds} add(s) of {ctx.Limits.MaxAddsPerPosition}" : "at entry") + $"; {net}.";
    }

    /// <summary>The last closed trades and last cycle's size-down suggestions.</summary>
    public static string Memory(DecisionContext ctx)
    {
        var m = ctx.Memory;
        var sb = new StringBuilder();
        if (m.RecentTrades.Count > 0)
        {
            sb.Append("Recently closed: ");
            sb.AppendJoin("; ", m.RecentTrades.Select(t => $"{t.Coin} {(t.Side == PositionSide.Long ? "long" : "short")} closed {Time(t.ClosedAt)} by {t.How}, net PnL {Usd(t.NetPnlUsd)} USD"));
            sb.Append('.');
        }

        foreach (var s in m.Suggestions)
        {
            sb.Append(sb.Length > 0 ? " " : "");
            sb.Append($"Cycle {s.Cycle}: the {s.Coin} open of {Usd(s.RequestedUsd)} USD was refused for insufficient margin; at most about {Usd(s.SuggestedUsd)} USD fits now.");
        }

        return sb.ToString();
    }

    private static string Shorten(string? text, int chars)
    {
        var t = (text ?? "").ReplaceLineEndings(" ").Trim();
        return t.Length <= chars ? t : t[..Math.Max(0, chars - 1)].TrimEnd() + "…";
    }

    public static string Performance(DecisionContext ctx)
    {
        var v = ctx.Performance;
        var memory = Memory(ctx);
        if (v.ClosedTrades == 0)
        {
            return memory.Length == 0 ? "No closed trades yet." : "No closed trades in the analytics window. " + memory;
        }

        return (memory.Length == 0 ? "" : memory + "\n") + $"{v.ClosedTrades} closed trades · win rate {Num(v.WinRatePct, 1)}% · net PnL {Usd(v.NetPnlUsd)} USD after {Usd(v.FeesUsd)} USD of fees · " +
            $"Sharpe {(v.Sharpe is { } s ? Sig(s) : "n/a")} annualised (per cycle with a position: {(v.GateSharpe is { } g ? Sig(g) : "n/a")}) · max drawdown {(v.MaxDrawdownPct is { } dd ? Sig(dd) + "%" : "n/a")} · " +
            $"{Num(v.OpensPerHour)} opens per hour · {Num(v.RejectionRatePct, 1)}% of decisions rejected.";
    }

    public static string Candidates(DecisionContext ctx, int seriesLength)
    {
        var sb = new StringBuilder();
        foreach (var coin in ctx.Candidates.Concat(ctx.Positions.Where(p => p.Size != 0m).Select(p => p.Coin)).Distinct(StringComparer.Ordinal))
        {
            if (!ctx.Snapshots.TryGetValue(coin, out var s))
            {
                sb.AppendLine($"### {coin}: no market data this cycle — do not open it.").AppendLine();
                continue;
            }

            sb.AppendLine(Header(ctx, coin, s));
            sb.AppendLine($"price {Num(s.Price, 8)} (mark {Num(s.MarkPrice, 8)}) · 1h {Signed(s.Change1hPct)} · 4h {Signed(s.Change4hPct)} · " +
                $"open interest {Usd(s.OpenInterestUsd)} USD ({(s.OpenInterestUsd >= ctx.LiquidityThresholdUsd ? "meets" : "BELOW")} the liquidity threshold) · funding {Num(s.Funding * 100m, 6)}% per hour");
            Series(sb, s.Intraday, seriesLength);
            Series(sb, s.FourHour, seriesLength);
            sb.AppendLine();
        }

        return sb.Length == 0 ? "No candidates this cycle." : sb.ToString().TrimEnd();
    }

    /// <summary>The stop and target of a position, read from its reduce-only trigger orders.</summary>
    internal static (string Stop, string Take) Protection(Position p, IReadOnlyList<OpenOrder> orders)
    {
        string? stop = null;
        string? take = null;
        foreach (var o in orders.Where(o => o.Coin == p.Coin && o.IsTrigger && o.ReduceOnly && o.TriggerPrice is not null))
        {
            var trigger = o.TriggerPrice!.Value;
            var isStop = o.OrderType.Contains("Stop", StringComparison.OrdinalIgnoreCase)
                || (!o.OrderType.Contains("Take", StringComparison.OrdinalIgnoreCase)
                    && (p.Side == PositionSide.Long ? trigger < p.EntryPrice : trigger > p.EntryPrice));
            if (isStop)
            {
                stop ??= Num(trigger, 8);
            }
            else
            {
                take ??= Num(trigger, 8);
            }
        }

        return (stop ?? "none", take ?? "none");
    }

    private static string Header(DecisionContext ctx, string coin, MarketSnapshot s)
    {
        var tags = new List<string> { ctx.Limits.IsMajor(coin) ? "major" : "alt", $"leverage cap {ctx.LeverageCap(coin)}x" };
        if (ctx.AssetMeta.TryGetValue(coin, out var rules))
        {
            tags.Add($"size decimals {rules.SzDecimals}, price decimals ≤ {rules.MaxPriceDecimals}");
        }

        if (ctx.PositionOf(coin) is { } held)
        {
            tags.Add($"HELD {(held.Side == PositionSide.Long ? "long" : "short")}: hold or close only");
        }

        if (ctx.InCooldown(coin, out var until))
        {
            tags.Add($"COOLDOWN until {Time(until)}");
        }

        return $"### {coin} ({string.Join("; ", tags)})";
    }

    private static void Series(StringBuilder sb, IndicatorSeries x, int n)
    {
        sb.AppendLine($"{x.Interval}: close {PromptFormat.Series(x.Close, n)}");
        sb.AppendLine($"  ema20 {PromptFormat.Series(x.Ema20, n)} ema50 {PromptFormat.Series(x.Ema50, n)}");
        sb.AppendLine($"  rsi7 {PromptFormat.Series(x.Rsi7, n)} rsi14 {PromptFormat.Series(x.Rsi14, n)}");
        sb.AppendLine($"  macd {PromptFormat.Series(x.Macd, n)} signal {PromptFormat.Series(x.MacdSignal, n)}");
        sb.AppendLine($"  atr3 {PromptFormat.Series(x.Atr3, n)} atr14 {PromptFormat.Series(x.Atr14, n)} volume {PromptFormat.Series(x.Volume, n)}");
    }
}

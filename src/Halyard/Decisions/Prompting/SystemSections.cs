using System.Text;
using Halyard.Domain;
using Halyard.Risk;
using static Halyard.Decisions.Prompting.PromptFormat;

namespace Halyard.Decisions.Prompting;

/// <summary>
/// The system prompt's sections, rendered from the cycle's <see cref="RiskLimits"/> and fees: the very
/// values the Validator enforces.
/// </summary>
internal static class SystemSections
{
    public static string Rules(DecisionContext ctx)
    {
        var l = ctx.Limits;
        var equity = ctx.Equity;
        var majors = string.Join(", ", l.MajorCoins.Order(StringComparer.Ordinal));
        var sb = new StringBuilder();
        sb.AppendLine($"1. Leverage is a whole number ≥ 1: at most {l.MajorCoinLeverage}x for {majors}; at most {l.AltcoinLeverage}x for every other coin; never above the coin's own maximum (listed per candidate). " +
            (l.LeverageOverCap == LeverageOverCapPolicy.Clamp ? "Leverage above the cap is clamped down to it." : "A decision with leverage above the cap is rejected."));
        sb.AppendLine($"2. confidence is an integer 0–100; an open needs confidence ≥ {ctx.EffectiveMinConfidence}" +
            (ctx.IsGated ? $" (normally {l.MinConfidence}, raised by {l.GatedConfidenceBoost} while the performance gate is active)." : "."));
        sb.AppendLine("3. Prices are checked against the LIVE mid price, not your entry_price: a long needs take_profit > price > stop_loss; a short needs stop_loss > price > take_profit.");
        sb.AppendLine($"4. Reward/risk = |take_profit − price| / |price − stop_loss| must be ≥ {Num(l.MinRiskRewardRatio)}.");
        sb.AppendLine($"5. At most {l.MaxPositions} open positions at once, and at most {l.MaxNewPositionsPerHour} new positions per hour.");
        sb.AppendLine($"6. position_size_usd (the notional) is at most {Usd(l.MaxPositionSizeUsd)} USD.");
        sb.AppendLine($"7. Position value bands, as multiples of equity ({Usd(equity)} USD now): {majors} between {Num(l.BtcEthPositionValueMinEquityMultiple)}× and {Num(l.BtcEthPositionValueMaxEquityMultiple)}× " +
            $"({Band(l.BtcEthPositionValueMinEquityMultiple, l.BtcEthPositionValueMaxEquityMultiple, equity)}); other coins between {Num(l.AltPositionValueMinEquityMultiple)}× and {Num(l.AltPositionValueMaxEquityMultiple)}× " +
            $"({Band(l.AltPositionValueMinEquityMultiple, l.AltPositionValueMaxEquityMultiple, equity)}). {Feasible(l, equity)}");
        sb.AppendLine($"8. Margin cap: (margin in use + position_size_usd / leverage) / equity ≤ {Num(l.MaxMarginUsagePct)}%, counted across all opens of this cycle. " +
            $"In use now: {Usd(ctx.Account.TotalMarginUsed)} USD, so at most {Usd(ctx.MarginHeadroomUsd)} USD of new margin.");
        sb.AppendLine($"9. Liquidity: open only coins whose open interest × price ≥ {Usd(l.LiquidityThresholdUsd)} USD (shown per candidate).");
        sb.AppendLine($"10. Cooldown: no open on a coin within {Duration(l.CooldownAfterClose)} of closing it{Cooling(ctx)}.");
        sb.AppendLine(ctx.ScaleIn
            ? $"11. No hedging: never open a coin against the direction you hold it; to reverse, close now and open in a later cycle. Scaling in: an open in the direction you already hold adds to that position, at most {l.MaxAddsPerPosition} add(s) per position; " +
              "rules 6, 7, 8, 14 and 15 judge the combined position (held value at the live price + the add), the add uses the position's leverage, and your stop_loss and take_profit become those of the whole position."
            : "11. No hedging and no pyramiding: never open a coin you already hold, in either direction. To reverse, close now and open in a later cycle.");
        sb.AppendLine($"12. close_long only for a long you hold, close_short only for a short you hold. To close only part, give close_fraction (0 < f ≤ 1) or position_size_usd (the USD to close); " +
            $"the part and what remains must each be worth at least {Num(Math.Max(InstrumentRules.MinOrderValueUsd, l.MinOrderValueUsd))} USD (a smaller remainder closes the whole position); the stop and target are resized to what remains.");
        sb.AppendLine($"13. Every order is worth at least {Num(InstrumentRules.MinOrderValueUsd)} USD after its size is rounded down to the coin's size decimals.");
        sb.AppendLine($"14. Loss per trade: if the stop fills at its trigger, the loss = position_size_usd × |price − stop_loss| / price plus the taker fee on entry and exit ({Num(ctx.TakerFeeBps)} bps each) " +
            $"and {Num(ctx.SlippageBps)} bps of slippage on the exit must be at most {Num(l.MaxLossPerTradePct)}% of equity ({Usd(l.MaxLossPerTradePct / 100m * equity)} USD now). " +
            (l.LossOverCap == LossOverCapPolicy.Clamp
                ? "A larger size is cut down to fit; if what fits is below the value band or the minimum order, the open is rejected. A wider stop needs a smaller size."
                : "An open over it is rejected. A wider stop needs a smaller size."));
        sb.Append("15. Liquidation: the stop must trigger before the position's estimated liquidation price (maintenance margin = half the initial margin at the coin's maximum leverage; " +
            "cross margin counts your equity, the positions you hold and the other opens of this cycle). Keep stops well inside it: lower leverage or size moves liquidation further away.");
        return sb.ToString();
    }

    public static string Budget(DecisionContext ctx)
    {
        var l = ctx.Limits;
        var sb = new StringBuilder();
        sb.Append($"Open positions: {ctx.OpenPositionCount} of at most {l.MaxPositions}; remaining slots: {ctx.RemainingPositionSlots}. ");
        sb.Append($"New opens allowed this cycle: {ctx.MaxNewOpensThisCycle} (per-cycle cap {l.MaxNewPositionsPerCycle}; {ctx.OpensInLastHour} opened in the last hour of {l.MaxNewPositionsPerHour} per hour).");
        if (ctx.MaxNewOpensThisCycle == 0)
        {
            sb.Append(" Do not propose any open this cycle.");
        }

        return sb.ToString();
    }

    public static string Fees(DecisionContext ctx)
    {
        var roundTripPct = ctx.TakerFeeBps * 2m / 100m;
        return $"Taker fee {Num(ctx.TakerFeeBps)} bps ({Num(ctx.TakerFeeBps / 100m, 4)}%) and maker fee {Num(ctx.MakerFeeBps)} bps ({Num(ctx.MakerFeeBps / 100m, 4)}%) of notional per fill. " +
            $"A round trip with taker fills costs {Num(roundTripPct, 4)}% of notional, i.e. {Num(roundTripPct * 10m, 3)}% of margin at 10x. " +
            "Funding is paid or received every hour on the notional (rate per candidate). Open only when the move to take_profit is many times the round-trip cost; every PnL figure you see is after fees.";
    }

    public static string Gating(DecisionContext ctx)
    {
        var l = ctx.Limits;
        var breakers = Breakers(ctx);
        if (!ctx.GatingEnabled)
        {
            return "The Sharpe gate is switched off for this trader." + breakers;
        }

        var sharpe = ctx.Performance.GateSharpe is { } s ? Sig(s) : "n/a";
        var what = $"per-cycle Sharpe of the last {l.SharpeWindow} cycles with a position (mean / std of the cycle returns, not annualised)";
        if (!ctx.IsGated)
        {
            return $"Not active ({what}: {sharpe}; the gate activates below {Num(l.SharpePauseThreshold)} and pauses new opens for {Duration(l.PauseDurationOnBreach)})." + breakers;
        }

        return $"ACTIVE. The {what}, {sharpe}, fell below the pause threshold {Num(l.SharpePauseThreshold)}, or trading was paused. " +
            $"Slow down: the minimum confidence for an open is now {ctx.EffectiveMinConfidence}. Open only an exceptional setup that meets every rule with margin to spare; " +
            "otherwise hold or wait. Prioritise closing positions whose invalidation has hit. Do not try to win back losses." + breakers;
    }

    private static string Breakers(DecisionContext ctx)
    {
        var l = ctx.Limits;
        var rule = $" Circuit breakers: a loss of {Num(l.MaxDailyLossPct)}% from the UTC day's opening equity stops new opens until the next UTC day; " +
            $"a fall of {Num(l.MaxDrawdownPct)}% from the equity high-water mark stops them until an operator resumes the trader" +
            (l.OnBreach == BreachAction.Flatten ? "; either one also closes every position." : "; positions keep their stops and targets.");
        return ctx.BreakersTripped.Count == 0
            ? rule + " None has tripped."
            : rule + $" TRIPPED now: {string.Join(", ", ctx.BreakersTripped)}. Do not propose any open; manage and close positions only.";
    }

    public static string OutputContract(bool structuredOutput)
    {
        var fields = """
            Each decision has these fields:
            - symbol (string, required): a coin from the candidates or a position you hold.
            - action (required): open_long | open_short | close_long | close_short | hold | wait.
            - leverage (integer), position_size_usd (USD notional), stop_loss and take_profit (prices): required for open_long/open_short.
            - close_fraction (0–1, optional, closes only): close that share of the position; or position_size_usd on a close: the USD to close. Neither: close it all.
            - entry_price (optional; the live price is used anyway), confidence (integer 0–100), risk_usd (USD lost at the stop, optional),
              reasoning and invalidation_condition (short strings).
            Numbers are plain JSON numbers: no ranges (60-70), no thousands separators (6,000), no units or %, not in quotes.
            Give one decision per position you hold (hold or close_…) and one per coin you open; an empty list means do nothing.
            """;
        return structuredOutput
            ? "Reply with one JSON object {\"decisions\": [ ... ]} and nothing else (the response format enforces it); put your reasoning in each decision's reasoning field.\n" + fields
            : "Think first, in plain text. Then give the decisions as one JSON object inside <decisions></decisions> tags, as the last thing in your reply:\n" +
              "<decisions>{\"decisions\": [{\"symbol\": \"ETH\", \"action\": \"hold\", \"confidence\": 70, \"reasoning\": \"trend intact\"}]}</decisions>\n" + fields;
    }

    private static string Band(decimal min, decimal max, decimal equity) => $"{Usd(min * equity)}–{Usd(max * equity)} USD now";

    private static string Feasible(RiskLimits l, decimal equity)
    {
        var notes = new List<string>();
        if (l.BtcEthPositionValueMinEquityMultiple * equity > l.MaxPositionSizeUsd)
        {
            notes.Add("majors");
        }

        if (l.AltPositionValueMinEquityMultiple * equity > l.MaxPositionSizeUsd)
        {
            notes.Add("other coins");
        }

        return notes.Count == 0
            ? "A size must satisfy both the band and rule 6."
            : $"No size satisfies both the band and rule 6 for {string.Join(" and ", notes)} at this equity: do not open them.";
    }

    private static string Cooling(DecisionContext ctx)
    {
        var cooling = ctx.RecentlyClosed.Keys
            .Order(StringComparer.Ordinal)
            .Select(coin => ctx.InCooldown(coin, out var until) ? $"{coin} until {Time(until)}" : null)
            .OfType<string>()
            .ToArray();
        return cooling.Length == 0 ? " (no coin is cooling down now)" : $" (cooling down now: {string.Join(", ", cooling)})";
    }
}

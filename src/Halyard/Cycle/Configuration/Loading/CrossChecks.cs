using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>
/// Rules that span sections: unique trader ids, allocations summing to at most 100 %, and the warnings
/// for settings that contradict each other (a value band no order can satisfy, a timeout longer than
/// the cycle, a dead man's switch shorter than the cycle).
/// </summary>
internal static class CrossChecks
{
    public static void Run(HalyardConfig config, YamlNode? root, ConfigDiagnostics diag)
    {
        if (!diag.HasErrors)
        {
            // Every options record checks itself too (the risk limits are the last line before the Validator);
            // the keys already reported each value's range, so this speaks only when the readers let something through.
            foreach (var (section, problem) in config.Validate())
            {
                diag.Error(section, null, null, problem);
            }
        }

        var traders = config.Traders;
        for (var i = 0; i < traders.Count; i++)
        {
            var first = traders.Take(i).ToList().FindIndex(t => t.Id == traders[i].Id);
            if (first >= 0)
            {
                diag.Error(TraderPath(i) + ".id", null, traders[i].Id, $"duplicate trader id (also traders[{first}].id); allowed: ids unique across traders");
            }
        }

        var total = traders.Sum(t => t.AllocationPct);
        if (total > 100m)
        {
            diag.Error("traders", root, Names.Of(total), "the allocation_pct values add up to more than 100; allowed: a sum <= 100");
        }

        for (var i = 0; i < traders.Count; i++)
        {
            CheckTrader(config, i, diag);
        }

        var live = traders.Count(t => !t.Shadow);
        if (config.Execution.ExternalPositions == Execution.ExternalPositionPolicy.Adopt && live > 1)
        {
            diag.Error("execution.external_positions", null, "adopt",
                $"{live} traders share one account: a position one of them is opening would be adopted by another; allowed: adopt with one trader (shadow traders aside), else leave");
        }

        var longest = traders.Count == 0 ? TimeSpan.Zero : traders.Max(t => t.DecisionInterval);
        if (config.Execution.DeadMansSwitch is { } dms && dms <= longest)
        {
            diag.Warning("execution.dead_mans_switch", null, Names.Of(dms),
                $"not longer than the longest decision_interval ({Names.Of(longest)}): every resting order, stops included, is cancelled between cycles");
        }
        else if (config.Execution.DeadMansSwitch is { } window)
        {
            diag.Warning("execution.dead_mans_switch", null, Names.Of(window),
                "when it fires (Halyard stopped refreshing it) the venue cancels every open order of the account, the stop-loss and take-profit triggers included: positions are then without a stop until halyard runs again");
        }
    }

    private static void CheckTrader(HalyardConfig config, int index, ConfigDiagnostics diag)
    {
        var trader = config.Traders[index];
        var path = TraderPath(index);
        var risk = trader.RiskParams;
        var guards = trader.ExecGuards;
        var features = config.Features.Guards;

        var decisionMaker = config.DecisionMakerFor(trader);
        if (decisionMaker.Provider != DecisionMakerProvider.Baseline && decisionMaker.Timeout >= trader.DecisionInterval)
        {
            diag.Warning(path + ".decision_interval", null, Names.Of(trader.DecisionInterval),
                $"not longer than the decision maker timeout ({Names.Of(decisionMaker.Timeout)}): a slow answer overlaps the next cycle");
        }

        if (features.Gating && features.MinConfidence && risk.MinConfidence + guards.GatedConfidenceBoost > 100)
        {
            diag.Warning(path + ".exec_guards.gated_confidence_boost", null, Names.Of(guards.GatedConfidenceBoost),
                $"min_confidence {risk.MinConfidence} + {guards.GatedConfidenceBoost} exceeds 100: a gated trader can never open");
        }

        if (features.ValueBands && features.MarginUsage)
        {
            MarginWarning(path, "btceth", guards.BtcEthPositionValueMinEquityMultiple, risk.MajorCoinLeverage, "major_coin_leverage", guards.MaxMarginUsagePct, diag);
            MarginWarning(path, "alt", guards.AltPositionValueMinEquityMultiple, risk.AltcoinLeverage, "altcoin_leverage", guards.MaxMarginUsagePct, diag);
        }

        if (EquityOf(config, trader) is { } equity && features.ValueBands && features.MaxPositionSize)
        {
            BandWarning(path, "btceth", "BTC/ETH", guards.BtcEthPositionValueMinEquityMultiple, equity, risk.MaxPositionSizeUsd, diag);
            BandWarning(path, "alt", "altcoin", guards.AltPositionValueMinEquityMultiple, equity, risk.MaxPositionSizeUsd, diag);
        }
    }

    /// <summary>value ≥ min × equity at leverage ≤ cap needs margin ≥ min / cap × equity.</summary>
    private static void MarginWarning(string path, string band, decimal minMultiple, int leverageCap, string leverageKey, decimal marginPct, ConfigDiagnostics diag)
    {
        var marginPctNeeded = minMultiple / leverageCap * 100m;
        if (marginPctNeeded > marginPct)
        {
            diag.Warning($"{path}.exec_guards.{band}_position_value_min_equity_multiple", null, Names.Of(minMultiple),
                string.Create(CultureInfo.InvariantCulture,
                    $"at {leverageKey} {leverageCap} the smallest position needs {marginPctNeeded:0.##} % of equity as margin, above max_margin_usage_pct {marginPct}: every such open will be rejected"));
        }
    }

    private static void BandWarning(string path, string band, string label, decimal minMultiple, decimal equity, decimal maxSize, ConfigDiagnostics diag)
    {
        var smallest = minMultiple * equity;
        if (smallest > maxSize)
        {
            diag.Warning($"{path}.exec_guards.{band}_position_value_min_equity_multiple", null, Names.Of(minMultiple),
                string.Create(CultureInfo.InvariantCulture,
                    $"{minMultiple} x equity {Names.Plain(equity)} = {Names.Plain(smallest)} exceeds risk_params.max_position_size_usd {maxSize}: every {label} open will be rejected"));
        }
    }

    /// <summary>The trader's equity when it is known before the run: the paper exchange's funding × allocation.</summary>
    private static decimal? EquityOf(HalyardConfig config, TraderConfig trader)
    {
        if (config.Exchange.Provider != ExchangeProvider.Paper)
        {
            return null;
        }

        var funded = config.PaperExchange.Fund.FirstOrDefault(f => f.Address == config.Exchange.AccountAddress)?.Equity
            ?? config.PaperExchange.InitialEquity;
        return funded * trader.AllocationPct / 100m;
    }

    private static string TraderPath(int index) => string.Create(CultureInfo.InvariantCulture, $"traders[{index}]");
}

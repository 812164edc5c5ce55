namespace Halyard.Journal.Analytics;

/// <summary>
/// The design's <c>AnalyzePerformance(lastN)</c>: a pure function of the trader's history. The window
/// is the last <c>lastN</c> cycles, i.e. the last <c>lastN + 1</c> equity points (so up to <c>lastN</c>
/// returns); trades, opens and judgements count when they happen at or after the window's first point.
/// When the curve has no more than <c>lastN + 1</c> points the window is the whole history and nothing
/// is cut. Definitions: <c>docs/analytics.md</c>.
/// </summary>
public static class PerformanceAnalyzer
{
    public static PerformanceReport AnalyzePerformance(PerformanceInputs inputs, int lastN, AnalyticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastN, 1);
        options ??= AnalyticsOptions.Default;

        // The trader's curve comes in time order (one point per cycle): sorted again only when it is not.
        IReadOnlyList<EquityPoint> sorted = InTimeOrder(inputs.EquityCurve) ? inputs.EquityCurve : [.. inputs.EquityCurve.OrderBy(p => p.Time)];
        var cut = sorted.Count > lastN + 1;
        IReadOnlyList<EquityPoint> window = cut ? [.. sorted.Skip(sorted.Count - (lastN + 1))] : sorted;
        DateTimeOffset? start = window.Count > 0 ? window[0].Time : null;
        DateTimeOffset? end = window.Count > 0 ? window[^1].Time : null;
        DateTimeOffset? from = cut ? start : null;

        var trades = inputs.ClosedTrades.Where(t => from is null || t.ExitTime >= from).ToList();
        var opens = inputs.ClosedTrades.Count(t => from is null || t.EntryTime >= from)
            + inputs.OpenPositions.Count(p => from is null || p.EntryTime >= from);
        var hours = start is { } s && end is { } e ? (decimal)(e - s).TotalHours : 0m;

        return new PerformanceReport(
            lastN,
            start,
            end,
            TradeStats(trades, inputs.OpenPositions),
            ReturnStatistics.Compute(window, options),
            opens,
            hours > 0 ? opens / hours : null,
            RejectionStats(inputs.Judgements.Where(j => from is null || j.Time >= from)));
    }

    private static bool InTimeOrder(IReadOnlyList<EquityPoint> curve)
    {
        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].Time < curve[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    private static TradeStatistics TradeStats(IReadOnlyList<ClosedTrade> trades, IReadOnlyList<OpenPositionPnl> open)
    {
        var wins = trades.Count(t => t.NetPnlUsd > 0);
        var losses = trades.Count(t => t.NetPnlUsd < 0);
        var grossProfit = trades.Where(t => t.NetPnlUsd > 0).Sum(t => t.NetPnlUsd);
        var grossLoss = -trades.Where(t => t.NetPnlUsd < 0).Sum(t => t.NetPnlUsd);
        return new TradeStatistics(
            trades.Count,
            wins,
            losses,
            trades.Count == 0 ? null : wins * 100m / trades.Count,
            grossProfit,
            grossLoss,
            grossLoss > 0 ? grossProfit / grossLoss : null,
            trades.Sum(t => t.NetPnlUsd),
            open.Sum(p => p.NetPnlUsd),
            trades.Sum(t => t.FeesUsd) + open.Sum(p => p.FeesUsd),
            trades.Sum(t => t.FundingUsd) + open.Sum(p => p.FundingUsd));
    }

    private static RejectionStatistics RejectionStats(IEnumerable<Judgement> judgements)
    {
        int decisions = 0, decisionsRejected = 0, orders = 0, ordersRejected = 0;
        var byClass = Enum.GetValues<RejectionClass>().ToDictionary(c => c, _ => 0);
        foreach (var judgement in judgements)
        {
            var rejected = judgement.Rejection is not null;
            if (judgement.Source == JudgementSource.Validator)
            {
                decisions++;
                decisionsRejected += rejected ? 1 : 0;
            }
            else
            {
                orders++;
                ordersRejected += rejected ? 1 : 0;
            }

            if (judgement.Rejection is { } rejectionClass)
            {
                byClass[rejectionClass]++;
            }
        }

        var total = decisions + orders;
        decimal? rate = total == 0 ? null : (decisionsRejected + ordersRejected) * 100m / total;
        return new RejectionStatistics(decisions, decisionsRejected, orders, ordersRejected, byClass, rate);
    }
}

using Halyard.Domain;
using Halyard.Execution;
using Halyard.Journal;
using Halyard.Journal.Analytics;

namespace Halyard.Cycle.Reporting;

/// <summary>Everything a run summary is computed from.</summary>
public sealed record SummaryInputs
{
    public required IReadOnlyList<DecisionCycleRecord> Records { get; init; }

    /// <summary>The run's round trips, from the venue's fills.</summary>
    public IReadOnlyList<ClosedTrade> ClosedTrades { get; init; } = [];

    /// <summary>Every fee paid on every fill (USD).</summary>
    public decimal FeesUsd { get; init; }

    /// <summary>Funding received (+) or paid (−) over the run.</summary>
    public decimal FundingUsd { get; init; }

    public required decimal InitialEquityUsd { get; init; }

    public required decimal FinalEquityUsd { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public IReadOnlyList<string> DecisionMakers { get; init; } = [];

    public double WallSeconds { get; init; }

    /// <summary>Processor seconds of the process during the cycles, when measured.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Bytes the process allocated during the cycles, when measured.</summary>
    public long? AllocatedBytes { get; init; }

    public string? SigningBackend { get; init; }

    public CodeFigures? Code { get; init; }

    public string? ActionsSha256 { get; init; }

    public int ExchangeRequests { get; init; }

    /// <summary>The shadow traders' paper-account figures.</summary>
    public IReadOnlyList<ShadowTraderFigures> ShadowTraders { get; init; } = [];
}

/// <summary>Computes <see cref="RunSummary"/> from the journal records and the venue's fills.</summary>
public static class SummaryBuilder
{
    private static bool IsOrder(ActionRecord a) =>
        OrderEventNames.ActionOf(a.Action) is OrderEventAction.Entry or OrderEventAction.Close or OrderEventAction.StopLoss or OrderEventAction.TakeProfit or OrderEventAction.Flatten;

    public static RunSummary Build(SummaryInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // The live figures: a shadow trader's records (its own paper account) are summarised apart (ShadowTraders).
        IReadOnlyList<DecisionCycleRecord> records = [.. inputs.Records.Where(r => !r.Gating.Shadow)];
        var actions = records.SelectMany(r => r.Actions.Select(a => (r.Timestamp, Action: a))).ToArray();
        var sent = actions.Where(a => a.Action.Attempts > 0).ToArray();
        var rejections = sent.Where(a => a.Action.ErrorClass is not null).ToArray();
        var opens = actions
            .Where(a => OrderEventNames.ActionOf(a.Action.Action) == OrderEventAction.Entry && OrderEventNames.ResultOf(a.Action.Result) is OrderEventResult.Filled or OrderEventResult.PartiallyFilled)
            .Select(a => a.Timestamp)
            .Order()
            .ToArray();
        // Ratios are scale-free: the curve of the trader with the most cycles (its share of the account) stands for the account.
        var busiest = records.GroupBy(r => r.TraderId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        var curve = JournalHistory.EquityCurve(busiest?.AsEnumerable() ?? []);
        var report = PerformanceAnalyzer.AnalyzePerformance(
            new PerformanceInputs
            {
                EquityCurve = curve,
                ClosedTrades = inputs.ClosedTrades,
                Judgements = JournalHistory.Judgements(records),
            },
            Math.Max(1, curve.Count));
        var net = inputs.FinalEquityUsd - inputs.InitialEquityUsd;
        return new RunSummary
        {
            From = inputs.From,
            To = inputs.To,
            Traders = [.. records.Select(r => r.TraderId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            DecisionMakers = inputs.DecisionMakers,
            Cycles = records.Count,
            CyclesFailed = records.Count(r => !r.Success),
            DecisionsByAction = Count(records.SelectMany(r => r.Decisions).Select(d => ActionName(d.Action))),
            Verdicts = Count(records.SelectMany(r => r.Verdicts).Select(v => v.Verdict)),
            VerdictsRejectedByReason = Count(records.SelectMany(r => r.Verdicts).Where(v => v.IsRejected).Select(v => v.ReasonCodes.Count > 0 ? v.ReasonCodes[0] : "unknown")),
            OrdersSent = sent.Count(a => IsOrder(a.Action)),
            ExchangeRequests = inputs.ExchangeRequests,
            ShadowTraders = inputs.ShadowTraders,
            VenueRejectionsByClass = Count(rejections.Select(a => a.Action.ErrorClass!)),
            RejectionRatePct = Round(report.Rejections.RatePct),
            VenueRejectionRatePct = sent.Length == 0 ? null : Round(rejections.Length * 100m / sent.Length),
            OpensFilled = opens.Length,
            OpensPausedPct = records.Count == 0 ? null : Round(records.Count(r => !r.Gating.OpensAllowed) * 100m / records.Count),
            OpensPausedByReason = Count(records.Where(r => !r.Gating.OpensAllowed).SelectMany(r => r.Gating.PausedBy.Count > 0 ? r.Gating.PausedBy : ["unknown"])),
            CircuitBreakerTrips = Count(actions.Where(a => a.Action.Action == "circuit_breaker").Select(a => a.Action.Result)),
            MaxNewOpensInAnyHour = MaxInAnyHour(opens),
            DecisionToOrder = Stats(records.SelectMany(r => r.WallClock.OrderLatencies).Select(l => l.DecisionToSendMs)),
            CycleOverhead = Stats(records.Select(r => r.WallClock.CycleOverheadMs)),
            InitialEquityUsd = inputs.InitialEquityUsd,
            FinalEquityUsd = inputs.FinalEquityUsd,
            NetPnlUsd = net,
            NetPnlPct = inputs.InitialEquityUsd > 0 ? Round(net * 100m / inputs.InitialEquityUsd)!.Value : 0m,
            FeesUsd = inputs.FeesUsd,
            FundingUsd = inputs.FundingUsd,
            ClosedTrades = report.Trades.ClosedTrades,
            WinRatePct = Round(report.Trades.WinRatePct),
            ProfitFactor = Round(report.Trades.ProfitFactor),
            Sharpe = report.Returns.Sharpe is { } sharpe ? Math.Round(sharpe, 4) : null,
            Sortino = report.Returns.Sortino is { } sortino ? Math.Round(sortino, 4) : null,
            MaxDrawdownPct = Round(report.Returns.MaxDrawdownPct),
            WallSeconds = Math.Round(inputs.WallSeconds, 3),
            CyclesPerSecond = inputs.WallSeconds > 0 ? Math.Round(records.Count / inputs.WallSeconds, 1) : 0d,
            CpuSeconds = inputs.CpuSeconds is { } cpu ? Math.Round(cpu, 3) : null,
            AllocatedBytesPerCycle = inputs.AllocatedBytes is { } bytes && records.Count > 0 ? bytes / records.Count : null,
            SigningBackend = inputs.SigningBackend,
            Code = inputs.Code,
            ActionsSha256 = inputs.ActionsSha256,
        };
    }

    /// <summary>Nearest-rank percentiles: the smallest sample with at least p % of the samples at or below it.</summary>
    public static LatencyStats Stats(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(0, null, null, null, null);
        }

        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100d * sorted.Length) - 1, 0, sorted.Length - 1)], 4);
        return new LatencyStats(sorted.Length, At(50), At(95), At(99), Math.Round(sorted[^1], 4));
    }

    /// <summary>The most timestamps inside any rolling hour (t − 1h, t].</summary>
    public static int MaxInAnyHour(IReadOnlyList<DateTimeOffset> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var best = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[start] <= sorted[end] - TimeSpan.FromHours(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    private static string ActionName(Domain.DecisionAction action) => action switch
    {
        Domain.DecisionAction.OpenLong => "open_long",
        Domain.DecisionAction.OpenShort => "open_short",
        Domain.DecisionAction.CloseLong => "close_long",
        Domain.DecisionAction.CloseShort => "close_short",
        Domain.DecisionAction.Hold => "hold",
        _ => "wait",
    };

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 4) : null;
}

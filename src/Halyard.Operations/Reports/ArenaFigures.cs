using Halyard.Journal.Analytics;

namespace Halyard.Operations.Reports;

/// <summary>One row of the arena: a trader's result over its journal, side by side with the others.</summary>
public sealed record ArenaFigures
{
    public required string Label { get; init; }

    public required int Cycles { get; init; }

    public decimal? InitialEquityUsd { get; init; }

    public decimal? FinalEquityUsd { get; init; }

    /// <summary>Final − initial account value: after fees and funding (the account value includes both).</summary>
    public decimal? NetPnlUsd { get; init; }

    public decimal? NetPnlPct { get; init; }

    public double? Sharpe { get; init; }

    public decimal? MaxDrawdownPct { get; init; }

    public int Trades { get; init; }

    public decimal? WinRatePct { get; init; }

    /// <summary>Fees paid; null when only the journal is known (it holds no fills).</summary>
    public decimal? FeesUsd { get; init; }

    /// <summary>Share of the cycles in which new opens were not allowed (Sharpe gate, safe mode, operator pause).</summary>
    public decimal PausedSharePct { get; init; }

    /// <summary>True when trades, win rate and fees come from fills (exact), false when inferred from the journal.</summary>
    public bool TradesFromFills { get; init; }

    public static ArenaFigures Of(TraderRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = run.Records;
        var curve = JournalHistory.EquityCurve(records);
        var returns = ReturnStatistics.Compute(curve, AnalyticsOptions.Default);
        var initial = curve.Count > 0 ? curve[0].Equity : (decimal?)null;
        var final = curve.Count > 0 ? curve[^1].Equity : (decimal?)null;
        var net = final - initial;
        var paused = records.Count == 0 ? 0m : records.Count(r => !r.Gating.OpensAllowed || r.Gating.SafeMode) * 100m / records.Count;
        var figures = new ArenaFigures
        {
            Label = run.Label,
            Cycles = records.Count,
            InitialEquityUsd = initial,
            FinalEquityUsd = final,
            NetPnlUsd = net,
            NetPnlPct = initial is > 0m ? Math.Round(net!.Value * 100m / initial.Value, 2) : null,
            Sharpe = returns.Sharpe is { } s ? Math.Round(s, 2) : null,
            MaxDrawdownPct = returns.MaxDrawdownPct is { } dd ? Math.Round(dd, 2) : null,
            PausedSharePct = Math.Round(paused, 1),
        };

        if (run.Summary is { } summary)
        {
            return figures with { Trades = summary.ClosedTrades, WinRatePct = summary.WinRatePct, FeesUsd = summary.FeesUsd, TradesFromFills = true };
        }

        var trades = run.Trades ?? JournalTrades.Infer(records);
        var wins = trades.Count(t => t.NetPnlUsd > 0m);
        return figures with
        {
            Trades = trades.Count,
            WinRatePct = trades.Count > 0 ? Math.Round(wins * 100m / trades.Count, 1) : null,
            FeesUsd = run.Trades is null ? null : trades.Sum(t => t.FeesUsd),
            TradesFromFills = run.Trades is not null,
        };
    }
}

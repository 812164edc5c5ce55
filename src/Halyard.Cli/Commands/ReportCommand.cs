using System.CommandLine;
using Halyard.Cli.Rendering;
using Halyard.Cycle.Reporting;
using Halyard.Journal;
using Halyard.Journal.Analytics;
using Halyard.Operations.Reports;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard report RUN_DIR…</c>: one folder: the run's summary as a table (from <c>summary.json</c>, or computed
/// from the journal for a live run) and its equity and drawdown chart; several folders: the arena table and one
/// chart with every equity curve.
/// </summary>
internal static class ReportCommand
{
    public const string SummaryFile = "summary.json";

    public static Command Create()
    {
        var folders = new Argument<DirectoryInfo[]>("RUN_DIR") { Description = "run folders written by halyard replay (or journal folders of halyard run), or one sweep folder (the sweep's arena)", Arity = ArgumentArity.OneOrMore };
        var png = new Option<FileInfo?>("--png") { Description = "where to write the chart (default: RUN_DIR/equity.png; several folders: ./arena.png; a sweep: SWEEP_DIR/arena.png)" };
        var by = new Option<string>("--by") { Description = "sweep: the figure to rank by (net_pnl_usd, net_pnl_pct, sharpe, sortino, max_drawdown_pct, win_rate_pct, profit_factor, fees_usd, …)", DefaultValueFactory = _ => "net_pnl_usd" };
        var group = new Option<string[]>("--group") { Description = "sweep: an axis to group by (repeatable; default: every axis)", Arity = ArgumentArity.ZeroOrMore };
        var top = new Option<int>("--top") { Description = "sweep: show the best and the worst N jobs", DefaultValueFactory = _ => 10 };
        var command = new Command("report", "Print a run's summary and draw its equity chart; with several run folders, the arena table and one chart with every equity curve; for a sweep folder, the sweep's arena: jobs ranked, grouped by axis, best and worst equity.") { folders, png, by, group, top };
        command.SetAction(result =>
        {
            var dirs = result.GetValue(folders)!;
            return dirs.Length == 1 && ArenaCommand.IsSweepFolder(dirs[0])
                ? ArenaCommand.Run(Terminal.For(result), result.InvocationConfiguration.Error, dirs[0], result.GetValue(by)!, result.GetValue(group) ?? [], Math.Max(1, result.GetValue(top)), result.GetValue(png))
                : Run(result, dirs, result.GetValue(png));
        });
        return command;
    }

    private static int Run(ParseResult result, DirectoryInfo[] folders, FileInfo? png)
    {
        var console = Terminal.For(result);
        foreach (var folder in folders)
        {
            if (!File.Exists(Path.Combine(folder.FullName, SummaryFile)) && !File.Exists(Path.Combine(folder.FullName, CompositeJournal.JsonlFileName)))
            {
                result.InvocationConfiguration.Error.WriteLine($"{folder.FullName}: no {SummaryFile} and no {CompositeJournal.JsonlFileName}: not a run folder.");
                return 1;
            }
        }

        return folders.Length == 1 ? One(console, folders[0], png) : Arena(console, folders, png);
    }

    private static int One(IAnsiConsole console, DirectoryInfo folder, FileInfo? png)
    {
        var summaryPath = Path.Combine(folder.FullName, SummaryFile);
        var journal = JsonlJournal.Read(Path.Combine(folder.FullName, CompositeJournal.JsonlFileName));
        if (File.Exists(summaryPath))
        {
            console.Write(SummaryTable.Build(RunSummary.FromJson(File.ReadAllText(summaryPath)), folder.FullName));
        }
        else if (FromJournal(journal.Records) is { } summary)
        {
            console.Write(SummaryTable.Build(summary, folder.FullName));
            console.MarkupLine(Markup.Escape("A live journal: summary computed from cycles.jsonl; closed trades inferred from the position snapshots (the journal holds no fills: fees and funding are inside the equity figures only). Control actions: " + Operations.Control.ControlJournal.Read(folder.FullName).Count + "."));
        }
        else
        {
            console.MarkupLine("The journal holds no cycle.");
        }

        if (journal.Problems.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"{journal.Problems.Count} unreadable journal line(s) skipped."));
        }

        var chart = png?.FullName ?? Path.Combine(folder.FullName, EquityChart.FileName);
        console.MarkupLine(EquityChart.Render(journal.Records, chart) ? Markup.Escape($"Equity and drawdown chart: {chart}") : "Fewer than two equity points: no chart.");
        return 0;
    }

    private static int Arena(IAnsiConsole console, DirectoryInfo[] folders, FileInfo? png)
    {
        var runs = RunFolders.Load([.. folders.Select(f => f.FullName)]);
        console.Write(ArenaTable.Build([.. runs.Select(ArenaFigures.Of)]));
        var chart = png?.FullName ?? Path.GetFullPath(ArenaChart.FileName);
        console.MarkupLine(ArenaChart.Render(runs, chart) ? Markup.Escape($"Equity curves: {chart}") : "Fewer than two equity points: no chart.");
        return 0;
    }

    /// <summary>A shadow trader's figures from its journal alone: its share of its paper account, round trips inferred from its position snapshots.</summary>
    private static ShadowTraderFigures ShadowFromJournal(IGrouping<string, DecisionCycleRecord> records)
    {
        var ordered = records.OrderBy(r => r.Cycle).ToArray();
        var curve = JournalHistory.EquityCurve(ordered);
        var trades = JournalTrades.Infer(ordered);
        var (first, last) = curve.Count > 0 ? (curve[0].Equity, curve[^1].Equity) : (0m, 0m);
        return new ShadowTraderFigures
        {
            TraderId = records.Key,
            Account = "paper (from the journal)",
            InitialEquityUsd = first,
            FinalEquityUsd = last,
            NetPnlUsd = last - first,
            NetPnlPct = first > 0 ? decimal.Round((last - first) * 100m / first, 4) : 0m,
            OrdersSent = ordered.SelectMany(r => r.Actions).Count(a => a.Attempts > 0 && a.Action is "entry" or "close" or "stop_loss" or "take_profit" or "flatten" or "reduce"),
            ClosedTrades = trades.Count,
            WinRatePct = trades.Count == 0 ? null : decimal.Round(trades.Count(t => t.NetPnlUsd > 0m) * 100m / trades.Count, 2),
            OpenPositions = ordered.LastOrDefault(r => r.AccountSnapshot is not null)?.PositionsSnapshot.Count ?? 0,
        };
    }

    /// <summary>The replay's summary, computed from a journal alone (a live run has no summary.json).</summary>
    internal static RunSummary? FromJournal(IReadOnlyList<DecisionCycleRecord> records)
    {
        if (records.Count == 0)
        {
            return null;
        }

        // The live figures come from the live traders; each shadow trader's from its own records (its paper account).
        var liveRecords = records.Where(r => !r.Gating.Shadow).ToArray();
        var busiest = liveRecords.GroupBy(r => r.TraderId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault();
        var curve = JournalHistory.EquityCurve(busiest?.AsEnumerable() ?? []);
        var trades = liveRecords.GroupBy(r => r.TraderId, StringComparer.Ordinal).SelectMany(g => JournalTrades.Infer([.. g.OrderBy(r => r.Cycle)])).ToArray();
        return SummaryBuilder.Build(new SummaryInputs
        {
            Records = records,
            ClosedTrades = trades,
            ShadowTraders = [.. records.Where(r => r.Gating.Shadow).GroupBy(r => r.TraderId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(ShadowFromJournal)],
            InitialEquityUsd = curve.Count > 0 ? curve[0].Equity : 0m,
            FinalEquityUsd = curve.Count > 0 ? curve[^1].Equity : 0m,
            From = records.Min(r => r.Timestamp),
            To = records.Max(r => r.Timestamp),
            WallSeconds = records.Sum(r => (r.WallClock.DecisionMs + r.WallClock.CycleOverheadMs) / 1000d),
        });
    }
}

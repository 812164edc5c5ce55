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
        var folders = new Argument<DirectoryInfo[]>("RUN_DIR") { Description = "run folders written by halyard replay (or journal folders of halyard run)", Arity = ArgumentArity.OneOrMore };
        var png = new Option<FileInfo?>("--png") { Description = "where to write the chart (default: RUN_DIR/equity.png; several folders: ./arena.png)" };
        var command = new Command("report", "Print a run's summary and draw its equity chart; with several run folders, the arena table and one chart with every equity curve.") { folders, png };
        command.SetAction(result => Run(result, result.GetValue(folders)!, result.GetValue(png)));
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

    /// <summary>The replay's summary, computed from a journal alone (a live run has no summary.json).</summary>
    internal static RunSummary? FromJournal(IReadOnlyList<DecisionCycleRecord> records)
    {
        if (records.Count == 0)
        {
            return null;
        }

        var busiest = records.GroupBy(r => r.TraderId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
        var curve = JournalHistory.EquityCurve(busiest);
        var trades = records.GroupBy(r => r.TraderId, StringComparer.Ordinal).SelectMany(g => JournalTrades.Infer([.. g.OrderBy(r => r.Cycle)])).ToArray();
        return SummaryBuilder.Build(new SummaryInputs
        {
            Records = records,
            ClosedTrades = trades,
            InitialEquityUsd = curve.Count > 0 ? curve[0].Equity : 0m,
            FinalEquityUsd = curve.Count > 0 ? curve[^1].Equity : 0m,
            From = records.Min(r => r.Timestamp),
            To = records.Max(r => r.Timestamp),
            WallSeconds = records.Sum(r => (r.WallClock.DecisionMs + r.WallClock.CycleOverheadMs) / 1000d),
        });
    }
}

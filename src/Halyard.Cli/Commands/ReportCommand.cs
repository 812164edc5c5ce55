using System.CommandLine;
using Halyard.Cli.Rendering;
using Halyard.Cycle.Reporting;
using Halyard.Journal;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary><c>halyard report RUN_DIR</c>: the run's summary as a table and its equity and drawdown chart as a PNG.</summary>
internal static class ReportCommand
{
    public const string SummaryFile = "summary.json";

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("RUN_DIR") { Description = "a run folder written by halyard replay (or a journal folder of halyard run), or a sweep folder (the arena)" };
        var png = new Option<FileInfo?>("--png") { Description = "where to write the chart (default: RUN_DIR/equity.png; for a sweep SWEEP_DIR/arena.png)" };
        var by = new Option<string>("--by") { Description = "sweep: the figure to rank by (net_pnl_usd, net_pnl_pct, sharpe, sortino, max_drawdown_pct, win_rate_pct, profit_factor, fees_usd, …)", DefaultValueFactory = _ => "net_pnl_usd" };
        var group = new Option<string[]>("--group") { Description = "sweep: an axis to group by (repeatable; default: every axis)", Arity = ArgumentArity.ZeroOrMore };
        var top = new Option<int>("--top") { Description = "sweep: show the best and the worst N jobs", DefaultValueFactory = _ => 10 };
        var command = new Command("report", "Print a run's summary and draw its equity chart; for a sweep folder, the arena: jobs ranked, grouped by axis, best and worst equity.") { folder, png, by, group, top };
        command.SetAction(result =>
        {
            var dir = result.GetValue(folder)!;
            return ArenaCommand.IsSweepFolder(dir)
                ? ArenaCommand.Run(Terminal.For(result), result.InvocationConfiguration.Error, dir, result.GetValue(by)!, result.GetValue(group) ?? [], Math.Max(1, result.GetValue(top)), result.GetValue(png))
                : Run(result, dir, result.GetValue(png));
        });
        return command;
    }

    private static int Run(ParseResult result, DirectoryInfo folder, FileInfo? png)
    {
        var console = Terminal.For(result);
        var summaryPath = Path.Combine(folder.FullName, SummaryFile);
        var journalPath = Path.Combine(folder.FullName, CompositeJournal.JsonlFileName);
        if (!File.Exists(summaryPath) && !File.Exists(journalPath))
        {
            result.InvocationConfiguration.Error.WriteLine($"{folder.FullName}: no {SummaryFile} and no {CompositeJournal.JsonlFileName}: not a run folder.");
            return 1;
        }

        var journal = JsonlJournal.Read(journalPath);
        if (File.Exists(summaryPath))
        {
            console.Write(SummaryTable.Build(RunSummary.FromJson(File.ReadAllText(summaryPath)), folder.FullName));
        }
        else
        {
            console.MarkupLine(Markup.Escape($"No {SummaryFile} (a live journal): {journal.Records.Count} cycles."));
        }

        if (journal.Problems.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"{journal.Problems.Count} unreadable journal line(s) skipped."));
        }

        var chart = png?.FullName ?? Path.Combine(folder.FullName, EquityChart.FileName);
        if (EquityChart.Render(journal.Records, chart))
        {
            console.MarkupLine(Markup.Escape($"Equity and drawdown chart: {chart}"));
        }
        else
        {
            console.MarkupLine("Fewer than two equity points: no chart.");
        }

        return 0;
    }
}

using System.CommandLine;
using System.Globalization;
using Halyard.Cli.Rendering;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Domain;
using Halyard.Journal;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard replay [--config FILE] [--from DATE] [--to DATE] [--out DIR]</c>: the Manager on a replay clock
/// through the in-process paper exchange; writes the run folder and prints the summary. Without a
/// configuration: the starter trader with the baseline decision maker on the bundled data.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "a halyard YAML file (default: the starter configuration)" };
        var from = new Option<string?>("--from") { Description = "start, UTC date or time (default: 30 days before --to)" };
        var to = new Option<string?>("--to") { Description = "end, UTC, exclusive (default: the end of the data)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "the run folder (default: replay.out, runs/replay)" };
        var command = new Command("replay", "Replay the traders on the paper exchange over recorded market data, as fast as possible; write a run folder and print its summary.")
        {
            config, from, to, output,
        };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(config), result.GetValue(from), result.GetValue(to), result.GetValue(output), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, FileInfo? file, string? from, string? to, DirectoryInfo? output, CancellationToken ct)
    {
        var console = Terminal.For(result);
        var error = result.InvocationConfiguration.Error;
        if (CommandConfig.Load(file, error) is not { } config
            || !CommandConfig.TryTime(from, "--from", error, out var start)
            || !CommandConfig.TryTime(to, "--to", error, out var end))
        {
            return 2;
        }

        var request = new ReplayRequest { Config = config, From = start, To = end, OutDirectory = output?.FullName };
        var plan = ReplayRunner.Plan(request);
        if (!plan.IsSuccess)
        {
            await error.WriteLineAsync("replay: " + plan.Error.Message).ConfigureAwait(false);
            return 2;
        }

        var window = plan.Value;

        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Replaying {window.From:yyyy-MM-dd HH:mm} → {window.To:yyyy-MM-dd HH:mm} UTC: {config.Traders.Count} trader(s), paper exchange, {(file is null ? "starter configuration" : file.Name)}.")));
        Result<ReplayResult> replay;
        try
        {
            replay = await WithProgressAsync(console, request, window, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("replay: stopped.").ConfigureAwait(false);
            return 130;
        }

        if (!replay.IsSuccess)
        {
            await error.WriteLineAsync("replay: " + replay.Error.Message).ConfigureAwait(false);
            return 1;
        }

        var run = replay.Value;

        var records = JsonlJournal.Read(Path.Combine(run.RunFolder, CompositeJournal.JsonlFileName)).Records;
        EquityChart.Render(records, Path.Combine(run.RunFolder, EquityChart.FileName));
        console.Write(SummaryTable.Build(run.Summary, run.RunFolder));
        console.MarkupLine(Markup.Escape($"Run folder: {run.RunFolder} (cycles.jsonl, journal.db, exchange.jsonl, summary.json, equity.png)"));
        return 0;
    }

    private static async Task<Result<ReplayResult>> WithProgressAsync(IAnsiConsole console, ReplayRequest request, ReplayWindow window, CancellationToken ct)
    {
        if (!Terminal.IsInteractive(console))
        {
            return await ReplayRunner.RunAsync(request, null, ct).ConfigureAwait(false);
        }

        Result<ReplayResult>? outcome = null;
        var total = (window.To - window.From).TotalMinutes;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("replay", maxValue: total);
                var progress = new Progress<ReplayProgress>(p =>
                {
                    task.Value = (p.Now - window.From).TotalMinutes;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Now:yyyy-MM-dd HH:mm} · {p.Cycles} cycles");
                });
                outcome = await ReplayRunner.RunAsync(request, progress, ct).ConfigureAwait(false);
                task.Value = total;
            }).ConfigureAwait(false);
        return outcome!;
    }
}

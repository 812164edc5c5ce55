using System.CommandLine;
using System.Globalization;
using Halyard.Cli.Rendering;
using Halyard.Sweeps.Definition;
using Halyard.Sweeps.Index;
using Halyard.Sweeps.Planning;
using Halyard.Sweeps.Running;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard sweep SWEEP.yaml [--dry-run] [--workers N] [--cluster CLUSTER.yaml]</c>: many replays — a base
/// configuration and axes — run on local workers or submitted to an Orleans cluster; resumable; one index.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("SWEEP") { Description = "the sweep file (docs/sweeps.md)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "print the jobs (name, window, digest, whether already done) and run nothing" };
        var workers = new Option<int?>("--workers") { Description = "replays at once on this machine (default: the sweep's workers, else one per core)" };
        var cluster = new Option<FileInfo?>("--cluster") { Description = "submit to the Orleans cluster of this CLUSTER.yaml and follow it, instead of running locally" };
        var command = new Command("sweep", "Run many replays (axes over any configuration key, as a grid or listed) locally in parallel or on a cluster; resumable; one index per sweep folder.")
        {
            file, dryRun, workers, cluster,
        };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(file)!, result.GetValue(dryRun), result.GetValue(workers), result.GetValue(cluster), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, FileInfo file, bool dryRun, int? workers, FileInfo? cluster, CancellationToken ct)
    {
        var console = Terminal.For(result);
        var error = result.InvocationConfiguration.Error;
        var (definition, errors) = SweepFileReader.Load(file.FullName);
        if (definition is null)
        {
            foreach (var e in errors)
            {
                await error.WriteLineAsync("sweep: " + e).ConfigureAwait(false);
            }

            return 2;
        }

        var (plan, planErrors) = SweepPlanner.Plan(definition);
        if (plan is null)
        {
            foreach (var e in planErrors)
            {
                await error.WriteLineAsync("sweep: " + e).ConfigureAwait(false);
            }

            return 2;
        }

        if (workers is <= 0)
        {
            await error.WriteLineAsync("sweep: --workers must be at least 1.").ConfigureAwait(false);
            return 2;
        }

        if (dryRun)
        {
            console.Write(JobsTable(plan, SweepIndex.Read(plan.OutDirectory)));
            console.MarkupLine(Markup.Escape($"{plan.Jobs.Count} job(s) into {plan.OutDirectory}; nothing was run (--dry-run)."));
            return 0;
        }

        if (cluster is not null)
        {
            return await ClusterSweepCommand.SubmitAsync(new ClusterSubmission(plan, definition, cluster, console, error), ct).ConfigureAwait(false);
        }

        var count = workers ?? definition.Workers ?? Environment.ProcessorCount;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Sweep {plan.Name}: {plan.Jobs.Count} job(s), {count} local worker(s), into {plan.OutDirectory}. Ctrl-C stops; running it again resumes.")));
        var options = new LocalSweepOptions { Workers = count, Endpoints = definition.Endpoints };
        var outcome = await SweepProgressView.RunAsync(console, progress => LocalSweepRunner.RunAsync(plan, options, progress, ct)).ConfigureAwait(false);
        return Finish(console, outcome, plan.OutDirectory);
    }

    internal static int Finish(IAnsiConsole console, SweepOutcome outcome, string folder)
    {
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{(outcome.Cancelled ? "Stopped" : "Finished")}: {outcome.Done} done, {outcome.Failed} failed, {outcome.Skipped} already done before, of {outcome.Total}, in {outcome.Elapsed.TotalSeconds:0.0} s ({JobsPerMinute(outcome):0.0} jobs/min).")));
        var failed = SweepIndex.Read(folder)?.Jobs.Where(j => j.Status == JobStatus.Failed).ToArray() ?? [];
        foreach (var job in failed.Take(10))
        {
            console.MarkupLine(Markup.Escape($"  failed {job.Name}: {job.Error}"));
        }

        console.MarkupLine(Markup.Escape($"Index: {Path.Combine(folder, SweepIndex.JsonFileName)} and {SweepIndex.SqliteFileName}; the arena: halyard report {folder}"));
        return outcome.Cancelled ? 130 : outcome.Failed > 0 ? 1 : 0;
    }

    private static double JobsPerMinute(SweepOutcome o) => o.Elapsed.TotalMinutes > 0 ? (o.Done + o.Failed) / o.Elapsed.TotalMinutes : 0;

    private static Table JobsTable(SweepPlan plan, IndexDocument? index)
    {
        var previous = index?.Jobs.ToDictionary(j => j.Name, StringComparer.Ordinal) ?? [];
        var table = new Table().Border(TableBorder.Rounded).AddColumn("job").AddColumn("window (UTC)").AddColumn("digest").AddColumn("state");
        table.Title = new TableTitle("Sweep " + plan.Name);
        foreach (var job in plan.Jobs)
        {
            var state = previous.GetValueOrDefault(job.Name) switch
            {
                { Status: JobStatus.Done } e when e.Digest == job.Digest => "done (skipped)",
                { } e when e.Digest != job.Digest => "changed (runs)",
                { Status: JobStatus.Failed } => "failed (runs again)",
                _ => "to run",
            };
            table.AddRow(
                Markup.Escape(job.Name),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{job.Window.From:yyyy-MM-dd HH:mm} → {job.Window.To:yyyy-MM-dd HH:mm}")),
                Markup.Escape(job.Digest[..12]),
                Markup.Escape(state));
        }

        return table;
    }
}

/// <summary>What the cluster path needs from the command.</summary>
internal sealed record ClusterSubmission(SweepPlan Plan, SweepDefinition Definition, FileInfo ClusterFile, IAnsiConsole Console, TextWriter Error);

using System.Globalization;
using Halyard.Sweeps.Running;
using Spectre.Console;

namespace Halyard.Cli.Rendering;

/// <summary>A sweep's progress: a live bar (done / running / failed, ETA) on a terminal, one line per finished job otherwise.</summary>
internal static class SweepProgressView
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<SweepProgress>, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Terminal.IsInteractive(console))
        {
            var last = -1;
            return await run(new Inline(p =>
            {
                var finished = p.Done + p.Failed;
                if (finished != last && p.Last is not null)
                {
                    last = finished;
                    console.MarkupLine(Markup.Escape(Line(p)));
                }
            })).ConfigureAwait(false);
        }

        T outcome = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("sweep", maxValue: 1);
                outcome = await run(new Inline(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total - p.Skipped);
                    task.Value = p.Done + p.Failed;
                    task.Description = Line(p);
                })).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return outcome;
    }

    public static string Line(SweepProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Done + p.Skipped}/{p.Total} done · {p.Running} running · {p.Failed} failed · ETA {(p.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "…")}{(p.Last is { } last ? " · " + last : string.Empty)}");

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class Inline(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        private readonly object _gate = new();

        public void Report(SweepProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}

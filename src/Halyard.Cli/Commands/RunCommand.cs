using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Halyard.Cli.Rendering;
using Halyard.Cycle.Live;
using Halyard.Domain;
using Halyard.Hyperliquid.Signing;
using Halyard.Journal;
using Halyard.Operations;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard run [--config FILE]</c>: the live loop on the wall clock, on the venue of the configuration —
/// the embedded paper exchange by default (history replayed in real time), a standalone paper exchange,
/// Hyperliquid testnet or mainnet. One line per cycle; Ctrl-C stops every trader cleanly.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "a halyard YAML file (default: the starter configuration)" };
        var verbose = new Option<bool>("--verbose") { Description = "log debug and above to the console (default: logging.level)" };
        var command = new Command("run", "Run the traders live on the wall clock until Ctrl-C (venue by configuration: paper by default, testnet or mainnet), with the control API and dashboard on 127.0.0.1.") { config, verbose };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(config), result.GetValue(verbose), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, FileInfo? file, bool verbose, CancellationToken ct)
    {
        var console = Terminal.For(result);
        if (CommandConfig.Load(file, result.InvocationConfiguration.Error) is not { } config)
        {
            return 2;
        }

        using var loggers = RunLogging.Create(config, verbose, result.InvocationConfiguration.Error);
        await using var operations = new LiveOperations(config, loggers, TimeProvider.System);
        var error = result.InvocationConfiguration.Error;
        var grace = config.Execution.ShutdownGrace;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var force = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) == 1)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run: {context.Signal}: stopping — no new decisions; finishing the intents in hand and leaving every position with a live stop (on_stop: {(config.Execution.OnStop == Cycle.StopPolicy.Keep ? "keep" : "flatten")}, grace {grace.TotalSeconds:0}s). Ctrl-C again forces."));
                stopping.Cancel();
                force.CancelAfter(grace);
            }
            else
            {
                error.WriteLine("run: forced.");
                force.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var request = new LiveRequest
        {
            Force = force.Token,
            Config = config,
            Loggers = loggers,
            Connected = venue => console.MarkupLine(Markup.Escape($"Trading on {venue}. Signing: {Ecdsa.Describe(Ecdsa.Backend)}. Journal: {Path.GetFullPath(config.Journal.Dir)}. Ctrl-C stops.")),
            CycleCompleted = record =>
            {
                operations.OnCycle(record);
                console.MarkupLine(Markup.Escape(Line(record)));
            },
            Attach = async (session, token) =>
            {
                var attached = await operations.AttachAsync(session, token).ConfigureAwait(false);
                if (operations.Url is { } url)
                {
                    console.MarkupLine(Markup.Escape($"Control API, /metrics and dashboard on {url}/ (token in {operations.TokenFile}; open {url}/?token=… or use halyard status)."));
                }

                return attached;
            },
            Warning = text => result.InvocationConfiguration.Error.WriteLine("run: " + text),
        };
        var outcome = await LiveRunner.RunAsync(request, stopping.Token).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            await error.WriteLineAsync("run: " + outcome.Error.Message).ConfigureAwait(false);
            return 1;
        }

        var run = outcome.Value;

        foreach (var line in run.Stopped)
        {
            console.MarkupLine(Markup.Escape(line));
        }

        if (run.Forced)
        {
            await error.WriteLineAsync("run: stop forced; left unfinished: " + string.Join("; ", run.Unfinished) + ". The next start settles them from the ledger.").ConfigureAwait(false);
            return 130;
        }

        console.MarkupLine(Markup.Escape($"Stopped after {run.Cycles} cycle(s). See it with: halyard report {run.JournalFolder}"));
        return run.Stopped.Any(l => l.Contains("WITHOUT A STOP", StringComparison.Ordinal)) ? 3 : 0;
    }

    /// <summary>One cycle in one line: trader, cycle, time, equity, decisions, orders, gating.</summary>
    internal static string Line(DecisionCycleRecord r)
    {
        var opens = r.Decisions.Count(d => d.Action is Domain.DecisionAction.OpenLong or Domain.DecisionAction.OpenShort);
        var closes = r.Decisions.Count(d => d.Action is Domain.DecisionAction.CloseLong or Domain.DecisionAction.CloseShort);
        var rejected = r.Verdicts.Count(v => v.IsRejected);
        var sent = r.Actions.Count(a => a.Attempts > 0);
        var gate = r.Gating switch
        {
            { Shadow: true } => " shadow",
            { SafeMode: true } => " SAFE MODE",
            { PausedUntil: { } until } => string.Create(CultureInfo.InvariantCulture, $" paused until {until:HH:mm}"),
            _ => string.Empty,
        };
        var equity = r.AccountSnapshot is { } a ? a.AccountValue.ToString("N2", CultureInfo.InvariantCulture) : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.TraderId} #{r.Cycle} {r.Timestamp:yyyy-MM-dd HH:mm}  equity {equity}  opens {opens} closes {closes} rejected {rejected}  requests {sent}  positions {r.PositionsSnapshot.Count}{gate}{(r.Success ? string.Empty : "  FAILED: " + r.ErrorMessage)}");
    }
}

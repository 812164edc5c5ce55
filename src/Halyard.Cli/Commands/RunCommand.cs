using System.CommandLine;
using System.Globalization;
using Halyard.Cli.Rendering;
using Halyard.Cycle.Live;
using Halyard.Domain;
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
        var request = new LiveRequest
        {
            Config = config,
            Loggers = loggers,
            Connected = venue => console.MarkupLine(Markup.Escape($"Trading on {venue}. Journal: {Path.GetFullPath(config.Journal.Dir)}. Ctrl-C stops.")),
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
        };
        var (run, error) = await LiveRunner.RunAsync(request, ct).ConfigureAwait(false);
        if (run is null)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync("run: " + error).ConfigureAwait(false);
            return 1;
        }

        console.MarkupLine(Markup.Escape($"Stopped after {run.Cycles} cycle(s). See it with: halyard report {run.JournalFolder}"));
        return 0;
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

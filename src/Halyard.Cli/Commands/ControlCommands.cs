using System.CommandLine;
using System.Globalization;
using System.Text;
using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Operations.Control;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard status | pause ID | resume ID | flatten [ID|--all] | cancel-all</c>: the control API of a running
/// <c>halyard run</c>, found through its journal folder (<c>--journal</c>, else <c>journal.dir</c> of <c>--config</c>).
/// With no running process, <c>flatten --all --config</c> and <c>cancel-all --config</c> act on the venue directly.
/// </summary>
internal static class ControlCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Status();
        yield return TraderVerb("pause", "Pause a running trader: no new opens until resumed (closes and protection go on).", "pause");
        yield return TraderVerb("resume", "Resume a paused trader.", "resume");
        yield return Flatten();
        yield return CancelAll();
    }

    private static (Option<FileInfo?> Config, Option<DirectoryInfo?> Journal) Common() =>
        (new Option<FileInfo?>("--config") { Description = "the halyard YAML file of the run (its journal.dir; and the venue when no process runs)" },
         new Option<DirectoryInfo?>("--journal") { Description = "the journal folder of the running halyard run (default: journal.dir)" });

    private static Command Status()
    {
        var (config, journal) = Common();
        var command = new Command("status", "Show each trader of the running halyard run: cycle, equity, positions with stop/target/liquidation, gating, last error.") { config, journal };
        command.SetAction(async (result, ct) =>
        {
            var client = Connect(result, result.GetValue(config), result.GetValue(journal));
            if (!client.IsSuccess)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("status: " + client.Error.Message).ConfigureAwait(false);
                return 1;
            }

            using (client.Value)
            {
                var status = await client.Value.StatusAsync(ct).ConfigureAwait(false);
                if (!status.IsSuccess)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync("status: " + status.Error.Message).ConfigureAwait(false);
                    return 1;
                }

                await result.InvocationConfiguration.Output.WriteAsync(Render(status.Value)).ConfigureAwait(false);
                return 0;
            }
        });
        return command;
    }

    private static Command TraderVerb(string name, string description, string verb)
    {
        var (config, journal) = Common();
        var id = new Argument<string>("ID") { Description = "the trader id" };
        var command = new Command(name, description) { id, config, journal };
        command.SetAction((result, ct) => PostAsync(result, result.GetValue(config), result.GetValue(journal), $"api/traders/{Uri.EscapeDataString(result.GetValue(id)!)}/{verb}", ct));
        return command;
    }

    private static Command Flatten()
    {
        var (config, journal) = Common();
        var id = new Argument<string?>("ID") { Description = "the trader id (omit with --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "everything: pause every trader, cancel every order, close every position reduce-only (the kill switch)" };
        var command = new Command("flatten", "Flatten a trader, or everything with --all (with no running process: --all --config acts on the venue directly).") { id, all, config, journal };
        command.SetAction(async (result, ct) =>
        {
            var trader = result.GetValue(id);
            if ((trader is null) == !result.GetValue(all))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("flatten: give a trader ID or --all (not both)").ConfigureAwait(false);
                return 2;
            }

            return await ActAsync(result, result.GetValue(config), result.GetValue(journal), trader is null ? "api/flatten" : $"api/traders/{Uri.EscapeDataString(trader)}/flatten", trader is null, true, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CancelAll()
    {
        var (config, journal) = Common();
        var command = new Command("cancel-all", "Cancel every open order on the account (with no running process: --config acts on the venue directly).") { config, journal };
        command.SetAction((result, ct) => ActAsync(result, result.GetValue(config), result.GetValue(journal), "api/cancel-all", true, false, ct));
        return command;
    }

    private static Task<int> PostAsync(ParseResult result, FileInfo? config, DirectoryInfo? journal, string path, CancellationToken ct) =>
        ActAsync(result, config, journal, path, false, false, ct);

    /// <summary>Through the running process when there is one; else, for the account-wide kill switch with --config, directly on the venue.</summary>
    private static async Task<int> ActAsync(ParseResult result, FileInfo? configFile, DirectoryInfo? journal, string path, bool directAllowed, bool flatten, CancellationToken ct)
    {
        var error = result.InvocationConfiguration.Error;
        var output = result.InvocationConfiguration.Output;
        var client = Connect(result, configFile, journal);
        ControlResult? answer = null;
        var problem = client.Error?.Message;
        if (client.IsSuccess)
        {
            using (client.Value)
            {
                var posted = await client.Value.PostAsync(path, ct).ConfigureAwait(false);
                (answer, problem) = posted.IsSuccess ? (posted.Value, null) : ((ControlResult?)null, posted.Error.Message);
            }
        }

        if (answer is null && directAllowed && configFile is not null)
        {
            await output.WriteLineAsync($"No running halyard run answered ({problem}); acting on the venue directly.").ConfigureAwait(false);
            if (CommandConfig.Load(configFile, error) is not { } config)
            {
                return 2;
            }

            answer = await DirectKillSwitch.RunAsync(config, flatten, Who() + " (cli, direct)", TimeProvider.System, Environment.GetEnvironmentVariable, ct).ConfigureAwait(false);
        }

        if (answer is null)
        {
            await error.WriteLineAsync(problem + (directAllowed ? " (give --config to act on the venue directly)" : string.Empty)).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"{answer.Action} {answer.Target}: {(answer.Ok ? "ok" : "FAILED")}: {answer.Detail}").ConfigureAwait(false);
        return answer.Ok ? 0 : 1;
    }

    private static Result<ControlClient> Connect(ParseResult result, FileInfo? configFile, DirectoryInfo? journal)
    {
        var folder = journal?.FullName;
        if (folder is null)
        {
            var config = configFile is null ? HalyardConfig.Default() : HalyardConfigLoader.Load(configFile.FullName).Config;
            if (config is null)
            {
                return Error.Invalid("the configuration does not load: run halyard config check");
            }

            folder = Path.GetFullPath(config.Journal.Dir);
        }

        return ControlClient.For(folder, Who() + " (cli)", TimeSpan.FromMinutes(2));
    }

    private static string Who() => Environment.UserName + "@" + Environment.MachineName;

    /// <summary>The status as plain text: one block per trader, its positions indented.</summary>
    internal static string Render(StatusReport s)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"Venue:   {s.Venue}\n");
        sb.Append(inv, $"Journal: {s.JournalFolder}\n");
        sb.Append(inv, $"Time:    {s.Time:yyyy-MM-dd HH:mm:ss}Z   account value {(s.AccountValue is { } v ? v.ToString("N2", inv) : "unreadable: " + s.Error)}\n");
        foreach (var t in s.Traders)
        {
            sb.Append('\n');
            sb.Append(inv, $"{t.Id} ({t.Name})  {(t.Running ? "running" : "stopped")}{(t.Paused ? ", PAUSED by operator" : string.Empty)}\n");
            sb.Append(inv, $"  cycle {t.Cycle}  last {(t.LastCycleAt is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss", inv) : "–")}  equity {(t.Equity is { } e ? e.ToString("N2", inv) : "–")}  gating: {t.Gating}\n");
            if (t.Shadow is { } paper)
            {
                sb.Append(inv, $"  shadow paper account {paper.Account}: equity {paper.StartingEquity:N2} → {N(paper.Equity)}, net PnL {N(paper.NetPnlUsd)}, {paper.ClosedTrades} closed trade(s), win rate {(paper.WinRatePct is { } w ? w.ToString("0.##", inv) + " %" : "n/a")} (live account value {(s.AccountValue is { } lv ? lv.ToString("N2", inv) : "–")})\n");
            }

            sb.Append(inv, $"  last error: {(t.LastError is null ? "none" : $"{t.LastErrorAt:yyyy-MM-dd HH:mm} {t.LastError}")}\n");
            if (t.Positions.Count == 0)
            {
                sb.Append("  positions: none\n");
                continue;
            }

            sb.Append("  positions:\n  coin        size        entry        stop      target   liquidation        uPnL\n");
            foreach (var p in t.Positions)
            {
                sb.Append(inv, $"  {p.Coin,-6}{p.Size,10:0.#####}{p.EntryPrice,13:0.#####}{N(p.StopLoss),12}{N(p.TakeProfit),12}{N(p.LiquidationPrice),14}{p.UnrealizedPnl,12:N2}\n");
            }
        }

        return sb.ToString();
    }

    private static string N(decimal? value) => value is { } v ? v.ToString("0.#####", CultureInfo.InvariantCulture) : "–";
}

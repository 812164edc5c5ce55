using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Execution;
using Halyard.Execution.Ledger;

namespace Halyard.Operations.Control;

/// <summary>
/// The kill switch when no <c>halyard run</c> is running: connects to the configured venue with the configured
/// key, and flattens the account or cancels its orders through an operator's own Orchestrator (reduce-only
/// closes, verified). The action is journaled in the journal folder's <c>control.jsonl</c>.
/// </summary>
public static class DirectKillSwitch
{
    public const string OperatorId = "operator";

    public static async Task<ControlResult> RunAsync(
        HalyardConfig config, bool flatten, string who, TimeProvider time, Func<string, string?> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var action = flatten ? "flatten" : "cancel_all";
        if (config.Exchange.Provider == ExchangeProvider.Paper && config.Exchange.BaseUrl is null)
        {
            return new ControlResult(false, action, "all", "the configuration trades on the embedded paper exchange, which lives only inside halyard run: nothing to act on");
        }

        var folder = Path.GetFullPath(config.Journal.Dir);
        Directory.CreateDirectory(folder);
        var connected = await LiveVenue.ConnectAsync(config, folder, environment, ct).ConfigureAwait(false);
        if (!connected.IsSuccess)
        {
            return new ControlResult(false, action, "all", "cannot connect: " + connected.Error.Message);
        }

        var venue = connected.Value;

        using (venue)
        {
            var killSwitch = new KillSwitch(venue.Connection.Reader, venue.Connection.Exchange);
            KillSwitchReport report;
            if (flatten)
            {
                var orchestrator = new Orchestrator(new OrchestratorSetup(
                    OperatorId,
                    venue.Connection.Exchange,
                    venue.Connection.Info,
                    new InMemoryIntentLedger(),
                    venue.Clock,
                    config.Execution.ToOrchestratorOptions(config.Features)));
                var id = "flatten-" + time.GetUtcNow().ToUnixTimeMilliseconds();
                report = await killSwitch.FlattenAsync(_ => true, orchestrator.CloseAsync, OperatorId, id, ct).ConfigureAwait(false);
            }
            else
            {
                report = await killSwitch.CancelOrdersAsync(_ => true, ct).ConfigureAwait(false);
            }

            var entry = new ControlEntry(time.GetUtcNow(), who, action, "all", report.Ok, "direct (no running process): " + report.Detail);
            new ControlJournal(Path.Combine(folder, ControlJournal.FileName)).Append(entry);
            return new ControlResult(report.Ok, action, "all", entry.Detail);
        }
    }
}

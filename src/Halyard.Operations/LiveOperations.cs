using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Journal;
using Halyard.Operations.Alerts;
using Halyard.Operations.Control;
using Halyard.Operations.Metrics;
using Halyard.Operations.Web;
using Microsoft.Extensions.Logging;

namespace Halyard.Operations;

/// <summary>
/// Everything <c>halyard run</c> adds for its operator: the cycles kept for the dashboard, the metrics, the
/// alerts, and (attached once the traders exist) the control API, dashboard and watchdog on 127.0.0.1.
/// Feed it every journaled cycle with <see cref="OnCycle"/>; dispose it when the run has stopped (it sends
/// the <c>process_stopped</c> alert and drains the alert queue).
/// </summary>
public sealed class LiveOperations : IAsyncDisposable
{
    private readonly HalyardConfig _config;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly CycleAlerts _cycleAlerts;
    private Watchdog? _watchdog;
    private string _run = string.Empty;

    public LiveOperations(HalyardConfig config, ILoggerFactory loggers, TimeProvider time, HttpMessageHandler? alertHandler = null)
    {
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _run = Path.GetFullPath(config.Journal.Dir);
        _cycleAlerts = new CycleAlerts(_run);
        Alerts = new AlertDispatcher(AlertOptions.From(config.Alerts), time, loggers.CreateLogger("Halyard.Alerts"), alertHandler);
    }

    public LiveRecords Records { get; } = new();

    public HalyardMetrics Metrics { get; } = new();

    public AlertDispatcher Alerts { get; }

    public ControlCenter? Control { get; private set; }

    /// <summary>Where the control API and dashboard listen (null until attached, or when <c>control.enabled</c> is false).</summary>
    public string? Url { get; private set; }

    /// <summary>The file holding the bearer token.</summary>
    public string? TokenFile { get; private set; }

    /// <summary>One journaled cycle (called from the trader's loop: nothing here waits).</summary>
    public void OnCycle(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Records.Add(record);
        Metrics.Observe(record);
        foreach (var alert in _cycleAlerts.Observe(record))
        {
            Alerts.Raise(alert);
        }

        _watchdog?.AfterCycle(record.TraderId);
    }

    /// <summary>For <see cref="LiveRequest.Attach"/>: the control center, the watchdog and the server.</summary>
    public async Task<IAsyncDisposable?> AttachAsync(LiveSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        _run = session.JournalFolder;
        var log = _loggers.CreateLogger("Halyard.Control");
        Control = new ControlCenter(session, Records, _time)
        {
            Acted = entry =>
            {
                OperationsLog.ControlAction(log, entry.Action, entry.Target, entry.Who, entry.Ok ? "ok" : "FAILED", entry.Detail);
                Metrics.ObserveControl(entry.Action, entry.Ok);
                Alerts.Raise(new Alert(AlertKinds.ControlAction, entry.Ok ? "info" : "critical", entry.Target, entry.Time, $"{entry.Action} by {entry.Who}: {entry.Detail}", _run));
            },
        };
        _watchdog = new Watchdog(Control, Metrics, Alerts.Raise, _loggers.CreateLogger("Halyard.Watchdog"), TimeSpan.FromSeconds(5), ct);
        OperationsServer? server = null;
        if (_config.Control.Enabled)
        {
            var token = ControlToken.NewToken();
            TokenFile = ControlToken.Write(session.JournalFolder, token);
            server = await OperationsServer.StartAsync(new ServerOptions
            {
                Source = new LiveSource(Control),
                Port = _config.Control.Port,
                Token = token,
                Metrics = Metrics,
                LoggerFactory = _loggers,
            }, ct).ConfigureAwait(false);
            Url = server.Url;
            ControlToken.WriteEndpoint(session.JournalFolder, new ControlEndpoint(server.Url, Environment.ProcessId, _time.GetUtcNow()));
            OperationsLog.ControlListening(log, server.Url, TokenFile);
        }

        return new Attachment(this, server, session.JournalFolder);
    }

    public async ValueTask DisposeAsync()
    {
        Alerts.Raise(new Alert(AlertKinds.ProcessStopped, "warning", null, _time.GetUtcNow(), "halyard run stopped", _run));
        await Alerts.DisposeAsync().ConfigureAwait(false);
        Metrics.Dispose();
    }

    private sealed class Attachment(LiveOperations owner, OperationsServer? server, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (owner._watchdog is { } watchdog)
            {
                owner._watchdog = null;
                await watchdog.DisposeAsync().ConfigureAwait(false);
            }

            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                ControlToken.Remove(folder);
            }
        }
    }
}

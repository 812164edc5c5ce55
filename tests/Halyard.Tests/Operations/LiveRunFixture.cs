using System.Collections.Concurrent;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Operations;
using Halyard.Operations.Alerts;
using Halyard.Operations.Logging;
using Halyard.Tests.Journal;
using Microsoft.Extensions.Logging;

namespace Halyard.Tests.Operations;

/// <summary>
/// One real <c>halyard run</c> (the Manager live on the embedded paper exchange, the control API and dashboard on
/// 127.0.0.1, alerts to a loopback receiver, logs to the journal folder), shared by the tests of the
/// <see cref="LiveRunCollection"/>; it has run its first cycle (and opened what the baseline opens) when tests start.
/// </summary>
public sealed class LiveRunFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstCycle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ILoggerFactory? _loggers;
    private Task<Result<LiveResult>>? _run;

    public AlertReceiver Receiver { get; } = new();

    public LiveOperations Operations { get; private set; } = null!;

    public string Folder => _dir.File("journal");

    public string Url => Operations.Url!;

    public string Token => File.ReadAllText(Path.Combine(Folder, "control.token")).Trim();

    public ConcurrentQueue<DecisionCycleRecord> Cycles { get; } = new();

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        var config = HalyardConfig.Default() with
        {
            Journal = new JournalConfig { Dir = Folder },
            Control = new ControlConfig { Port = 0 },
            Alerts = new AlertsConfig { WebhookUrl = new Uri(Receiver.Url + "/hook") },
            Logging = new LoggingConfig { Format = LogFormat.Json },
        };
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new FileLoggerProvider(Folder, LogFormat.Json, TimeProvider.System)));
        Operations = new LiveOperations(config, _loggers, TimeProvider.System);
        _run = LiveRunner.RunAsync(
            new LiveRequest
            {
                Config = config,
                Loggers = _loggers,
                CycleCompleted = r =>
                {
                    Operations.OnCycle(r);
                    Cycles.Enqueue(r);
                    _firstCycle.TrySetResult();
                },
                Attach = Operations.AttachAsync,
            },
            _stop.Token);
        var first = await Task.WhenAny(_firstCycle.Task, _run).WaitAsync(TimeSpan.FromMinutes(3));
        if (first != _firstCycle.Task)
        {
            var ended = await _run;
            throw new InvalidOperationException("the live run ended before its first cycle: " + ended.Error?.Message);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromMinutes(2));
        }

        await Operations.DisposeAsync();
        _loggers?.Dispose();
        await Receiver.DisposeAsync();
        _stop.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveRunCollection : ICollectionFixture<LiveRunFixture>
{
    public const string Name = "live run";
}

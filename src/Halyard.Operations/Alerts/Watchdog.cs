using System.Threading.Channels;
using Halyard.Operations.Control;
using Halyard.Operations.Metrics;
using Microsoft.Extensions.Logging;

namespace Halyard.Operations.Alerts;

/// <summary>
/// After each trader's cycle (off the cycle's thread: a bounded channel, one reader), reads the venue and looks
/// for the trader's positions that have no stop-loss once its workflow is done: one alert per position, and the
/// <c>halyard.unprotected.duration</c> gauge. Also watches the loops: a loop that ends while the process runs
/// raises <c>loop_stopped</c>.
/// </summary>
public sealed class Watchdog : IAsyncDisposable
{
    private readonly ControlCenter _control;
    private readonly HalyardMetrics _metrics;
    private readonly Action<Alert> _raise;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly Channel<string> _checks = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Dictionary<(string Trader, string Coin), DateTimeOffset> _unprotectedSince = [];
    private readonly HashSet<string> _seenRunning = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly Task _loops;
    private readonly CancellationToken _run;

    public Watchdog(ControlCenter control, HalyardMetrics metrics, Action<Alert> raise, ILogger log, TimeSpan loopPoll, CancellationToken run)
    {
        _control = control ?? throw new ArgumentNullException(nameof(control));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _raise = raise ?? throw new ArgumentNullException(nameof(raise));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _clock = control.Session.Clock;
        _run = run;
        _reader = Task.Run(CheckAllAsync, CancellationToken.None);
        _loops = Task.Run(() => WatchLoopsAsync(loopPoll), CancellationToken.None);
    }

    /// <summary>Asks for a check of the trader's positions (returns at once).</summary>
    public void AfterCycle(string traderId) => _checks.Writer.TryWrite(traderId);

    public async ValueTask DisposeAsync()
    {
        _checks.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task CheckAllAsync()
    {
        try
        {
            await foreach (var trader in _checks.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await CheckAsync(trader, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckAsync(string traderId, CancellationToken ct)
    {
        var status = await _control.StatusAsync(ct).ConfigureAwait(false);
        if (status.Error is { } problem)
        {
            OperationsLog.WatchdogReadFailed(_log, problem);
            return;
        }

        var now = _clock.GetUtcNow();
        var trader = status.Traders.FirstOrDefault(t => t.Id == traderId);
        if (trader is null)
        {
            return;
        }

        if (trader.ReadError is { } unread)
        {
            // Without the open orders every position would look bare: no verdict (and no alert) from a failed read.
            OperationsLog.WatchdogReadFailed(_log, unread);
            return;
        }

        var bare = trader.Positions.Where(p => p.StopLoss is null).Select(p => p.Coin).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _unprotectedSince.Keys.Where(k => k.Trader == traderId && !bare.Contains(k.Coin)).ToArray())
        {
            _unprotectedSince.Remove(key);
        }

        foreach (var coin in bare)
        {
            if (_unprotectedSince.TryAdd((traderId, coin), now))
            {
                var p = trader.Positions.First(x => x.Coin == coin);
                _raise(new Alert(AlertKinds.Unprotected, "critical", traderId, now,
                    $"{coin} position {p.Size} (entry {p.EntryPrice}) has no stop-loss after cycle {trader.Cycle}'s workflow", status.JournalFolder));
            }
        }

        var longest = _unprotectedSince.Where(kv => kv.Key.Trader == traderId).Select(kv => now - kv.Value).DefaultIfEmpty(TimeSpan.Zero).Max();
        _metrics.ObserveUnprotected(traderId, longest);
    }

    private async Task WatchLoopsAsync(TimeSpan poll)
    {
        using var timer = new PeriodicTimer(poll, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (_run.IsCancellationRequested)
                {
                    return;
                }

                var running = _control.Session.Manager.RunningTraders;
                foreach (var id in running)
                {
                    _seenRunning.Add(id);
                }

                foreach (var gone in _seenRunning.Where(id => !running.Contains(id)).ToArray())
                {
                    _seenRunning.Remove(gone);
                    _raise(new Alert(AlertKinds.LoopStopped, "critical", gone, _clock.GetUtcNow(),
                        "the trader's loop ended while the process runs (a fault or a stop): its positions keep their venue-side stops only", _control.Session.JournalFolder));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Halyard.Cycle.Configuration;
using Microsoft.Extensions.Logging;

namespace Halyard.Operations.Alerts;

/// <summary>How alerts are delivered (from <c>alerts</c>), with the retry policy.</summary>
public sealed record AlertOptions
{
    public Uri? WebhookUrl { get; init; }

    public string? Command { get; init; }

    /// <summary>Attempts per alert and hook (the first included).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First wait between attempts; doubled each time.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Alerts waiting to be delivered; beyond it the oldest is dropped (and counted).</summary>
    public int Capacity { get; init; } = 256;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public static AlertOptions From(AlertsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new AlertOptions { WebhookUrl = config.WebhookUrl, Command = config.Command };
    }
}

/// <summary>
/// Delivers alerts in the background: <see cref="Raise"/> never blocks (a bounded channel; the oldest alert is
/// dropped when it is full), a single reader POSTs each alert to the webhook and pipes it to the command,
/// retrying failures with exponential backoff. Disposing drains what is queued (bounded by the retries).
/// </summary>
public sealed class AlertDispatcher : IAsyncDisposable
{
    private readonly AlertOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<Alert> _queue;
    private readonly Task _reader;
    private long _dropped;
    private long _delivered;
    private long _failed;

    public AlertDispatcher(AlertOptions options, TimeProvider time, ILogger log, HttpMessageHandler? handler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = options.Timeout;
        _queue = Channel.CreateBounded<Alert>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
        _reader = Task.Run(DeliverAllAsync);
    }

    public bool Enabled => _options.WebhookUrl is not null || _options.Command is not null;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues an alert (logged at once); returns without waiting for delivery.</summary>
    public void Raise(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        OperationsLog.Alert(_log, alert.Kind, alert.Trader ?? "-", alert.Message);
        if (Enabled)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _reader.ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task DeliverAllAsync()
    {
        await foreach (var alert in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var json = alert.ToJson();
            if (_options.WebhookUrl is { } url)
            {
                Count(await RetryAsync(() => PostAsync(url, json), "webhook", alert).ConfigureAwait(false));
            }

            if (_options.Command is { } command)
            {
                Count(await RetryAsync(() => RunCommandAsync(command, json), "command", alert).ConfigureAwait(false));
            }
        }
    }

    private void Count(bool ok)
    {
        if (ok)
        {
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }

    private async Task<bool> RetryAsync(Func<Task<string?>> attempt, string hook, Alert alert)
    {
        var wait = _options.Backoff;
        for (var i = 1; i <= _options.MaxAttempts; i++)
        {
            var problem = await attempt().ConfigureAwait(false);
            if (problem is null)
            {
                return true;
            }

            OperationsLog.AlertRetry(_log, hook, alert.Kind, i, _options.MaxAttempts, problem);
            if (i < _options.MaxAttempts)
            {
                await Task.Delay(wait, _time).ConfigureAwait(false);
                wait *= 2;
            }
        }

        return false;
    }

    private async Task<string?> PostAsync(Uri url, string json)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : "HTTP " + (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private async Task<string?> RunCommandAsync(string command, string json)
    {
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the command did not start");
            await process.StandardInput.WriteAsync(json).ConfigureAwait(false);
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(_options.Timeout);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return process.ExitCode == 0 ? null : "exit code " + process.ExitCode;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException or IOException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Halyard.Operations.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Halyard.Tests.Operations;

/// <summary>A webhook receiver on 127.0.0.1 that records every alert; it can fail the first N posts or hold them.</summary>
public sealed class AlertReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private int _failuresLeft;

    public ConcurrentQueue<Alert> Received { get; } = new();

    public int Posts => _posts;

    private int _posts;

    /// <summary>While set, posts wait on it (a receiver that hangs).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string Url { get; private set; } = string.Empty;

    public void FailNext(int count) => _failuresLeft = count;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _posts);
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.StatusCode(503);
            }

            using var reader = new StreamReader(request.Body);
            var alert = Alert.FromJson(await reader.ReadToEndAsync());
            if (alert is not null)
            {
                Received.Enqueue(alert);
            }

            return Results.Ok();
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Waits (bounded) until an alert matching <paramref name="match"/> has arrived.</summary>
    public async Task<Alert> WaitForAsync(Func<Alert, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } alert)
            {
                return alert;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.PaperExchange.Hosting;

/// <summary>
/// The standalone hosting: Kestrel on 127.0.0.1 (never another interface) serving <c>POST /info</c> and
/// <c>POST /exchange</c> from one <see cref="PaperExchangeEngine"/>. A request the simulated network
/// never answers has its connection aborted after the hang.
/// </summary>
public sealed class PaperExchangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private PaperExchangeServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The venue closes a WebSocket that has sent nothing for this long (docs: timeouts and heartbeats).</summary>
    public static readonly TimeSpan WebSocketIdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often, on the wall clock, the server advances the engine so pushes go out with nobody polling.</summary>
    public static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public static Task<PaperExchangeServer> StartAsync(PaperExchangeEngine engine, int port, CancellationToken cancellationToken) =>
        StartAsync(engine, port, TimeProvider.System, cancellationToken);

    /// <summary>Starts listening; <paramref name="wall"/> times the <c>/ws</c> idle close, the socket delay fault and the push pump.</summary>
    public static async Task<PaperExchangeServer> StartAsync(PaperExchangeEngine engine, int port, TimeProvider wall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(wall);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapPost("/info", context => Serve(engine, context, "/info"));
        app.MapPost("/exchange", context => Serve(engine, context, "/exchange"));
        app.Map("/ws", context => ServeWebSocket(engine, wall, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        var server = new PaperExchangeServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        server._pump = Task.Run(() => PumpAsync(engine, wall, server._stop.Token), CancellationToken.None);
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ServeWebSocket(PaperExchangeEngine engine, TimeProvider wall, HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await engine.ServeWebSocketAsync(socket, wall, WebSocketIdleTimeout, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Nobody polls a server whose clients listen on <c>/ws</c>: advance the engine on a timer so triggers fire and pushes go out.</summary>
    private static async Task PumpAsync(PaperExchangeEngine engine, TimeProvider wall, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PushInterval, wall);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            engine.Synchronize();
        }
    }

    private static async Task Serve(PaperExchangeEngine engine, HttpContext context, string path)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        PaperResponse reply;
        try
        {
            reply = await engine.HandleAsync(path, buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (reply.Body is null)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }
}

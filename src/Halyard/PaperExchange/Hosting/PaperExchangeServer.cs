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

    private PaperExchangeServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public static async Task<PaperExchangeServer> StartAsync(PaperExchangeEngine engine, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/info", context => Serve(engine, context, "/info"));
        app.MapPost("/exchange", context => Serve(engine, context, "/exchange"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        return new PaperExchangeServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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

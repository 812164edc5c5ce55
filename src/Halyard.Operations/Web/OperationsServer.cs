using System.Net;
using System.Security.Cryptography;
using System.Text;
using Halyard.Operations.Metrics;
using Halyard.Operations.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Halyard.Operations.Web;

/// <summary>What the server serves and how it is reached.</summary>
public sealed record ServerOptions
{
    public required IDashboardSource Source { get; init; }

    /// <summary>Port on 127.0.0.1; 0: any free port.</summary>
    public int Port { get; init; }

    /// <summary>The bearer token every request must carry (header, or the cookie set by <c>/?token=</c>); null: none (read-only dashboards).</summary>
    public string? Token { get; init; }

    /// <summary>Exported at <c>/metrics</c> when given.</summary>
    public HalyardMetrics? Metrics { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }
}

/// <summary>
/// The control API, <c>/metrics</c> and the dashboard: ASP.NET Core minimal APIs on 127.0.0.1 only, pages
/// rendered on the server (HTML and SVG, one inline script for live updates; nothing loaded from elsewhere).
/// </summary>
public sealed class OperationsServer : IAsyncDisposable
{
    public const string CookieName = "halyard_token";
    public const string ActionHeader = "X-Halyard-Action";

    private readonly WebApplication _app;

    private OperationsServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:8787</c>.</summary>
    public string Url { get; }

    public static async Task<OperationsServer> StartAsync(ServerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Halyard.Operations", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } factory)
        {
            builder.Services.AddSingleton(factory);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        if (options.Metrics is not null)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(HalyardMetrics.MeterName).AddPrometheusExporter());
        }

        var app = builder.Build();
        var log = (options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Halyard.Operations.Web");
        app.Use(async (context, next) =>
        {
            if (options.Token is { } token && !Authorized(context, token, log))
            {
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        if (options.Metrics is not null)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint();
        }

        ControlApi.Map(app, options.Source);
        MapPages(app, options.Source);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OperationsServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static bool Authorized(HttpContext context, string token, ILogger log)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("token", out var query) && Same(query.ToString(), token))
        {
            // The dashboard link carries the token once; a cookie (HttpOnly, SameSite=Strict) carries it afterwards.
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            context.Response.Redirect(request.Path.HasValue ? request.Path.Value! : "/");
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) && Same(header["Bearer ".Length..].Trim(), token);
        var cookie = request.Cookies.TryGetValue(CookieName, out var c) && Same(c, token);

        // A POST authenticated by the cookie must also carry the action header (a cross-site form cannot set it).
        var ok = bearer || (cookie && (!HttpMethods.IsPost(request.Method) || request.Headers.ContainsKey(ActionHeader)));
        if (!ok)
        {
            OperationsLog.Unauthorized(log, request.Path.ToString(), context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return ok;
    }

    private static bool Same(string? given, string token) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));

    private static void MapPages(WebApplication app, IDashboardSource source)
    {
        var live = source.Control is not null;
        app.MapGet("/", async (HttpContext context, CancellationToken ct) =>
            Page(context, "Arena", source, await ArenaPage.RenderAsync(source, ct).ConfigureAwait(false), live));
        app.MapGet("/timeline/{label}", (HttpContext context, string label, string? coin, string? action, string? rejected) =>
        {
            var run = source.Runs().FirstOrDefault(r => r.Label == label);
            if (run is null)
            {
                return Results.NotFound("no trader " + label);
            }

            var filter = new TimelineFilter(string.IsNullOrEmpty(coin) ? null : coin, string.IsNullOrEmpty(action) ? null : action, rejected == "1");
            return Page(context, "Timeline " + label, source, TimelinePage.Render(run, filter), live);
        });
    }

    private static IResult Page(HttpContext context, string title, IDashboardSource source, string body, bool live) =>
        Results.Content(
            context.Request.Headers.ContainsKey("X-Halyard-Fragment") ? body : Html.Page(title, source.Title, body, live),
            "text/html; charset=utf-8");
}

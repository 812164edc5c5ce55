using Halyard.Operations.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Halyard.Operations.Web;

/// <summary>
/// The control API (JSON): <c>GET /api/status</c>; <c>POST /api/traders/{id}/pause|resume|flatten</c>,
/// <c>POST /api/flatten</c> (everything: the kill switch), <c>POST /api/cancel-all</c>. Who acted is the
/// <c>X-Halyard-Who</c> header (the CLI sends user@host), else the action header's value.
/// </summary>
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder app, IDashboardSource source)
    {
        app.MapGet("/api/runs", () => Results.Json(source.Runs().Select(Reports.ArenaFigures.Of)));
        if (source.Control is not { } control)
        {
            return;
        }

        app.MapGet("/api/status", async (CancellationToken ct) => Results.Json(await control.StatusAsync(ct).ConfigureAwait(false)));
        app.MapPost("/api/traders/{id}/pause", (HttpContext c, string id) => Answer(control.Pause(id, Who(c))));
        app.MapPost("/api/traders/{id}/resume", (HttpContext c, string id) => Answer(control.Resume(id, Who(c))));
        app.MapPost("/api/traders/{id}/flatten", async (HttpContext c, string id, CancellationToken ct) =>
            Answer(await control.FlattenAsync(id, Who(c), ct).ConfigureAwait(false)));
        app.MapPost("/api/flatten", async (HttpContext c, CancellationToken ct) => Answer(await control.FlattenAsync(null, Who(c), ct).ConfigureAwait(false)));
        app.MapPost("/api/cancel-all", async (HttpContext c, CancellationToken ct) => Answer(await control.CancelAllAsync(Who(c), ct).ConfigureAwait(false)));
    }

    private static IResult Answer(ControlResult result) =>
        Results.Json(result, statusCode: result.Ok ? StatusCodes.Status200OK : result.Detail.StartsWith("no trader", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status502BadGateway);

    private static string Who(HttpContext c)
    {
        var who = c.Request.Headers["X-Halyard-Who"].ToString();
        var via = c.Request.Headers[OperationsServer.ActionHeader].ToString();
        var name = who.Length > 0 ? who : via.Length > 0 ? via : "api";
        return name.Length > 64 ? name[..64] : name;
    }
}

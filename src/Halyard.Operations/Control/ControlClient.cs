using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Operations.Web;

namespace Halyard.Operations.Control;

/// <summary>The CLI's side of the control API: finds the running process by its journal folder (<c>control.json</c> + <c>control.token</c>).</summary>
public sealed class ControlClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    private ControlClient(HttpClient http) => _http = http;

    /// <summary>A client for the process running on <paramref name="journalFolder"/>, or why there is none.</summary>
    public static Result<ControlClient> For(string journalFolder, string who, TimeSpan timeout)
    {
        var (endpoint, token, problem) = ControlToken.Read(journalFolder);
        if (endpoint is null)
        {
            return Error.Invalid(problem ?? "no control endpoint");
        }

        var http = new HttpClient { BaseAddress = new Uri(endpoint.Url + "/"), Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("X-Halyard-Who", who);
        return new ControlClient(http);
    }

    public async Task<Result<StatusReport>> StatusAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("api/status", UriKind.Relative), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new Error(ErrorClass.ExchangeDown, "control API answered HTTP " + (int)response.StatusCode, (int)response.StatusCode);
            }

            return await response.Content.ReadFromJsonAsync<StatusReport>(Json, ct).ConfigureAwait(false) is { } status
                ? status
                : new Error(ErrorClass.Unknown, "empty answer, HTTP " + (int)response.StatusCode, (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            return NoAnswer(ex);
        }
    }

    public async Task<Result<ControlResult>> PostAsync(string path, CancellationToken ct)
    {
        try
        {
            using var response = await _http.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), null, ct).ConfigureAwait(false);
            var result = await response.Content.ReadFromJsonAsync<ControlResult>(Json, ct).ConfigureAwait(false);
            return result is null ? new Error(ErrorClass.Unknown, "empty answer, HTTP " + (int)response.StatusCode, (int)response.StatusCode) : result;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return NoAnswer(ex);
        }
    }

    public void Dispose() => _http.Dispose();

    private static Error NoAnswer(Exception ex) =>
        new(ErrorClass.ExchangeDown, "no answer from the control API (is halyard run still running?): " + ex.Message);
}

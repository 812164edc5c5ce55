using System.Globalization;
using System.Net;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Http;

/// <summary>
/// POSTs JSON bodies to <c>/info</c> and <c>/exchange</c> of one base URL and turns every transport
/// failure into a classified <see cref="VenueError"/>. Bugs throw; the network never does.
/// </summary>
public sealed class HyperliquidHttp
{
    private readonly HttpClient _http;

    public HyperliquidHttp(HttpClient http, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> (<c>/info</c> or <c>/exchange</c>).</summary>
    /// <param name="weight">The request's documented weight, for the client-side budget.</param>
    public async Task<HttpOutcome> PostAsync(string path, byte[] body, int weight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        _ = weight;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpOutcome.Failure(new VenueError(ErrorClass.Temporary, "Request timed out.", OutcomeUnknown: true));
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return HttpOutcome.Failure(new VenueError(ErrorClass.ExchangeDown, "Connection refused: " + ex.Message));
        }
        catch (HttpRequestException ex)
        {
            return HttpOutcome.Failure(new VenueError(ErrorClass.Temporary, "Transport failure: " + ex.Message, OutcomeUnknown: true));
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return HttpOutcome.Success(bytes);
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                return HttpOutcome.Failure(new VenueError(ErrorClass.RateLimited, "HTTP 429: " + text, status, retryAfter));
            }

            if (status >= 500)
            {
                return HttpOutcome.Failure(new VenueError(
                    ErrorClass.ExchangeDown,
                    string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {text}"),
                    status,
                    OutcomeUnknown: true));
            }

            return HttpOutcome.Failure(new VenueError(
                ErrorClass.InvalidParam,
                string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {text}"),
                status));
        }
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace Halyard.PaperExchange.Hosting;

/// <summary>
/// The in-process hosting: an <see cref="HttpMessageHandler"/> that hands each request to the engine
/// without sockets. A request the simulated network never answers fails like an HTTP client timeout
/// (<see cref="TaskCanceledException"/> with an inner <see cref="TimeoutException"/>).
/// </summary>
internal sealed class PaperExchangeHandler(PaperExchangeEngine engine) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post)
        {
            return new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { RequestMessage = request };
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var reply = await engine.HandleAsync(path, body, cancellationToken).ConfigureAwait(false);
        if (reply.Body is null)
        {
            throw new TaskCanceledException(
                "The paper exchange did not answer (fault: " + reply.Fault + ").",
                new TimeoutException("No response from the paper exchange."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)reply.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(reply.Body),
        };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(reply.ContentType);
        if (reply.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds)));
        }

        return response;
    }
}

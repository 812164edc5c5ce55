using System.Net;
using System.Text;

namespace Halyard.Tests.Hyperliquid.Http;

/// <summary>A fake <see cref="HttpMessageHandler"/>: answers every request with a delegate and records what was sent.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly List<SentRequest> _requests = [];

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static StubHandler Returning(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") =>
        Returning(Encoding.UTF8.GetBytes(body), status, mediaType);

    public static StubHandler Returning(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") =>
        new((_, _) => Task.FromResult(Response(body, status, mediaType)));

    /// <summary>Answers the n-th request with the n-th body (the last one repeats).</summary>
    public static StubHandler Sequence(params string[] bodies)
    {
        var next = 0;
        return new((_, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next) - 1, bodies.Length - 1);
            return Task.FromResult(Response(Encoding.UTF8.GetBytes(bodies[index]), HttpStatusCode.OK, "application/json"));
        });
    }

    public static StubHandler Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public static HttpResponseMessage Response(byte[] body, HttpStatusCode status, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new SentRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body));
        }

        return await respond(request, cancellationToken);
    }
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? MediaType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

using System.Net;

namespace Halyard.Tests.Hyperliquid.Exchange;

/// <summary>Captures every request and answers with a scripted response (or throws a scripted exception).</summary>
internal sealed class FakeExchangeHandler : HttpMessageHandler
{
    private readonly Func<HttpResponseMessage> _respond;

    public FakeExchangeHandler(string responseBody, HttpStatusCode status = HttpStatusCode.OK)
        : this(() => new HttpResponseMessage(status) { Content = new StringContent(responseBody) })
    {
    }

    public FakeExchangeHandler(Func<HttpResponseMessage> respond) => _respond = respond;

    public List<(Uri Uri, byte[] Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add((request.RequestUri!, body));
        return _respond();
    }
}

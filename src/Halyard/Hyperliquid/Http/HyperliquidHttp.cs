using System.Net;
using System.Net.Http.Headers;
using Halyard.Domain;
using Halyard.Hyperliquid.RateLimit;

namespace Halyard.Hyperliquid.Http;

/// <summary>
/// POSTs JSON bodies to <c>/info</c> and <c>/exchange</c> of one base URL through the client-side weight
/// budget and turns every transport failure into a classified <see cref="Error"/> (see
/// <see cref="OutcomeRule"/> for when the outcome is unknown). Bugs throw; the network never does.
/// Only the caller's own cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class HyperliquidHttp
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <summary>
    /// Defaults (10 s timeout, 1200/min budget in Wait mode, system clock). The network flag is inferred from
    /// the official hosts; any other URL is taken as testnet-signed — use the options constructor to choose.
    /// </summary>
    public HyperliquidHttp(HttpClient http, Uri baseUrl)
        : this(http, new HyperliquidHttpOptions { Endpoint = InferEndpoint(baseUrl) }, TimeProvider.System)
    {
    }

    public HyperliquidHttp(HttpClient http, HyperliquidHttpOptions options, TimeProvider timeProvider)
        : this(http, options, timeProvider, new WeightBudget(options?.Budget ?? throw new ArgumentNullException(nameof(options)), timeProvider))
    {
    }

    /// <summary>With an explicitly shared <paramref name="budget"/> (several clients behind one IP).</summary>
    public HyperliquidHttp(HttpClient http, HyperliquidHttpOptions options, TimeProvider timeProvider, WeightBudget budget)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(budget);
        options.Validate();
        _http = http;
        _timeout = options.Timeout;
        Endpoint = options.Endpoint;
        TimeProvider = timeProvider;
        Budget = budget;
    }

    public HyperliquidEndpoint Endpoint { get; }

    public Uri BaseUrl => Endpoint.BaseUrl;

    public TimeProvider TimeProvider { get; }

    public WeightBudget Budget { get; }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> (<c>/info</c> or <c>/exchange</c>).</summary>
    /// <param name="weight">The request's documented weight (<see cref="RequestWeights"/>), taken from the budget first.</param>
    private const int PreSizedBodyLimit = 80 * 1024;

    public async Task<Result<byte[]>> PostAsync(string path, byte[] body, int weight, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(body);

        var refused = await Budget.AcquireAsync(weight, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return Result<byte[]>.Failure(refused);
        }

        using var timeout = new CancellationTokenSource(_timeout, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Resolve(path))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        int status;
        RetryConditionHeaderValue? retryAfterHeader;
        byte[] bytes;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            retryAfterHeader = response.Headers.RetryAfter;
            bytes = await ReadBodyAsync(response.Content, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout or HttpClient.Timeout: the request may be on the server.
            return Result<byte[]>.Failure(TransportErrors.Timeout(path, _timeout));
        }
        catch (HttpRequestException ex) when (TransportErrors.NeverSent(ex))
        {
            return Result<byte[]>.Failure(TransportErrors.NotSent(ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Result<byte[]>.Failure(TransportErrors.ConnectionLost(path, ex));
        }

        return Classify(path, status, retryAfterHeader, bytes);
    }

    /// <summary>
    /// The body in one array of its announced length (no growing buffer and no second copy); without a
    /// <c>Content-Length</c> (or past the large-object threshold) the content is buffered as usual. A body
    /// shorter than announced fails like a cut connection.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is not { } length || length is <= 0 or > PreSizedBodyLimit)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var bytes = new byte[length];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        return bytes;
    }

    /// <summary>Adds per-item weight after a list response (<see cref="RequestWeights.InfoItemsSurcharge"/>).</summary>
    public void ChargeWeight(int weight) => Budget.Charge(weight);

    private static HyperliquidEndpoint InferEndpoint(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new HyperliquidEndpoint(baseUrl, HyperliquidEndpoint.KnownNetworkOf(baseUrl) ?? false);
    }

    private Result<byte[]> Classify(string path, int status, RetryConditionHeaderValue? retryAfterHeader, byte[] bytes)
    {
        if (status is >= 200 and < 300)
        {
            // No separate well-formedness pass: every caller parses the body with a typed parse that rejects malformed
            // or trailing JSON as an error value (InfoClient: Unknown; ExchangeResponseParser: Unknown, outcome unknown).
            return Result<byte[]>.Success(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes); // drop a UTF-8 byte order mark
        }

        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(retryAfterHeader);
            if (retryAfter is { } wait)
            {
                Budget.BlockUntil(TimeProvider.GetUtcNow() + wait);
            }

            return Result<byte[]>.Failure(TransportErrors.TooManyRequests(bytes, retryAfter));
        }

        return Result<byte[]>.Failure(status >= 500
            ? TransportErrors.ServerError(path, status, bytes)
            : TransportErrors.ClientError(status, bytes));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

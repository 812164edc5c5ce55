using System.Globalization;
using System.Net.Http;
using System.Text;
using Halyard.Domain;
using Halyard.Hyperliquid.Errors;

namespace Halyard.Hyperliquid.Http;

/// <summary>
/// The transport half of the error classification (protocol §5, HTTP rows). Each builder applies
/// <see cref="OutcomeRule"/>; the classes follow <see cref="ErrorClass"/>'s definitions.
/// </summary>
internal static class TransportErrors
{
    private const int MaxQuotedBody = 300;

    /// <summary>The request never reached the server: nothing connected (refused, DNS, TLS, proxy).</summary>
    public static bool NeverSent(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or
        HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>Connection refused or unreachable: the venue is down for us; known not executed.</summary>
    public static Error NotSent(HttpRequestException ex) => new(
        ErrorClass.ExchangeDown,
        "Could not connect (" + ex.HttpRequestError + "); the request was not sent: " + ex.Message);

    /// <summary>No answer in time: may be retried; on /exchange the order may exist.</summary>
    public static Error Timeout(string path, TimeSpan timeout) => new(
        ErrorClass.Temporary,
        string.Create(CultureInfo.InvariantCulture, $"No complete response from {path} within {timeout.TotalSeconds:0.###} s."),
        OutcomeUnknown: OutcomeRule.IsOutcomeUnknown(path, mayHaveReachedServer: true));

    /// <summary>Connection reset or response cut off after the request was (possibly) sent.</summary>
    public static Error ConnectionLost(string path, Exception ex) => new(
        ErrorClass.Temporary,
        "Connection lost during " + path + " (" + ((ex as HttpRequestException)?.HttpRequestError.ToString() ?? ex.GetType().Name) + "): " + ex.Message,
        OutcomeUnknown: OutcomeRule.IsOutcomeUnknown(path, mayHaveReachedServer: true));

    /// <summary>HTTP 429: the IP weight limit; refused before execution.</summary>
    public static Error TooManyRequests(byte[] body, TimeSpan? retryAfter) => new(
        ErrorClass.RateLimited,
        "HTTP 429: " + Quote(body),
        429,
        retryAfter);

    /// <summary>HTTP 5xx: the API server or node is failing; on /exchange the outcome is unknown.</summary>
    public static Error ServerError(string path, int status, byte[] body) => new(
        ErrorClass.ExchangeDown,
        string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {Quote(body)}"),
        status,
        OutcomeUnknown: OutcomeRule.IsOutcomeUnknown(path, mayHaveReachedServer: true));

    /// <summary>
    /// HTTP 4xx other than 429 (and any other non-2xx status): refused before execution. 422 is a body the
    /// server could not deserialize (InvalidParam); other texts go through <see cref="VenueErrorMap"/>,
    /// and an unmapped client error is InvalidParam (a deterministic request problem).
    /// </summary>
    public static Error ClientError(int status, byte[] body)
    {
        var text = Quote(body);
        var mapped = VenueErrorMap.Classify(text);
        var errorClass = status == 422 || mapped == ErrorClass.Unknown ? ErrorClass.InvalidParam : mapped;
        return new Error(errorClass, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {text}"), status);
    }

    private static string Quote(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxQuotedBody * 4));
        return text.Length <= MaxQuotedBody ? text : text[..MaxQuotedBody] + "…";
    }
}

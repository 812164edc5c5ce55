namespace Halyard.Hyperliquid.Http;

/// <summary>
/// The one rule for "may this request have been executed although we have no answer?"
/// (<see cref="Error.OutcomeUnknown"/>):
/// <list type="bullet">
/// <item>Only <c>/exchange</c> executes anything; an <c>/info</c> request never has an unknown outcome.</item>
/// <item>Known NOT executed: the request never left (client budget, connection refused, DNS or TLS failure),
/// or the server answered 4xx (429, 422, 400, …): it refused the request before acting on it.</item>
/// <item>Known answered: a 2xx with a well-formed body (whatever it says is the outcome).</item>
/// <item>UNKNOWN: the request may have reached the server but no usable answer came back — timeout, connection
/// reset or response cut off, HTTP 5xx, or a 2xx whose body is not valid JSON. Resolve by querying the
/// order by cloid before anything is sent again.</item>
/// </list>
/// </summary>
public static class OutcomeRule
{
    /// <summary>The path of the only endpoint with side effects.</summary>
    public const string ExchangePath = "/exchange";

    /// <summary>True when a request to <paramref name="path"/> can change state on the venue.</summary>
    public static bool HasSideEffects(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return !string.Equals(path.TrimEnd('/'), "/info", StringComparison.Ordinal)
            && !string.Equals(path.TrimEnd('/'), "info", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when a failure leaves the outcome unknown: the request may have reached the server
    /// (<paramref name="mayHaveReachedServer"/>) and the path has side effects.
    /// </summary>
    public static bool IsOutcomeUnknown(string path, bool mayHaveReachedServer) => mayHaveReachedServer && HasSideEffects(path);
}

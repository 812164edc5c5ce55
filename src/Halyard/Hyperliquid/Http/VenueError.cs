using Halyard.Domain;

namespace Halyard.Hyperliquid.Http;

/// <summary>
/// An expected failure from the venue or the network, as a value.
/// <paramref name="OutcomeUnknown"/> is true when a request may have been executed although we did not
/// hear the answer (timeout, reset, 5xx after sending, response lost): a submit in that state must be
/// settled by asking for the order by cloid before anything is sent again.
/// </summary>
public sealed record VenueError(
    ErrorClass Class,
    string Message,
    int? HttpStatus = null,
    TimeSpan? RetryAfter = null,
    bool OutcomeUnknown = false);

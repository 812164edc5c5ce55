namespace Halyard.Domain;

/// <summary>
/// An expected failure as a value, with its <see cref="ErrorClass"/> (the one taxonomy): a venue or network
/// failure, a refusal before anything was sent, or a configuration problem. Bugs are exceptions, never this.
/// <paramref name="OutcomeUnknown"/> is true when a request may have been executed although we did not
/// hear the answer (timeout, reset, 5xx after sending, response lost): a submit in that state must be
/// settled by asking for the order by cloid before anything is sent again.
/// </summary>
/// <param name="Class">What kind of failure it is (retry policy, journal code).</param>
/// <param name="Message">The venue's text or our own explanation.</param>
/// <param name="HttpStatus">The HTTP status of the answer, when there was one.</param>
/// <param name="RetryAfter">The venue's Retry-After, when it sent one.</param>
/// <param name="OutcomeUnknown">True when the request may have taken effect.</param>
public sealed record Error(
    ErrorClass Class,
    string Message,
    int? HttpStatus = null,
    TimeSpan? RetryAfter = null,
    bool OutcomeUnknown = false)
{
    /// <summary>How many times the call was tried before it failed (1 unless the retry runner repeated it).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>A deterministic refusal of a request or a configuration (<see cref="ErrorClass.InvalidParam"/>).</summary>
    public static Error Invalid(string message) => new(ErrorClass.InvalidParam, message);
}

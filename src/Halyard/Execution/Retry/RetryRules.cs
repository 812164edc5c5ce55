using Halyard.Domain;

namespace Halyard.Execution.Retry;

/// <summary>Which retry budget an operation gets.</summary>
internal enum RetryProfile
{
    /// <summary>Operations that add exposure or prepare it (entry, leverage) and their reads: <c>ExchangeDown</c> fails fast.</summary>
    Opening,

    /// <summary>Operations that protect or reduce a position (stops, take-profits, closes, flattens, cancels) and their reads.</summary>
    Protective,
}

/// <summary>
/// The design's per-class retry policy, as one readable switch:
/// <list type="bullet">
/// <item>Temporary, RateLimited → retried while attempts remain (backoff with jitter; Retry-After or a fixed wait for 429).</item>
/// <item>Unknown → retried once as Temporary; a second Unknown is final.</item>
/// <item>ExchangeDown → final for <see cref="RetryProfile.Opening"/> (fail the cycle); retried like Temporary for
/// <see cref="RetryProfile.Protective"/>.</item>
/// <item>InvalidParam, RiskRejected, Insufficient → final at once.</item>
/// </list>
/// </summary>
internal static class RetryRules
{
    /// <param name="attemptsMade">Attempts made so far (≥ 1).</param>
    /// <param name="unknownsSeen">Attempts that ended <see cref="ErrorClass.Unknown"/>, this one included.</param>
    public static bool ShouldRetry(ErrorClass errorClass, int attemptsMade, int unknownsSeen, int maxAttempts, RetryProfile profile)
    {
        if (attemptsMade >= maxAttempts)
        {
            return false;
        }

        return errorClass switch
        {
            ErrorClass.Temporary or ErrorClass.RateLimited => true,
            ErrorClass.Unknown => unknownsSeen <= 1,
            ErrorClass.ExchangeDown => profile == RetryProfile.Protective,
            ErrorClass.InvalidParam or ErrorClass.RiskRejected or ErrorClass.Insufficient => false,
            _ => throw new ArgumentOutOfRangeException(nameof(errorClass), errorClass, "Unknown error class."),
        };
    }
}

namespace Halyard.Journal;

/// <summary>
/// The journal's strings of the cycle's action records that are not order events (those come from
/// <see cref="OrderEventNames"/>): one place, so the writers and the readers (reports, alerts, metrics) agree.
/// </summary>
public static class ActionNames
{
    /// <summary>A circuit breaker tripped; the result is the breaker's name (<c>daily_loss</c>, <c>max_drawdown</c>).</summary>
    public const string CircuitBreaker = "circuit_breaker";

    /// <summary>An operator resumed the trader; the result is <see cref="Resumed"/> or <see cref="NotTripped"/>.</summary>
    public const string OperatorResume = "operator_resume";

    public const string Resumed = "resumed";

    public const string NotTripped = "not_tripped";

    /// <summary>A position this trader did not open; the result is <see cref="Adopted"/> or <see cref="Left"/>.</summary>
    public const string ExternalPosition = "external_position";

    public const string Adopted = "adopted";

    public const string Left = "left";

    /// <summary>A reaction to a venue event between cycles; the result is the event (<c>protection_fired</c>, …).</summary>
    public const string Reaction = "reaction";

    /// <summary>The prefix of the order events a reaction took (<c>reaction:stop_loss</c>).</summary>
    public const string ReactionPrefix = "reaction:";

    /// <summary>The trader's journal could not be written; the result is <see cref="Unwritable"/> or <see cref="WritableAgain"/>.</summary>
    public const string Journal = "journal";

    public const string Unwritable = "unwritable";

    public const string WritableAgain = "writable_again";
}

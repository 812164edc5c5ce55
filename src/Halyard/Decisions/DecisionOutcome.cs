using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;

namespace Halyard.Decisions;

/// <summary>Tokens spent on one decision (all attempts).</summary>
public sealed record TokenUsage(long Input, long Output, long Total)
{
    public static TokenUsage Zero { get; } = new(0, 0, 0);

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) => new(a.Input + b.Input, a.Output + b.Output, a.Total + b.Total);
}

/// <summary>Why a decision maker produced no usable decisions.</summary>
public enum DecisionErrorKind
{
    /// <summary>The maker is misconfigured (missing API key variable, unknown provider, …).</summary>
    Configuration,

    /// <summary>The model did not answer within the configured timeout.</summary>
    Timeout,

    /// <summary>The provider refused or failed the call (HTTP status, network).</summary>
    Provider,

    /// <summary>The reply (and the retry's) could not be read as decisions.</summary>
    Unparseable,

    /// <summary>The answer came after the staleness bound and was discarded.</summary>
    Stale,
}

/// <summary>A failure as a value; <see cref="Class"/> says whether it is worth trying again next cycle.</summary>
public sealed record DecisionError(DecisionErrorKind Kind, ErrorClass Class, string Message);

/// <summary>One call to the model: its raw reply, how it parsed, what it cost.</summary>
public sealed record DecisionAttempt(string Raw, ParseResult Parse, TokenUsage Usage, TimeSpan Latency);

/// <summary>
/// What a decision maker returns for one cycle. <see cref="Decisions"/> holds only decisions that keep
/// the output contract (they still go to the Validator); decisions the parser flagged are in
/// <see cref="Flagged"/>. No decisions means hold. The raw reply and the reasoning are always kept.
/// </summary>
public sealed record DecisionOutcome
{
    public required string Maker { get; init; }

    public required IReadOnlyList<TradingDecision> Decisions { get; init; }

    public IReadOnlyList<ParsedDecision> Flagged { get; init; } = [];

    public required string Cot { get; init; }

    public required string Raw { get; init; }

    /// <summary>SHA-256 of the full prompt (system + user); empty only for the baseline when it did not render one.</summary>
    public required string PromptDigest { get; init; }

    /// <summary>The full prompt, only when requested (it is large).</summary>
    public RenderedPrompt? Prompt { get; init; }

    public TokenUsage Usage { get; init; } = TokenUsage.Zero;

    public ParseOutcome ParseOutcome { get; init; }

    /// <summary>Gentle retries made (0 or 1).</summary>
    public int Retries { get; init; }

    public DecisionError? Error { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>Every model call, in order (the first and the retry).</summary>
    public IReadOnlyList<DecisionAttempt> Attempts { get; init; } = [];

    public bool IsHold => Decisions.Count == 0;
}

/// <summary>Turns one cycle's context into decisions: the LLM, a recorded cassette or the rule-based baseline.</summary>
public interface IDecisionMaker
{
    string Name { get; }

    /// <summary>
    /// Whether the maker reads the performance figures of <see cref="DecisionContext.Performance"/> (the prompt's
    /// performance section); when not, the cycle skips the analytics and hands only the gate's state
    /// (<see cref="PerformanceView.Gated"/>, <see cref="PerformanceView.GateSharpe"/>), which the gating reads.
    /// </summary>
    bool ReadsPerformance => true;

    /// <summary>
    /// Whether the maker reads <see cref="DecisionContext.Memory"/> (the prompt's plans and recent trades); when not,
    /// the cycle hands <see cref="TradeMemory.Empty"/> instead of building the view.
    /// </summary>
    bool ReadsMemory => true;

    Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken);
}

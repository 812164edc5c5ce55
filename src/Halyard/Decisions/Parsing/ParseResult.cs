using Halyard.Domain;

namespace Halyard.Decisions.Parsing;

/// <summary>How a model reply turned into decisions.</summary>
public enum ParseOutcome
{
    /// <summary>A decision container in the contract's shape, read without any repair or coercion.</summary>
    Parsed,

    /// <summary>Decisions were read, but only after a documented repair (text, shape or field).</summary>
    Repaired,

    /// <summary>No decision container could be read: the cycle holds.</summary>
    Failed,
}

/// <summary>Where in the reply the decision JSON was found.</summary>
public enum DecisionSource
{
    None,

    /// <summary>The whole reply is the JSON (structured output, or a bare JSON reply).</summary>
    WholeText,

    /// <summary>A tagged block: <c>&lt;decisions&gt;…&lt;/decisions&gt;</c> or a "DECISIONS" heading.</summary>
    Tagged,

    /// <summary>A fenced code block (<c>```json</c>).</summary>
    Fenced,

    /// <summary>Found by the string-aware bracket scanner in free text.</summary>
    Scanned,
}

/// <summary>
/// One decision read from the reply, with the problems that make it unusable. A decision with issues
/// is never handed on for execution; it is kept for the journal and for the retry message.
/// </summary>
/// <param name="Index">Position of the item in the reply's list (0-based).</param>
/// <param name="Decision">The decision; any field that was invalid is left null.</param>
/// <param name="Issues">Why the decision breaks the contract; empty when it is valid.</param>
public sealed record ParsedDecision(int Index, TradingDecision Decision, IReadOnlyList<string> Issues)
{
    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// The result of reading one model reply. The raw text and the reasoning (CoT: the text outside the
/// decision JSON) are always kept, whatever the outcome.
/// </summary>
public sealed record ParseResult(
    ParseOutcome Outcome,
    DecisionSource Source,
    IReadOnlyList<ParsedDecision> Decisions,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Repairs,
    string Cot,
    string Raw)
{
    /// <summary>The decisions that satisfy the contract (valid action, symbol, numbers and required fields).</summary>
    public IReadOnlyList<TradingDecision> ValidDecisions =>
        Decisions.Where(d => d.IsValid).Select(d => d.Decision).ToArray();

    /// <summary>
    /// True when the reply deserves the one gentle retry: nothing could be read, or something in it was
    /// dropped or invalid.
    /// </summary>
    public bool NeedsRetry => Outcome == ParseOutcome.Failed || Errors.Count > 0;

    public static ParseResult Failed(string raw, string cot, IReadOnlyList<string> errors, IReadOnlyList<string>? repairs = null) =>
        new(ParseOutcome.Failed, DecisionSource.None, [], errors, repairs ?? [], cot, raw);
}

/// <summary>
/// What the parser may know about the cycle to map tolerant shapes without guessing: the symbols in
/// play (to restore their canonical case), reference prices (to turn a coin <c>quantity</c> into a USD
/// size) and the sides of open positions (to resolve a bare "close").
/// </summary>
public sealed record ParseOptions
{
    public static ParseOptions None { get; } = new();

    public IReadOnlyCollection<string> KnownSymbols { get; init; } = [];

    public IReadOnlyDictionary<string, decimal> ReferencePrices { get; init; } = new Dictionary<string, decimal>();

    public IReadOnlyDictionary<string, Domain.PositionSide> PositionSides { get; init; } = new Dictionary<string, Domain.PositionSide>();
}

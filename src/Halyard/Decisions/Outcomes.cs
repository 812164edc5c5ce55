using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;

namespace Halyard.Decisions;

/// <summary>Builds <see cref="DecisionOutcome"/>s the same way for every maker.</summary>
internal static class Outcomes
{
    public static DecisionOutcome FromParse(string maker, RenderedPrompt prompt, bool includePrompt, ParseResult parse, IReadOnlyList<DecisionAttempt> attempts, TimeSpan latency)
    {
        var error = parse.Outcome == ParseOutcome.Failed
            ? new DecisionError(DecisionErrorKind.Unparseable, ErrorClass.InvalidParam, string.Join("; ", parse.Errors))
            : null;
        return new DecisionOutcome
        {
            Maker = maker,
            Decisions = parse.ValidDecisions,
            Flagged = parse.Decisions.Where(d => !d.IsValid).ToArray(),
            Cot = parse.Cot,
            Raw = parse.Raw,
            PromptDigest = prompt.Digest,
            Prompt = includePrompt ? prompt : null,
            Usage = attempts.Aggregate(TokenUsage.Zero, (sum, a) => sum + a.Usage),
            ParseOutcome = parse.Outcome,
            Retries = Math.Max(0, attempts.Count - 1),
            Error = error,
            Latency = latency,
            Attempts = attempts,
        };
    }

    public static DecisionOutcome Hold(string maker, RenderedPrompt prompt, bool includePrompt, DecisionError error, IReadOnlyList<DecisionAttempt> attempts, TimeSpan latency)
    {
        var last = attempts.Count > 0 ? attempts[^1] : null;
        return new DecisionOutcome
        {
            Maker = maker,
            Decisions = [],
            Cot = last?.Parse.Cot ?? string.Empty,
            Raw = last?.Raw ?? string.Empty,
            PromptDigest = prompt.Digest,
            Prompt = includePrompt ? prompt : null,
            Usage = attempts.Aggregate(TokenUsage.Zero, (sum, a) => sum + a.Usage),
            ParseOutcome = last?.Parse.Outcome ?? ParseOutcome.Failed,
            Retries = Math.Max(0, attempts.Count - 1),
            Error = error,
            Latency = latency,
            Attempts = attempts,
        };
    }
}

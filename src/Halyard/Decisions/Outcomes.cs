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
        var (valid, flagged) = Split(parse.Decisions);
        return new DecisionOutcome
        {
            Maker = maker,
            Decisions = valid,
            Flagged = flagged,
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

    /// <summary>
    /// <see cref="ParseResult.ValidDecisions"/> and the flagged ones, in one pass each way without LINQ (every cycle):
    /// the same decisions in the same order.
    /// </summary>
    private static (TradingDecision[] Valid, ParsedDecision[] Flagged) Split(IReadOnlyList<ParsedDecision> decisions)
    {
        var validCount = 0;
        for (var i = 0; i < decisions.Count; i++)
        {
            validCount += decisions[i].IsValid ? 1 : 0;
        }

        var valid = validCount == 0 ? [] : new TradingDecision[validCount];
        var flagged = validCount == decisions.Count ? [] : new ParsedDecision[decisions.Count - validCount];
        var (v, f) = (0, 0);
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].IsValid)
            {
                valid[v++] = decisions[i].Decision;
            }
            else
            {
                flagged[f++] = decisions[i];
            }
        }

        return (valid, flagged);
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

using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;

namespace Halyard.Decisions.Baseline;

/// <summary>
/// The deterministic rule-based decision maker (trend/ATR logic of <see cref="BaselineRules"/>): the
/// offline default when no LLM is configured. Its raw output is the canonical contract JSON and its
/// reasoning one line per decision, so its outcomes journal like a model's.
/// </summary>
public sealed class BaselineDecisionMaker(BaselineOptions options, PromptBuilder prompts, TimeProvider time, bool includePrompt = false) : IDecisionMaker
{
    public string Name => "baseline";

    public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var started = time.GetTimestamp();
        var prompt = prompts.Build(context);
        var decisions = BaselineRules.Decide(context, options);
        var raw = DecisionJson.Serialize(decisions);
        var cot = string.Join("\n", decisions.Select(d => $"{d.Symbol} {ActionReader.ToContract(d.Action)}: {d.Reasoning}"));
        var parse = new ParseResult(
            ParseOutcome.Parsed,
            DecisionSource.WholeText,
            decisions.Select((d, i) => new ParsedDecision(i, d, [])).ToArray(),
            [],
            [],
            cot,
            raw);
        var latency = time.GetElapsedTime(started);
        return Task.FromResult(Outcomes.FromParse(Name, prompt, includePrompt, parse, [new DecisionAttempt(raw, parse, TokenUsage.Zero, latency)], latency));
    }
}

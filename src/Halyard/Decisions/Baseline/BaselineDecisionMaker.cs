using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;

namespace Halyard.Decisions.Baseline;

/// <summary>
/// The deterministic rule-based decision maker (trend/ATR logic of <see cref="BaselineRules"/>): the
/// offline default when no LLM is configured. Its raw output is the canonical contract JSON and its
/// reasoning one line per decision, so its outcomes journal like a model's. No model reads a prompt, so
/// the prompt is rendered (and its digest set) only when the full prompt is asked for; otherwise the
/// digest is empty (the journal's "no model was asked").
/// </summary>
public sealed class BaselineDecisionMaker(BaselineOptions options, PromptBuilder prompts, TimeProvider time, bool includePrompt = false) : IDecisionMaker
{
    private static readonly RenderedPrompt NoPrompt = new(string.Empty, string.Empty, string.Empty);

    public string Name => "baseline";

    public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var started = time.GetTimestamp();
        var prompt = includePrompt ? prompts.Build(context) : NoPrompt;
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

using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;

namespace Halyard.Decisions.Baseline;

/// <summary>
/// The deterministic rule-based decision maker (trend/ATR logic of <see cref="BaselineRules"/>): the
/// offline default when no LLM is configured. It has no answer text: its decisions are the answer and each
/// carries its reasoning, so <see cref="DecisionOutcome.Raw"/> and <see cref="DecisionOutcome.Cot"/> are empty
/// (the journal keeps neither for the baseline; building them cost ~30 KB per cycle). <c>DecisionJson</c>
/// still renders its decisions as contract JSON on demand. No model reads a prompt, so the prompt is rendered
/// (and its digest set) only when the full prompt is asked for; otherwise the digest is empty (the journal's
/// "no model was asked").
/// </summary>
public sealed class BaselineDecisionMaker(BaselineOptions options, PromptBuilder prompts, TimeProvider time, bool includePrompt = false) : IDecisionMaker
{
    private static readonly RenderedPrompt NoPrompt = new(string.Empty, string.Empty, string.Empty);

    public string Name => "baseline";

    /// <summary>The rules read only the gate's state; the figures reach the prompt, rendered only when asked for.</summary>
    public bool ReadsPerformance => includePrompt;

    /// <summary>The trade memory reaches the prompt only, as the figures do.</summary>
    public bool ReadsMemory => includePrompt;

    public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var started = time.GetTimestamp();
        var prompt = includePrompt ? prompts.Build(context) : NoPrompt;
        var decisions = BaselineRules.Decide(context, options);
        var parsed = new ParsedDecision[decisions.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = new ParsedDecision(i, decisions[i], []);
        }

        var parse = new ParseResult(ParseOutcome.Parsed, DecisionSource.WholeText, parsed, [], [], string.Empty, string.Empty);
        var latency = time.GetElapsedTime(started);
        return Task.FromResult(Outcomes.FromParse(Name, prompt, includePrompt, parse, [new DecisionAttempt(string.Empty, parse, TokenUsage.Zero, latency)], latency));
    }
}

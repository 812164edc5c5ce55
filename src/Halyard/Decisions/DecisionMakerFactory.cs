using Halyard.Decisions.Baseline;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Prompting;
using Halyard.Decisions.Recorded;

namespace Halyard.Decisions;

/// <summary>Which decision maker a trader uses (<c>decision_maker.provider</c>).</summary>
public enum DecisionMakerKind
{
    Baseline,
    OpenAi,
    Anthropic,
    Recorded,
}

/// <summary>Everything needed to build a trader's decision maker; the configuration maps onto this.</summary>
public sealed record DecisionMakerOptions
{
    public DecisionMakerKind Kind { get; init; } = DecisionMakerKind.Baseline;

    /// <summary>Model, endpoint, key variable, timeouts — for <see cref="DecisionMakerKind.OpenAi"/> and <see cref="DecisionMakerKind.Anthropic"/>.</summary>
    public LlmOptions? Llm { get; init; }

    /// <summary>The JSON-lines cassette for <see cref="DecisionMakerKind.Recorded"/>.</summary>
    public string? CassettePath { get; init; }

    public BaselineOptions Baseline { get; init; } = new();

    /// <summary>A prompt template file replacing the built-in one.</summary>
    public string? PromptTemplatePath { get; init; }

    public PromptOptions Prompt { get; init; } = new();

    public bool IncludeFullPrompt { get; init; }
}

/// <summary>A decision maker, or why it could not be built.</summary>
public sealed record DecisionMakerResult(IDecisionMaker? Maker, string? Error);

/// <summary>Builds the configured decision maker; configuration problems come back as errors, not exceptions.</summary>
public static class DecisionMakerFactory
{
    public static DecisionMakerResult Create(DecisionMakerOptions options, TimeProvider time, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        PromptTemplate template;
        try
        {
            template = options.PromptTemplatePath is { } path ? PromptTemplate.Load(path) : PromptTemplate.Default;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return new DecisionMakerResult(null, $"decision_maker.prompt_template: {ex.Message}");
        }

        switch (options.Kind)
        {
            case DecisionMakerKind.Baseline:
                return new DecisionMakerResult(new BaselineDecisionMaker(options.Baseline, new PromptBuilder(template, options.Prompt), time, options.IncludeFullPrompt), null);
            case DecisionMakerKind.Recorded:
                if (options.CassettePath is null)
                {
                    return new DecisionMakerResult(null, "decision_maker.cassette is required for the recorded provider");
                }

                try
                {
                    var replies = RecordedDecisionMaker.LoadCassette(options.CassettePath);
                    return new DecisionMakerResult(new RecordedDecisionMaker(replies, new PromptBuilder(template, options.Prompt), time, options.IncludeFullPrompt), null);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    return new DecisionMakerResult(null, $"decision_maker.cassette: {ex.Message}");
                }

            default:
                if (options.Llm is null)
                {
                    return new DecisionMakerResult(null, "decision_maker.model and the LLM settings are required for an LLM provider");
                }

                var llm = options.Llm with
                {
                    Provider = options.Kind == DecisionMakerKind.Anthropic ? LlmProvider.Anthropic : LlmProvider.OpenAiCompatible,
                    IncludeFullPrompt = options.Llm.IncludeFullPrompt || options.IncludeFullPrompt,
                };
                var client = ChatClientFactory.Create(llm, environment);
                if (!client.IsSuccess)
                {
                    return new DecisionMakerResult(null, $"decision_maker: {client.Error}");
                }

                var prompts = new PromptBuilder(template, options.Prompt with { StructuredOutput = llm.UsesStructuredOutput });
                return new DecisionMakerResult(new LlmDecisionMaker(client.Client, llm, prompts, time), null);
        }
    }
}

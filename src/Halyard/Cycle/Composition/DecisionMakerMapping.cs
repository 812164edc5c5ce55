using Halyard.Cycle.Configuration;
using Halyard.Decisions;
using Halyard.Decisions.Llm;

namespace Halyard.Cycle.Composition;

/// <summary>The decision maker's options from <c>decision_maker</c> (or a trader's own).</summary>
public static class DecisionMakerMapping
{
    public static DecisionMakerOptions ToOptions(DecisionMakerConfig decisionMaker, bool fullPrompt)
    {
        ArgumentNullException.ThrowIfNull(decisionMaker);
        var kind = decisionMaker.Provider switch
        {
            DecisionMakerProvider.Baseline => DecisionMakerKind.Baseline,
            DecisionMakerProvider.OpenAI => DecisionMakerKind.OpenAi,
            DecisionMakerProvider.Anthropic => DecisionMakerKind.Anthropic,
            DecisionMakerProvider.Recorded => DecisionMakerKind.Recorded,
            _ => throw new ArgumentOutOfRangeException(nameof(decisionMaker), decisionMaker.Provider, "Unknown decision maker provider."),
        };
        LlmOptions? llm = decisionMaker.Model is { } model && kind is DecisionMakerKind.OpenAi or DecisionMakerKind.Anthropic
            ? new LlmOptions
            {
                Provider = kind == DecisionMakerKind.Anthropic ? LlmProvider.Anthropic : LlmProvider.OpenAiCompatible,
                Model = model,
                BaseUrl = decisionMaker.BaseUrl,
                ApiKeyEnvironmentVariable = decisionMaker.ApiKeyEnv,
                Timeout = decisionMaker.Timeout,
                StalenessBound = decisionMaker.StalenessMaxAge,
                MaxOutputTokens = decisionMaker.MaxOutputTokens,
                Temperature = decisionMaker.Temperature is { } t ? (float)t : null,
                StructuredOutput = decisionMaker.StructuredOutput switch
                {
                    StructuredOutputMode.On => true,
                    StructuredOutputMode.Off => false,
                    _ => null,
                },
                IncludeFullPrompt = fullPrompt,
            }
            : null;
        return new DecisionMakerOptions
        {
            Kind = kind,
            Llm = llm,
            CassettePath = decisionMaker.Cassette,
            PromptTemplatePath = decisionMaker.PromptTemplate,
            IncludeFullPrompt = fullPrompt,
        };
    }

    /// <summary>True for the providers whose every answer is a model call (their failures count toward safe mode).</summary>
    public static bool AsksModel(DecisionMakerConfig decisionMaker) =>
        decisionMaker?.Provider is DecisionMakerProvider.OpenAI or DecisionMakerProvider.Anthropic;
}

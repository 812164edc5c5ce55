using Halyard.Cycle.Configuration;
using Halyard.Decisions;
using Halyard.Decisions.Llm;

namespace Halyard.Cycle.Composition;

/// <summary>The decision maker's options from <c>executor</c> (or a trader's own executor).</summary>
public static class ExecutorMapping
{
    public static DecisionMakerOptions ToOptions(ExecutorConfig executor, bool fullPrompt)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var kind = executor.Provider switch
        {
            ExecutorProvider.Baseline => DecisionMakerKind.Baseline,
            ExecutorProvider.OpenAI => DecisionMakerKind.OpenAi,
            ExecutorProvider.Anthropic => DecisionMakerKind.Anthropic,
            ExecutorProvider.Recorded => DecisionMakerKind.Recorded,
            _ => throw new ArgumentOutOfRangeException(nameof(executor), executor.Provider, "Unknown executor provider."),
        };
        LlmOptions? llm = executor.Model is { } model && kind is DecisionMakerKind.OpenAi or DecisionMakerKind.Anthropic
            ? new LlmOptions
            {
                Provider = kind == DecisionMakerKind.Anthropic ? LlmProvider.Anthropic : LlmProvider.OpenAiCompatible,
                Model = model,
                BaseUrl = executor.BaseUrl,
                ApiKeyEnvironmentVariable = executor.ApiKeyEnv,
                Timeout = executor.Timeout,
                StalenessBound = executor.StalenessMaxAge,
                MaxOutputTokens = executor.MaxOutputTokens,
                Temperature = executor.Temperature is { } t ? (float)t : null,
                StructuredOutput = executor.StructuredOutput switch
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
            CassettePath = executor.Cassette,
            PromptTemplatePath = executor.PromptTemplate,
            IncludeFullPrompt = fullPrompt,
        };
    }

    /// <summary>True for the providers whose every answer is a model call (their failures count toward safe mode).</summary>
    public static bool AsksModel(ExecutorConfig executor) =>
        executor?.Provider is ExecutorProvider.OpenAI or ExecutorProvider.Anthropic;
}

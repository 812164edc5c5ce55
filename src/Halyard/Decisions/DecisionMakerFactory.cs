using Halyard.Decisions.Baseline;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Prompting;
using Halyard.Decisions.Recorded;
using Halyard.Domain;

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

/// <summary>Builds the configured decision maker; configuration problems come back as errors, not exceptions.</summary>
public static class DecisionMakerFactory
{
    /// <param name="decorateChatClient">Wraps the model client (e.g. a sweep's per-endpoint concurrency and rate limits); null: as built.</param>
    public static Result<IDecisionMaker> Create(DecisionMakerOptions options, TimeProvider time, Func<string, string?> environment, ChatClientDecorator? decorateChatClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        PromptTemplate template;
        try
        {
            template = options.PromptTemplatePath is { } path ? PromptTemplate.Load(path) : PromptTemplate.Default;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return Error.Invalid($"decision_maker.prompt_template: {ex.Message}");
        }

        switch (options.Kind)
        {
            case DecisionMakerKind.Baseline:
                return Result.Success<IDecisionMaker>(new BaselineDecisionMaker(options.Baseline, new PromptBuilder(template, options.Prompt), time, options.IncludeFullPrompt));
            case DecisionMakerKind.Recorded:
                if (options.CassettePath is null)
                {
                    return Error.Invalid("decision_maker.cassette is required for the recorded provider");
                }

                try
                {
                    var replies = RecordedDecisionMaker.LoadCassette(options.CassettePath);
                    return Result.Success<IDecisionMaker>(new RecordedDecisionMaker(replies, new PromptBuilder(template, options.Prompt), time, options.IncludeFullPrompt));
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    return Error.Invalid($"decision_maker.cassette: {ex.Message}");
                }

            default:
                if (options.Llm is null)
                {
                    return Error.Invalid("decision_maker.model and the LLM settings are required for an LLM provider");
                }

                var llm = options.Llm with
                {
                    Provider = options.Kind == DecisionMakerKind.Anthropic ? LlmProvider.Anthropic : LlmProvider.OpenAiCompatible,
                    IncludeFullPrompt = options.Llm.IncludeFullPrompt || options.IncludeFullPrompt,
                };
                var client = ChatClientFactory.Create(llm, environment);
                if (!client.IsSuccess)
                {
                    return client.Error with { Message = "decision_maker: " + client.Error.Message };
                }

                var prompts = new PromptBuilder(template, options.Prompt with { StructuredOutput = llm.UsesStructuredOutput });
                var chat = decorateChatClient is null ? client.Value : decorateChatClient(client.Value, llm);
                return Result.Success<IDecisionMaker>(new LlmDecisionMaker(chat, llm, prompts, time));
        }
    }
}

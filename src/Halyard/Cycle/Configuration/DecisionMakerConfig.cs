namespace Halyard.Cycle.Configuration;

/// <summary>Who makes the decisions.</summary>
public enum DecisionMakerProvider
{
    /// <summary>The deterministic rule-based decision maker (offline default).</summary>
    Baseline,

    /// <summary>Any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, OpenRouter, Ollama, vLLM) by base URL.</summary>
    OpenAI,

    Anthropic,

    /// <summary>Replays raw responses from a JSON-lines cassette through the same parser.</summary>
    Recorded,
}

/// <summary>Whether to ask the provider for schema-constrained (JSON) output.</summary>
public enum StructuredOutputMode
{
    /// <summary>Use it where the provider is known to support it.</summary>
    Auto,
    On,
    Off,
}

/// <summary><c>decision_maker</c> (and <c>traders[i].decision_maker</c>): the decision maker and its LLM settings.</summary>
public sealed record DecisionMakerConfig
{
    public DecisionMakerProvider Provider { get; init; } = DecisionMakerProvider.Baseline;

    /// <summary>Model name; required for <c>openai</c> and <c>anthropic</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Endpoint override (absolute http/https URL); null means the provider's public endpoint.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The NAME of the environment variable that holds the API key; never the key itself.</summary>
    public string? ApiKeyEnv { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxOutputTokens { get; init; } = 8192;

    /// <summary>Sampling temperature (0–2); null leaves the provider's default (reasoning models reject it).</summary>
    public decimal? Temperature { get; init; }

    public StructuredOutputMode StructuredOutput { get; init; } = StructuredOutputMode.Auto;

    /// <summary>JSON-lines file of recorded raw responses; required for <c>recorded</c>.</summary>
    public string? Cassette { get; init; }

    /// <summary>A file replacing the built-in prompt template; null uses the built-in one.</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>An answer that arrives later than this after its context was built is discarded (hold).</summary>
    public TimeSpan StalenessMaxAge { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A decision whose coin's live price moved more than this (basis points) since the snapshot the model saw is discarded.</summary>
    public decimal StalenessMaxMoveBps { get; init; } = 100m;

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        var llm = Provider is not (DecisionMakerProvider.Baseline or DecisionMakerProvider.Recorded);
        p.Require(!llm || !string.IsNullOrWhiteSpace(Model), "model", Model, "a model name for an LLM provider");
        p.Require(Provider != DecisionMakerProvider.Recorded || !string.IsNullOrWhiteSpace(Cassette), "cassette", Cassette, "a cassette file for the recorded provider");
        p.Require(Timeout > TimeSpan.Zero, "timeout", Timeout, "> 0");
        p.Require(MaxOutputTokens >= 1, "max_output_tokens", MaxOutputTokens, ">= 1");
        p.Require(Temperature is null or (>= 0m and <= 2m), "temperature", Temperature, "none or 0..2");
        p.Require(StalenessMaxAge > TimeSpan.Zero, "staleness_max_age", StalenessMaxAge, "> 0");
        p.Require(StalenessMaxMoveBps > 0m, "staleness_max_move_bps", StalenessMaxMoveBps, "> 0");
        return p.ToList();
    }
}

namespace Halyard.Decisions.Llm;

/// <summary>The two client families: any OpenAI-compatible endpoint by base URL, and Anthropic.</summary>
public enum LlmProvider
{
    /// <summary>OpenAI, DeepSeek, Qwen (DashScope), OpenRouter, Ollama, vLLM, … through the OpenAI client.</summary>
    OpenAiCompatible,

    /// <summary>Anthropic through the official <c>Anthropic</c> SDK's <c>IChatClient</c>.</summary>
    Anthropic,
}

/// <summary>How the LLM decision maker calls its model. Secrets only by environment-variable name.</summary>
public sealed record LlmOptions
{
    public required LlmProvider Provider { get; init; }

    public required string Model { get; init; }

    /// <summary>The endpoint; null = the provider's official one (e.g. https://api.deepseek.com/v1 for DeepSeek).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The NAME of the environment variable holding the API key; null for keyless local servers (Ollama, vLLM).</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Per call. Reasoning models need minutes, not seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>An answer (retry included) older than this, counted from the context's time, is discarded.</summary>
    public TimeSpan StalenessBound { get; init; } = TimeSpan.FromMinutes(4);

    public int MaxOutputTokens { get; init; } = 4096;

    public float? Temperature { get; init; }

    /// <summary>
    /// Ask the provider to enforce the decisions JSON schema. Null = automatic: on for the provider's
    /// official endpoint (no <see cref="BaseUrl"/>), off for other endpoints, which may not support it.
    /// </summary>
    public bool? StructuredOutput { get; init; }

    /// <summary>Gentle retries after an unusable reply: 0 or 1.</summary>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Keep the full prompt text in the outcome (the digest is always kept).</summary>
    public bool IncludeFullPrompt { get; init; }

    public bool UsesStructuredOutput => StructuredOutput ?? BaseUrl is null;
}

using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Halyard.Domain;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Halyard.Decisions.Llm;

/// <summary>Wraps the chat client built for <paramref name="options"/> (the caller's own limits, logging…).</summary>
public delegate IChatClient ChatClientDecorator(IChatClient client, LlmOptions options);

/// <summary>
/// Builds the <see cref="IChatClient"/> for <see cref="LlmOptions"/>. OpenAI-compatible endpoints go
/// through <c>OpenAIClient</c> with <c>OpenAIClientOptions.Endpoint</c> = the base URL, then
/// <c>GetChatClient(model).AsIChatClient()</c>; Anthropic through the official SDK's
/// <c>AnthropicClient.AsIChatClient(model, maxOutputTokens)</c>. The SDKs' own retries are switched off:
/// the decision maker owns timeouts and its single gentle retry.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>A chat client, or why none could be made (a configuration error as a value).</summary>
    public static Result<IChatClient> Create(LlmOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            return Error.Invalid("decision_maker.model is empty");
        }

        string? key = null;
        if (options.ApiKeyEnvironmentVariable is { } name)
        {
            key = environment(name);
            if (string.IsNullOrEmpty(key))
            {
                return Error.Invalid($"the API key environment variable '{name}' is not set");
            }
        }

        return options.Provider switch
        {
            LlmProvider.OpenAiCompatible => Result.Success(OpenAiCompatible(options, key)),
            LlmProvider.Anthropic when key is null => Error.Invalid("Anthropic needs an API key environment variable"),
            LlmProvider.Anthropic => Result.Success(Anthropic(options, key!)),
            _ => Error.Invalid($"unknown LLM provider {options.Provider}"),
        };
    }

    private static IChatClient OpenAiCompatible(LlmOptions options, string? key)
    {
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (options.BaseUrl is not null)
        {
            clientOptions.Endpoint = options.BaseUrl;
        }

        // Keyless local servers (Ollama, vLLM) ignore the credential, but the client requires one.
        var credential = new ApiKeyCredential(key ?? "no-key");
        return new OpenAIClient(credential, clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    private static IChatClient Anthropic(LlmOptions options, string key)
    {
        var client = new AnthropicClient
        {
            ApiKey = key,
            BaseUrl = options.BaseUrl?.ToString().TrimEnd('/') ?? global::Anthropic.Core.EnvironmentUrl.Production,
            MaxRetries = 0,
            Timeout = options.Timeout,
        };
        return client.AsIChatClient(options.Model, options.MaxOutputTokens);
    }
}

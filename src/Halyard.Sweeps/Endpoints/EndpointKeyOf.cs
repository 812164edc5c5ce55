using Halyard.Decisions.Llm;

namespace Halyard.Sweeps.Endpoints;

/// <summary>The name of the endpoint a model call goes to: its <c>base_url</c> (scheme, host, port and path, no trailing '/'), else the provider.</summary>
public static class EndpointKeyOf
{
    public static string Of(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUrl is { } url
            ? Normalize(url.ToString())
            : options.Provider == LlmProvider.Anthropic ? "anthropic" : "openai";
    }

    public static string Normalize(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var trimmed = endpoint.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant()
            : trimmed.ToLowerInvariant();
    }
}

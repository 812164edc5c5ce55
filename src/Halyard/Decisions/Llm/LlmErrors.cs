using System.ClientModel;
using System.Net;
using Anthropic.Exceptions;
using Halyard.Domain;

namespace Halyard.Decisions.Llm;

/// <summary>
/// Classifies what a model call can throw. The provider SDKs are a boundary like the venue: their HTTP
/// and network failures are expected and become values.
/// </summary>
internal static class LlmErrors
{
    public static DecisionError Classify(Exception ex) => ex switch
    {
        ClientResultException c => FromStatus(c.Status, c.Message),
        AnthropicApiException a => FromStatus((int)a.StatusCode, a.Message),
        AnthropicIOException io => new DecisionError(DecisionErrorKind.Provider, ErrorClass.Temporary, $"network: {io.Message}"),
        HttpRequestException h => new DecisionError(DecisionErrorKind.Provider, ErrorClass.Temporary, $"network: {h.Message}"),
        _ => new DecisionError(DecisionErrorKind.Provider, ErrorClass.Unknown, $"{ex.GetType().Name}: {ex.Message}"),
    };

    private static DecisionError FromStatus(int status, string message)
    {
        var cls = status switch
        {
            (int)HttpStatusCode.TooManyRequests => ErrorClass.RateLimited,
            (int)HttpStatusCode.RequestTimeout or >= 500 => ErrorClass.Temporary,
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.PaymentRequired => ErrorClass.InvalidParam,
            0 => ErrorClass.Temporary,
            _ => ErrorClass.InvalidParam,
        };
        return new DecisionError(DecisionErrorKind.Provider, cls, $"HTTP {status}: {message}");
    }
}

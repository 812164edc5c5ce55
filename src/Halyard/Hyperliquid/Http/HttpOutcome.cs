using System.Diagnostics.CodeAnalysis;

namespace Halyard.Hyperliquid.Http;

/// <summary>The result of one POST: the response body (HTTP 2xx) or a classified error.</summary>
public sealed class HttpOutcome
{
    private HttpOutcome(byte[]? body, VenueError? error)
    {
        Body = body;
        Error = error;
    }

    public byte[]? Body { get; }

    public VenueError? Error { get; }

    [MemberNotNullWhen(true, nameof(Body))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Body is not null;

    public static HttpOutcome Success(byte[] body) => new(body, null);

    public static HttpOutcome Failure(VenueError error) => new(null, error);
}

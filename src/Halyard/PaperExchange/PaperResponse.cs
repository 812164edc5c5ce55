using Halyard.PaperExchange.Faults;

namespace Halyard.PaperExchange;

/// <summary>
/// What one hosting must send back. <see cref="Body"/> is null when the simulated network gives no
/// answer at all (faults <c>timeout</c> and <c>response_lost</c>): the hosting then fails the connection.
/// </summary>
public sealed record PaperResponse(int StatusCode, byte[]? Body, string ContentType, TimeSpan? RetryAfter, PaperFault Fault)
{
    public bool Answered => Body is not null;
}

using System.Diagnostics.CodeAnalysis;
using Halyard.Hyperliquid.Http;

namespace Halyard.Hyperliquid.Exchange;

/// <summary>
/// The outcome of one <c>/exchange</c> request: the parsed answer, or a classified <see cref="VenueError"/>
/// (whole-request rejection, transport failure — <see cref="VenueError.OutcomeUnknown"/> then says whether
/// the request may have executed). Venue failures are values, never exceptions.
/// </summary>
public sealed class ExchangeResult<T>
    where T : class
{
    private ExchangeResult(T? value, VenueError? error, long nonce)
    {
        Value = value;
        Error = error;
        Nonce = nonce;
    }

    public T? Value { get; }

    public VenueError? Error { get; }

    /// <summary>The nonce the request was signed with (0 when nothing was sent).</summary>
    public long Nonce { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    public static ExchangeResult<T> Success(T value, long nonce) => new(value ?? throw new ArgumentNullException(nameof(value)), null, nonce);

    public static ExchangeResult<T> Failure(VenueError error, long nonce) => new(null, error ?? throw new ArgumentNullException(nameof(error)), nonce);

    public override string ToString() => IsSuccess ? $"ok (nonce {Nonce}): {Value}" : $"error (nonce {Nonce}): {Error}";
}

/// <summary><c>{"status":"ok","response":{"type":"default"}}</c>: the venue accepted the action.</summary>
public sealed record ExchangeAck(string ResponseType);

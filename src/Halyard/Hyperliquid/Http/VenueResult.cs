using System.Diagnostics.CodeAnalysis;

namespace Halyard.Hyperliquid.Http;

/// <summary>
/// The result of one venue call: a value, or a classified <see cref="VenueError"/>. The compiler forces
/// the caller to check <see cref="IsSuccess"/> before touching <see cref="Value"/>.
/// </summary>
public sealed class VenueResult<T>
    where T : notnull
{
    private VenueResult(T? value, VenueError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public VenueError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static VenueResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new VenueResult<T>(value, null);
    }

    public static VenueResult<T> Failure(VenueError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new VenueResult<T>(default, error);
    }

    /// <summary>The value, or a failure carrying the same error in another result type.</summary>
    public VenueResult<TOther> Map<TOther>(Func<T, TOther> map)
        where TOther : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? VenueResult<TOther>.Success(map(Value)) : VenueResult<TOther>.Failure(Error);
    }

    public override string ToString() => IsSuccess ? "Success: " + Value : "Failure: " + Error;
}

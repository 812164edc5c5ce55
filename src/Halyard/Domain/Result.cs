using System.Diagnostics.CodeAnalysis;

namespace Halyard.Domain;

/// <summary>
/// The one result type of the library: a value, or an <see cref="Domain.Error"/> with its class. Expected
/// failures (the venue, the network, a bad configuration) are results; bugs are exceptions. The compiler
/// forces the caller to check <see cref="IsSuccess"/> before touching <see cref="Value"/> or <see cref="Error"/>.
/// </summary>
/// <typeparam name="T">The value; a value type is held as itself (no box).</typeparam>
public sealed class Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; set exactly when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>The failure; set exactly when not <see cref="IsSuccess"/>.</summary>
    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) =>
        value is null ? throw new ArgumentNullException(nameof(value)) : new Result<T>(value, null);

    public static Result<T> Failure(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result<T>(default, error);
    }

    /// <summary>A failure (so a method may <c>return error;</c>).</summary>
    public static implicit operator Result<T>(Error error) => Failure(error);

    /// <summary>A success (so a method may <c>return value;</c>; not applied to interface types, use <see cref="Result.Success{T}"/>).</summary>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>The value mapped, or the same error in the other result type.</summary>
    public Result<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? Result<TOther>.Success(map(Value)) : Result<TOther>.Failure(Error);
    }

    public override string ToString() => IsSuccess ? "Success: " + Value : "Failure: " + Error;
}

/// <summary>Factory helpers that infer the type argument.</summary>
public static class Result
{
    public static Result<T> Success<T>(T value) => Result<T>.Success(value);
}

using System.Diagnostics.CodeAnalysis;

namespace Halyard.Domain.Precision;

/// <summary>Why the formatter refused to produce a wire value.</summary>
public enum FormatRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The input is zero or negative: no price or size on the wire is.</summary>
    NotPositive,

    /// <summary>No valid price exists in the conservative direction (a price below 10^−maxDecimals rounded down).</summary>
    NoValidPrice,

    /// <summary>The size rounds toward zero to zero (below 10^−szDecimals).</summary>
    SizeRoundsToZero,

    /// <summary>Rounded price × rounded size is below the venue's minimum order value.</summary>
    BelowMinimumOrderValue,
}

/// <summary>A price the venue accepts, with its canonical wire text. Only the formatter creates one.</summary>
public sealed record WirePrice
{
    internal WirePrice(decimal value) => (Value, Text) = (value, WireNumber.ToWire(value));

    /// <summary>The valid price (trailing zeros stripped).</summary>
    public decimal Value { get; }

    /// <summary>The canonical wire text of <see cref="Value"/>.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}

/// <summary>A size the venue accepts, with its canonical wire text. Only the formatter creates one.</summary>
public sealed record WireSize
{
    internal WireSize(decimal value) => (Value, Text) = (value, WireNumber.ToWire(value));

    /// <summary>The valid size (trailing zeros stripped).</summary>
    public decimal Value { get; }

    /// <summary>The canonical wire text of <see cref="Value"/>.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}

/// <summary>A price and size that together pass every local check of the venue, including the minimum order value.</summary>
/// <param name="Price">The rounded limit price.</param>
/// <param name="Size">The rounded size.</param>
public sealed record FormattedOrder(WirePrice Price, WireSize Size)
{
    /// <summary>Price × size in USD, after rounding.</summary>
    public decimal Notional => Price.Value * Size.Value;
}

/// <summary>
/// A formatted value, or the reason none can be sent. Refusals are values, never exceptions;
/// only programmer errors (a null argument, an undefined enum value) throw.
/// </summary>
public readonly record struct FormatResult<T>
    where T : class
{
    private FormatResult(T? value, FormatRefusal refusal, string reason) =>
        (Value, Refusal, Reason) = (value, refusal, reason);

    /// <summary>The formatted value; not null exactly when <see cref="IsOk"/>.</summary>
    public T? Value { get; }

    /// <summary><see cref="FormatRefusal.None"/> when <see cref="IsOk"/>.</summary>
    public FormatRefusal Refusal { get; }

    /// <summary>A human-readable reason ("" when <see cref="IsOk"/>).</summary>
    public string Reason { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Value is not null;

    public static FormatResult<T> Ok(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FormatResult<T>(value, FormatRefusal.None, string.Empty);
    }

    public static FormatResult<T> Refused(FormatRefusal refusal, string reason)
    {
        if (refusal == FormatRefusal.None)
        {
            throw new ArgumentOutOfRangeException(nameof(refusal), "A refusal needs a reason code.");
        }

        return new FormatResult<T>(null, refusal, reason);
    }

    public override string ToString() => IsOk ? Value.ToString() ?? string.Empty : $"refused ({Refusal}): {Reason}";
}

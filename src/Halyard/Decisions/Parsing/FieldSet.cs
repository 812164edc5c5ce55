using System.Globalization;
using System.Text.Json;

namespace Halyard.Decisions.Parsing;

/// <summary>Reads the number fields of one item, collecting its issues and repairs.</summary>
internal sealed class FieldSet(JsonElement obj, int index, List<string> issues, ICollection<string> repairs)
{
    /// <summary>The leverage accepted at most; anything above is an error, not a cap (the Validator caps).</summary>
    public const int MaxSaneLeverage = 1000;

    public HashSet<string> Invalid { get; } = new(StringComparer.Ordinal);

    public bool Present(string[] keys) => JsonKeys.TryGet(obj, keys, out var v, out _) && v.ValueKind != JsonValueKind.Null;

    public void Issue(string field, string issue) => Fail(field, issue);

    public void Repair(string repair) => repairs.Add($"item {index}: {repair}");

    public decimal? Positive(string[] keys, string field, NumberDecor decor) => Checked(keys, field, decor, v => v > 0m, "must be > 0");

    public decimal? NonNegative(string[] keys, string field, NumberDecor decor) => Checked(keys, field, decor, v => v >= 0m, "must be ≥ 0");

    /// <summary>
    /// The share of a position to close: <c>close_fraction</c> (0–1) as written, or <c>close_percent</c> (0–100)
    /// divided by 100. The range is the Validator's to judge (reason <c>invalid_close_fraction</c>).
    /// </summary>
    public decimal? CloseFraction()
    {
        var read = FieldReader.Number(obj, JsonKeys.CloseFraction, "close_fraction", NumberDecor.None);
        if (read.Present)
        {
            return Accept(read, "close_fraction") ? read.Value : null;
        }

        var percent = FieldReader.Number(obj, JsonKeys.ClosePercent, "close_fraction", NumberDecor.Percent);
        if (!Accept(percent, "close_fraction"))
        {
            return null;
        }

        var fraction = percent.Value!.Value / 100m;
        Repair($"close_percent {Fmt(percent.Value.Value)} read as close_fraction {Fmt(fraction)}");
        return fraction;
    }

    public int? Leverage()
    {
        var value = Checked(JsonKeys.Leverage, "leverage", NumberDecor.Times, v => v >= 1m && v <= MaxSaneLeverage, $"must be between 1 and {MaxSaneLeverage}");
        if (value is null)
        {
            return null;
        }

        if (decimal.Truncate(value.Value) != value.Value)
        {
            Fail("leverage", $"leverage: {Fmt(value.Value)} is not a whole number");
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>
    /// Confidence is an integer 0–100. A value in [0, 1] written with a decimal point (0.75, 1.0) is read
    /// as a fraction (75, 100), the convention of nof1-style prompts. A fractional percentage is truncated
    /// (72.9 → 72) so it never rounds up past a minimum.
    /// </summary>
    public int? Confidence()
    {
        var read = FieldReader.Number(obj, JsonKeys.Confidence, "confidence", NumberDecor.Percent);
        if (!Accept(read, "confidence"))
        {
            return null;
        }

        var v = read.Value!.Value;
        if (read.HasFraction && v >= 0m && v <= 1m)
        {
            var percent = v * 100m;
            Repair($"confidence {Fmt(v)} read as a fraction: {Fmt(percent)}");
            v = percent;
        }

        if (v < 0m || v > 100m)
        {
            Fail("confidence", $"confidence: {Fmt(v)} is outside 0–100");
            return null;
        }

        var whole = decimal.Truncate(v);
        if (whole != v)
        {
            Repair($"confidence {Fmt(v)} truncated to {Fmt(whole)}");
        }

        return (int)whole;
    }

    private decimal? Checked(string[] keys, string field, NumberDecor decor, Func<decimal, bool> ok, string rule)
    {
        var read = FieldReader.Number(obj, keys, field, decor);
        if (!Accept(read, field))
        {
            return null;
        }

        if (!ok(read.Value!.Value))
        {
            Fail(field, $"{field}: {Fmt(read.Value.Value)} {rule}");
            return null;
        }

        return read.Value;
    }

    private bool Accept(FieldReader.Read read, string field)
    {
        if (read.Repair is not null)
        {
            Repair(read.Repair);
        }

        if (read.Issue is not null)
        {
            Fail(field, read.Issue);
            return false;
        }

        return read.Value is not null;
    }

    private void Fail(string field, string issue)
    {
        Invalid.Add(field);
        issues.Add(issue);
    }

    private static string Fmt(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Halyard.Decisions.Parsing;

/// <summary>What a number field may look like when it arrives as a string.</summary>
[Flags]
internal enum NumberDecor
{
    None = 0,
    Dollar = 1,
    Percent = 2,
    Times = 4,
}

/// <summary>
/// Reads the number fields of one decision. A JSON number is taken as it is; a string holding exactly
/// one plain number (optionally with the decoration the field allows: "$" for money and prices, "%" for
/// confidence, "x" for leverage) is read and noted as a repair. Everything else — ranges ("60-70"),
/// thousands separators ("6,000"), words, NaN/Infinity, several numbers — makes the field invalid:
/// the reader never picks one number out of many.
/// </summary>
internal static partial class FieldReader
{
    public readonly record struct Read(bool Present, decimal? Value, string? Issue, string? Repair, bool HasFraction);

    public static Read Number(JsonElement obj, string[] keys, string field, NumberDecor decor)
    {
        if (!JsonKeys.TryGet(obj, keys, out var v, out var key))
        {
            return new Read(false, null, null, null, false);
        }

        var renamed = string.Equals(key, field, StringComparison.Ordinal) ? null : $"'{key}' read as {field}";
        switch (v.ValueKind)
        {
            case JsonValueKind.Null:
                return new Read(false, null, null, renamed, false);
            case JsonValueKind.Number:
                var raw = v.GetRawText();
                return v.TryGetDecimal(out var d)
                    ? new Read(true, d, null, renamed, HasFractionPart(raw))
                    : new Read(true, null, $"{field}: {raw} is out of range", renamed, false);
            case JsonValueKind.String:
                var text = v.GetString() ?? string.Empty;
                if (TryParseDecorated(text, decor, out var parsed))
                {
                    var repair = $"{field} given as the string \"{text}\"";
                    return new Read(true, parsed, null, renamed is null ? repair : $"{renamed}; {repair}", HasFractionPart(text));
                }

                return new Read(true, null, $"{field}: \"{Clip(text)}\" is not one plain number ({Why(text)})", renamed, false);
            default:
                return new Read(true, null, $"{field}: a JSON {v.ValueKind.ToString().ToLowerInvariant()} is not a number", renamed, false);
        }
    }

    public static (string? Value, string? Repair) Text(JsonElement obj, string[] keys, string field)
    {
        if (!JsonKeys.TryGet(obj, keys, out var v, out var key))
        {
            return (null, null);
        }

        var renamed = string.Equals(key, field, StringComparison.Ordinal) ? null : $"'{key}' read as {field}";
        return v.ValueKind switch
        {
            JsonValueKind.String => (NullIfEmpty(v.GetString()), renamed),
            JsonValueKind.Null => (null, renamed),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => (v.GetRawText(), renamed),
            _ => (NullIfEmpty(v.GetRawText()), renamed),
        };
    }

    private static bool TryParseDecorated(string text, NumberDecor decor, out decimal value)
    {
        value = 0m;
        var m = Decorated().Match(text);
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups["dollar"].Success && !decor.HasFlag(NumberDecor.Dollar))
        {
            return false;
        }

        var suffix = m.Groups["suffix"].Value;
        if ((suffix == "%" && !decor.HasFlag(NumberDecor.Percent))
            || (suffix is "x" or "X" && !decor.HasFlag(NumberDecor.Times)))
        {
            return false;
        }

        return decimal.TryParse(m.Groups["num"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static bool HasFractionPart(string raw) => raw.Contains('.', StringComparison.Ordinal) || raw.Contains('e', StringComparison.OrdinalIgnoreCase);

    private static string Why(string text) =>
        Range().IsMatch(text) ? "a range"
        : Thousands().IsMatch(text) ? "thousands separators"
        : "not a number";

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [GeneratedRegex(@"^\s*(?<dollar>\$\s*)?(?<num>[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?<suffix>%|x|X)?\s*$")]
    private static partial Regex Decorated();

    [GeneratedRegex(@"\d\s*(?:-|–|—|~|to)\s*[$]?\d")]
    private static partial Regex Range();

    [GeneratedRegex(@"\d,\d{3}")]
    private static partial Regex Thousands();
}

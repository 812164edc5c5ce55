using System.Globalization;
using System.Text.RegularExpressions;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>How one kind of scalar is read from its YAML text, and what is allowed, in words.</summary>
internal sealed class Scalar<T>(string allowed, Func<string, (bool Ok, T Value)> parse)
{
    public string Allowed { get; } = allowed;

    public bool TryParse(string text, out T value)
    {
        (var ok, value) = parse(text);
        return ok;
    }

    /// <summary>The same kind with an extra condition (the description replaces <see cref="Allowed"/>).</summary>
    public Scalar<T> Where(Func<T, bool> condition, string allowedText) =>
        new(allowedText, text => TryParse(text, out var v) && condition(v) ? (true, v) : (false, default!));
}

/// <summary>The scalar kinds of the configuration document.</summary>
internal static partial class Scalars
{
    public static Scalar<bool> Bool { get; } = new(
        "true or false",
        text => text.ToLowerInvariant() switch
        {
            "true" => (true, true),
            "false" => (true, false),
            _ => (false, false),
        });

    public static Scalar<string> Text { get; } = new(
        "a non-empty text",
        text => text.Trim().Length > 0 ? (true, text) : (false, ""));

    public static Scalar<string> Path { get; } = new(
        "a file or directory path",
        text => text.Trim().Length > 0 && text.IndexOfAny(System.IO.Path.GetInvalidPathChars()) < 0 ? (true, text) : (false, ""));

    public static Scalar<string> TraderId { get; } = new(
        "1 to 32 characters: lowercase letters, digits, '-' and '_', starting with a letter or digit",
        text => TraderIdPattern().IsMatch(text) ? (true, text) : (false, ""));

    public static Scalar<string> Coin { get; } = new(
        "a coin name of letters and digits, e.g. BTC",
        text => CoinPattern().IsMatch(text) ? (true, text) : (false, ""));

    public static Scalar<string> Address { get; } = new(
        "an address: 0x followed by 40 hex digits",
        text => AddressPattern().IsMatch(text) ? (true, text.ToLowerInvariant()) : (false, ""));

    /// <summary>An environment-variable name that does not look like a pasted secret.</summary>
    public static Scalar<string> EnvName { get; } = new(
        "the NAME of an environment variable (letters, digits and '_', not starting with a digit), never the secret itself",
        text => EnvNamePattern().IsMatch(text) && !SecretText.LooksLikeSecret(text) ? (true, text) : (false, ""));

    public static Scalar<Uri> HttpUrl { get; } = new(
        "an absolute http:// or https:// URL",
        text => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? (true, uri)
            : (false, null!));

    public static Scalar<DateTimeOffset> UtcTime { get; } = new(
        "a UTC date (2025-10-01) or date and time (2025-10-01T12:00:00Z)",
        ParseUtcTime);

    public static Scalar<decimal> Probability { get; } = Number(0m, 1m, "a probability from 0 to 1 (0.05 = 5 %)");

    public static Scalar<int> Int(int min, int max) => new(
        max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"an integer >= {min}")
            : string.Create(CultureInfo.InvariantCulture, $"an integer from {min} to {max}"),
        text => int.TryParse(StripUnderscores(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (true, v)
            : (false, 0));

    /// <summary>A decimal in [min, max].</summary>
    public static Scalar<decimal> Number(decimal min, decimal max, string allowed) => new(
        allowed,
        text => TryDecimal(text, out var v) && v >= min && v <= max ? (true, v) : (false, 0m));

    /// <summary>A decimal &gt; 0 (and ≤ max).</summary>
    public static Scalar<decimal> Positive(decimal max, string allowed) => new(
        allowed,
        text => TryDecimal(text, out var v) && v > 0m && v <= max ? (true, v) : (false, 0m));

    public static Scalar<TimeSpan> Duration(TimeSpan min, TimeSpan max) => new(
        string.Create(CultureInfo.InvariantCulture, $"{DurationText.Allowed}, from {DurationText.Format(min)} to {DurationText.Format(max)}"),
        text => DurationText.TryParse(text, out var v) && v >= min && v <= max ? (true, v) : (false, TimeSpan.Zero));

    /// <summary>One of a fixed set of lowercase names.</summary>
    public static Scalar<TEnum> Enum<TEnum>(params (string Name, TEnum Value)[] names) => new(
        "one of: " + string.Join(" | ", names.Select(n => n.Name)),
        text => names.FirstOrDefault(n => n.Name == text) is { Name: not null } hit ? (true, hit.Value) : (false, default!));

    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(
            StripUnderscores(text),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture,
            out value);

    /// <summary>Digit-group underscores (<c>15_000_000</c>) are accepted; commas never are.</summary>
    private static string StripUnderscores(string text) =>
        DigitGroupPattern().IsMatch(text) ? text.Replace("_", "", StringComparison.Ordinal) : text;

    private static (bool, DateTimeOffset) ParseUtcTime(string text)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var date))
        {
            return (true, date);
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss'Z'"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out var time)
            ? (true, time.ToUniversalTime())
            : (false, default);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex TraderIdPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$")]
    private static partial Regex CoinPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex EnvNamePattern();

    [GeneratedRegex(@"^[+-]?\d+(_\d+)+(\.\d+)?$")]
    private static partial Regex DigitGroupPattern();
}

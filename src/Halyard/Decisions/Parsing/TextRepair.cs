using System.Text;
using System.Text.RegularExpressions;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// Text repairs tried, in order, on a JSON span that does not parse as it is. Each keeps the meaning:
/// punctuation is mapped to its ASCII twin, and a value that is not a JSON value (a range, a number with
/// thousands separators, a bare word) is put in quotes so that the field reader can reject or read it
/// on its own, without the whole list being lost. Nothing here guesses a number.
/// </summary>
internal static partial class TextRepair
{
    /// <summary>
    /// Maps curly and full-width quotes and punctuation to ASCII, one UTF-16 unit for one, so offsets
    /// are unchanged: “ ” „ ‟ ＂ → ", ‘ ’ ‚ ‛ → ', ， → ',', ： → ':', ［ ］ ｛ ｝ → [ ] { }.
    /// </summary>
    public static string NormalizePunctuation(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\uFF02' => '"',
                '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',
                '\uFF0C' => ',',
                '\uFF1A' => ':',
                '\uFF3B' => '[',
                '\uFF3D' => ']',
                '\uFF5B' => '{',
                '\uFF5D' => '}',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    /// <summary>Replaces unpaired UTF-16 surrogates (e.g. a reply cut inside an emoji) with U+FFFD, one for one.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                chars ??= text.ToCharArray();
                chars[i] = '\uFFFD';
            }
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>
    /// Quotes bare object keys and every value token that is not valid JSON (ranges, thousands
    /// separators, percentages, currency signs, NaN/Infinity, bare words). Returns the input unchanged
    /// when nothing needed quoting.
    /// </summary>
    public static string QuoteBareTokens(string json, ICollection<string> repairs)
    {
        var sb = new StringBuilder(json.Length + 16);
        var containers = new Stack<char>();
        var expectValue = false;
        var expectKey = false;
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '"')
            {
                var close = SkipString(json, i);
                sb.Append(json, i, close - i);
                i = close;
                expectValue = false;
                expectKey = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '{':
                    containers.Push('{');
                    expectKey = true;
                    expectValue = false;
                    sb.Append(c);
                    i++;
                    continue;
                case '[':
                    containers.Push('[');
                    expectValue = true;
                    expectKey = false;
                    sb.Append(c);
                    i++;
                    continue;
                case '}' or ']':
                    if (containers.Count > 0)
                    {
                        containers.Pop();
                    }

                    expectKey = expectValue = false;
                    sb.Append(c);
                    i++;
                    continue;
                case ':':
                    expectValue = true;
                    expectKey = false;
                    sb.Append(c);
                    i++;
                    continue;
                case ',':
                    var inArray = containers.Count > 0 && containers.Peek() == '[';
                    expectValue = inArray;
                    expectKey = !inArray;
                    sb.Append(c);
                    i++;
                    continue;
            }

            if (expectKey && BareKey().Match(json, i) is { Success: true } key)
            {
                repairs.Add($"quoted bare key '{key.Groups[1].Value}'");
                sb.Append('"').Append(key.Groups[1].Value).Append('"');
                i += key.Groups[1].Length;
                expectKey = false;
                continue;
            }

            if (expectValue)
            {
                var inObject = containers.Count > 0 && containers.Peek() == '{';
                var token = BareValue(json, i, inObject);
                if (token is not null)
                {
                    repairs.Add($"quoted non-JSON value '{token}' so it is judged as a field");
                    sb.Append('"').Append(token.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    i += token.Length;
                    expectValue = false;
                    continue;
                }
            }

            expectKey = expectValue = false;
            sb.Append(c);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>The bare token at <paramref name="i"/> when it is not a valid JSON value, else null.</summary>
    private static string? BareValue(string json, int i, bool inObject)
    {
        if (inObject && Thousands().Match(json, i) is { Success: true } t)
        {
            return t.Value;
        }

        foreach (var regex in new[] { Range(), Decorated(), Word() })
        {
            if (regex.Match(json, i) is { Success: true } m && m.Index == i && !IsJsonLiteral(m.Value))
            {
                return m.Value.TrimEnd();
            }
        }

        return null;
    }

    private static bool IsJsonLiteral(string token) =>
        token is "true" or "false" or "null" || PlainNumber().IsMatch(token);

    private static int SkipString(string json, int open)
    {
        for (var i = open + 1; i < json.Length; i++)
        {
            if (json[i] == '\\')
            {
                i++;
            }
            else if (json[i] == '"')
            {
                return i + 1;
            }
        }

        return json.Length;
    }

    [GeneratedRegex(@"\G([A-Za-z_][A-Za-z0-9_]*)(?=\s*:)")]
    private static partial Regex BareKey();

    [GeneratedRegex(@"\G-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\s*(?:[,}\]\r\n]|$))")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\G[$~≈]?\s*-?\d+(?:\.\d+)?\s*(?:-|–|—|~|to)\s*[$]?-?\d+(?:\.\d+)?\s*%?(?=\s*(?:[,}\]\r\n]|$))")]
    private static partial Regex Range();

    [GeneratedRegex(@"\G(?:[$~≈]\s*-?\d+(?:\.\d+)?|-?\d+(?:\.\d+)?\s*(?:%|x|X|usd|USD|USDT|USDC))(?=\s*(?:[,}\]\r\n]|$))")]
    private static partial Regex Decorated();

    [GeneratedRegex(@"\G-?[A-Za-z_][A-Za-z0-9_\-]*(?=\s*(?:[,}\]\r\n]|$))")]
    private static partial Regex Word();

    [GeneratedRegex(@"^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$")]
    private static partial Regex PlainNumber();
}

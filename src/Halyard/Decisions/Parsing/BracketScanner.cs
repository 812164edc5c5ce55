using System.Text;
using System.Text.Json;

namespace Halyard.Decisions.Parsing;

/// <summary>A balanced JSON-looking span of the reply: <c>[Start, Start + Length)</c>.</summary>
internal readonly record struct JsonSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The string-aware bracket scanner. It finds the top-level balanced <c>{…}</c> / <c>[…]</c> spans of a
/// region; brackets inside JSON strings do not count. When a span never closes (or closes with the
/// wrong bracket) the scanner asks whether what it saw so far is a JSON prefix: if so, the reply holds
/// truncated or broken JSON and everything nested inside it is a fragment that is never taken on its
/// own (a partial list must not pass for the whole list); if not, the bracket was prose and the scan
/// goes on from the next character.
/// </summary>
internal static class BracketScanner
{
    private enum MatchStatus
    {
        Closed,
        Mismatch,
        Unclosed,
    }

    public static IReadOnlyList<JsonSpan> Scan(string text, int start, int end, ICollection<string> notes)
    {
        var spans = new List<JsonSpan>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c != '{' && c != '[')
            {
                i++;
                continue;
            }

            var (status, stop) = Match(text, i, end);
            switch (status)
            {
                case MatchStatus.Closed:
                    spans.Add(new JsonSpan(i, stop - i + 1));
                    i = stop + 1;
                    break;
                case MatchStatus.Unclosed when IsJsonPrefix(text, i, end):
                    notes.Add($"JSON starting at offset {i} is truncated (never closed)");
                    return spans;
                case MatchStatus.Mismatch when IsJsonPrefix(text, i, stop):
                    notes.Add($"JSON starting at offset {i} is broken: unexpected '{text[stop]}' at offset {stop}");
                    i = stop + 1;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return spans;
    }

    /// <summary>Follows brackets from <paramref name="open"/>; returns where the span closes or fails.</summary>
    private static (MatchStatus Status, int Position) Match(string text, int open, int end)
    {
        var stack = new Stack<char>();
        var inString = false;
        for (var i = open; i < end; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    stack.Push('}');
                    break;
                case '[':
                    stack.Push(']');
                    break;
                case '}' or ']':
                    if (stack.Pop() != c)
                    {
                        return (MatchStatus.Mismatch, i);
                    }

                    if (stack.Count == 0)
                    {
                        return (MatchStatus.Closed, i);
                    }

                    break;
            }
        }

        return (MatchStatus.Unclosed, end);
    }

    /// <summary>True when <c>text[start, stop)</c> reads as the beginning of a JSON value.</summary>
    internal static bool IsJsonPrefix(string text, int start, int stop)
    {
        var bytes = Encoding.UTF8.GetBytes(text.AsSpan(start, stop - start).ToString());
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 256,
        }));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

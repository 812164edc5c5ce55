using System.Text.Json;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// Turns one JSON-looking span into a detached <see cref="JsonElement"/>, trying in order: strict JSON;
/// trailing commas and comments allowed; bare tokens quoted; curly/full-width punctuation mapped to
/// ASCII. Every step after the first is recorded as a repair.
/// </summary>
internal static class CandidateReader
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64 };

    private static readonly JsonDocumentOptions Lenient = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static JsonElement? Read(string span, ICollection<string> repairs, out string? error)
    {
        error = null;
        if (TryParse(span, Strict, out var doc, out var strictError))
        {
            return doc;
        }

        if (TryParse(span, Lenient, out doc, out _))
        {
            repairs.Add("trailing commas or comments ignored");
            return doc;
        }

        var quotedRepairs = new List<string>();
        var quoted = TextRepair.QuoteBareTokens(span, quotedRepairs);
        if (quotedRepairs.Count > 0 && TryParse(quoted, Lenient, out doc, out _))
        {
            foreach (var r in quotedRepairs)
            {
                repairs.Add(r);
            }

            return doc;
        }

        var normalized = TextRepair.NormalizePunctuation(span);
        if (normalized != span)
        {
            if (TryParse(normalized, Lenient, out doc, out _))
            {
                repairs.Add("curly or full-width quotes/punctuation mapped to ASCII");
                return doc;
            }

            quotedRepairs.Clear();
            quoted = TextRepair.QuoteBareTokens(normalized, quotedRepairs);
            if (quotedRepairs.Count > 0 && TryParse(quoted, Lenient, out doc, out _))
            {
                repairs.Add("curly or full-width quotes/punctuation mapped to ASCII");
                foreach (var r in quotedRepairs)
                {
                    repairs.Add(r);
                }

                return doc;
            }
        }

        error = strictError;
        return null;
    }

    private static bool TryParse(string text, JsonDocumentOptions options, out JsonElement? root, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, options);
            root = doc.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            root = null;
            error = ex.Message;
            return false;
        }
    }
}

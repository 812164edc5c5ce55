using System.Text.RegularExpressions;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// JSON met in free text or in a code fence is taken only where a final answer stands: at the end of
/// the reply (at most <see cref="MaxTrailer"/> characters after it) and not introduced as an example
/// ("for example:", "something like:", "it should be like:"). Reasoning traces quote templates and
/// single-coin examples mid-thought; taking one of them as the decision list is the failure this
/// guards against. An XML-style tag (<c>&lt;decisions&gt;</c>) or a reply that is JSON as a whole is an
/// answer by construction; JSON under a "DECISIONS" heading is held to the same rule as free text.
/// </summary>
internal static partial class AnswerPosition
{
    public const int MaxTrailer = 120;

    private const int CueWindow = 80;

    public static bool IsFinal(string raw, int outerStart, int outerEnd, out string? why)
    {
        var trailer = raw.AsSpan(outerEnd).Trim();
        if (trailer.Length > MaxTrailer)
        {
            why = $"followed by {trailer.Length} more characters of text, so it is not the final answer";
            return false;
        }

        var from = Math.Max(0, outerStart - CueWindow);
        var lead = raw[from..outerStart];
        if (ExampleCue().IsMatch(lead))
        {
            why = "introduced as an example";
            return false;
        }

        why = null;
        return true;
    }

    [GeneratedRegex(@"(?:for example|e\.g\.|for instance|an example|something like|should (?:look|be) like|like this|template)[^\n]{0,30}[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleCue();
}

using System.Text.RegularExpressions;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// A part of the reply to search: <c>[Start, End)</c> is searched, <c>[OuterStart, OuterEnd)</c> (with
/// its tags, fence or heading) is what is removed from the reasoning when the decisions come from it.
/// <see cref="Explicit"/> is true for an XML-style tag, an answer marker by construction.
/// </summary>
internal readonly record struct Region(int Start, int End, int OuterStart, int OuterEnd, DecisionSource Source, bool Explicit = false);

/// <summary>
/// Finds where decisions may be, in order of preference: tagged blocks (<c>&lt;decisions&gt;</c>,
/// <c>&lt;json&gt;</c>, <c>&lt;answer&gt;</c>, <c>&lt;output&gt;</c>, or a markdown heading naming
/// "DECISIONS"), then fenced code blocks, then the whole reply. Reasoning inside
/// <c>&lt;think&gt;…&lt;/think&gt;</c> is never searched when an answer follows it.
/// </summary>
internal static partial class RegionLocator
{
    public static int AnswerStart(string text)
    {
        var close = text.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        return close < 0 ? 0 : close + "</think>".Length;
    }

    public static IReadOnlyList<Region> Tagged(string text, int from)
    {
        var regions = new List<Region>();
        foreach (Match m in Tag().Matches(text, from))
        {
            var body = m.Groups["body"];
            regions.Add(new Region(body.Index, body.Index + body.Length, m.Index, m.Index + m.Length, DecisionSource.Tagged, Explicit: true));
        }

        var headings = Heading().Matches(text, from).ToArray();
        foreach (var h in headings)
        {
            var bodyStart = h.Index + h.Length;
            var next = AnyHeading().Match(text, bodyStart);
            var bodyEnd = next.Success ? next.Index : text.Length;
            regions.Add(new Region(bodyStart, bodyEnd, h.Index, bodyEnd, DecisionSource.Tagged));
        }

        regions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return regions;
    }

    public static IReadOnlyList<Region> Fenced(string text, int from)
    {
        var regions = new List<Region>();
        var i = from;
        while (true)
        {
            var open = Fence().Match(text, i);
            if (!open.Success)
            {
                return regions;
            }

            var bodyStart = open.Index + open.Length;
            var close = text.IndexOf("```", bodyStart, StringComparison.Ordinal);
            var bodyEnd = close < 0 ? text.Length : close;
            var outerEnd = close < 0 ? text.Length : close + 3;
            regions.Add(new Region(bodyStart, bodyEnd, open.Index, outerEnd, DecisionSource.Fenced));
            i = outerEnd;
        }
    }

    [GeneratedRegex(@"<(?<tag>decisions|json|answer|output)>(?<body>.*?)(?:</\k<tag>>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]*[^\r\n]*\bDECISIONS\b[^\r\n]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]", RegexOptions.Multiline)]
    private static partial Regex AnyHeading();

    [GeneratedRegex(@"```[A-Za-z0-9_-]*[ \t]*\r?\n?")]
    private static partial Regex Fence();
}

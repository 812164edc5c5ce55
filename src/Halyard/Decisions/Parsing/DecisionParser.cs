using System.Text.Json;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// Reads the design's decision output contract from a model reply (docs/decision-makers.md, "Parsing").
/// Structured output arrives as the whole reply and is read first; otherwise tagged blocks, then fenced
/// blocks, then the whole reply are searched with the string-aware bracket scanner, and the last
/// decision container of the first place that has one is taken. Never throws on any input.
/// </summary>
public static class DecisionParser
{
    private const int MaxDiagnostics = 6;

    private sealed record Candidate(Region Region, JsonSpan Span, Shape Shape, IReadOnlyList<string> TextRepairs);

    public static ParseResult Parse(string? raw, ParseOptions? options = null)
    {
        var original = raw ?? string.Empty;
        var result = ParseText(TextRepair.ReplaceLoneSurrogates(original), options);
        return ReferenceEquals(result.Raw, original) ? result : result with { Raw = original };
    }

    private static ParseResult ParseText(string raw, ParseOptions? options)
    {
        options ??= ParseOptions.None;
        var diagnostics = new List<string>();
        var answerStart = RegionLocator.AnswerStart(raw);
        var whole = new Region(answerStart, raw.Length, answerStart, raw.Length, DecisionSource.WholeText);
        var groups = new[]
        {
            RegionLocator.Tagged(raw, answerStart),
            RegionLocator.Fenced(raw, answerStart),
            [whole],
        };

        foreach (var group in groups)
        {
            Candidate? chosen = null;
            foreach (var region in group)
            {
                chosen = LastContainer(raw, region, diagnostics) ?? chosen;
            }

            if (chosen is not null)
            {
                return Build(raw, chosen, options);
            }
        }

        var errors = new List<string> { "no decision JSON found" };
        errors.AddRange(diagnostics.Distinct(StringComparer.Ordinal).Take(MaxDiagnostics));
        return ParseResult.Failed(raw, raw.Trim(), errors);
    }

    private static Candidate? LastContainer(string raw, Region region, List<string> diagnostics)
    {
        var found = Scan(raw, raw, region, [], diagnostics);
        if (found is null)
        {
            var normalized = TextRepair.NormalizePunctuation(raw);
            if (!string.Equals(normalized, raw, StringComparison.Ordinal))
            {
                found = Scan(raw, normalized, region, ["curly or full-width quotes/punctuation mapped to ASCII"], diagnostics);
            }
        }

        return found;
    }

    private static Candidate? Scan(string raw, string text, Region region, IReadOnlyList<string> textRepairs, List<string> diagnostics)
    {
        Candidate? last = null;
        foreach (var span in BracketScanner.Scan(text, region.Start, region.End, diagnostics))
        {
            var repairs = new List<string>(textRepairs);
            var element = CandidateReader.Read(text.Substring(span.Start, span.Length), repairs, out var error);
            if (element is null)
            {
                diagnostics.Add($"JSON at offset {span.Start} does not parse: {error}");
                continue;
            }

            var wholeRegion = raw.AsSpan(region.Start, region.End - region.Start).Trim().Length == span.Length;
            if (!IsAnswer(raw, region, span, wholeRegion, out var why))
            {
                diagnostics.Add($"JSON at offset {span.Start} ignored: {why}");
                continue;
            }

            var shape = ShapeClassifier.Classify(element.Value, wholeRegion);
            if (shape.Kind == ShapeKind.NotDecisions)
            {
                diagnostics.Add($"JSON at offset {span.Start} ignored: {shape.Reason}");
                continue;
            }

            last = new Candidate(region, span, shape, repairs);
        }

        return last;
    }

    private static bool IsAnswer(string raw, Region region, JsonSpan span, bool wholeRegion, out string? why)
    {
        why = null;
        return region.Source switch
        {
            DecisionSource.Tagged when region.Explicit => true,
            DecisionSource.Fenced => AnswerPosition.IsFinal(raw, region.OuterStart, region.OuterEnd, out why),
            _ => wholeRegion || AnswerPosition.IsFinal(raw, span.Start, span.End, out why),
        };
    }

    private static ParseResult Build(string raw, Candidate chosen, ParseOptions options)
    {
        var region = chosen.Region;
        var isWhole = region.Source == DecisionSource.WholeText;
        var source = isWhole
            ? (raw.AsSpan(region.Start).Trim().Length == chosen.Span.Length ? DecisionSource.WholeText : DecisionSource.Scanned)
            : region.Source;
        var (cutStart, cutEnd) = isWhole ? (chosen.Span.Start, chosen.Span.End) : (region.OuterStart, region.OuterEnd);
        var cot = string.Concat(raw.AsSpan(0, cutStart), "\n", raw.AsSpan(cutEnd)).Trim();
        if (cot.Length == 0 && chosen.Shape.Cot is { } inner)
        {
            cot = inner;
        }

        var repairs = new List<string>(chosen.TextRepairs);
        repairs.AddRange(chosen.Shape.Repairs);
        if (chosen.Shape.Kind == ShapeKind.Ambiguous)
        {
            return new ParseResult(ParseOutcome.Failed, source, [], [$"ambiguous decisions: {chosen.Shape.Reason}"], repairs, cot, raw);
        }

        var errors = new List<string>();
        var decisions = new List<ParsedDecision>();
        for (var i = 0; i < chosen.Shape.Items.Count; i++)
        {
            var parsed = DecisionMapper.Map(chosen.Shape.Items[i], i, options, repairs, errors);
            if (parsed is null)
            {
                continue;
            }

            decisions.Add(parsed);
            errors.AddRange(parsed.Issues.Select(issue =>
                $"item {i} ({parsed.Decision.Symbol} {ActionReader.ToContract(parsed.Decision.Action)}): {issue}"));
        }

        if (chosen.Shape.Items.Count > 0 && decisions.Count == 0)
        {
            return new ParseResult(ParseOutcome.Failed, source, [], errors, repairs, cot, raw);
        }

        var outcome = repairs.Count == 0 ? ParseOutcome.Parsed : ParseOutcome.Repaired;
        return new ParseResult(outcome, source, decisions, errors, repairs, cot, raw);
    }
}

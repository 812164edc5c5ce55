using System.Globalization;
using System.Text.Json;
using Halyard.Decisions.Parsing;
using Xunit.Abstractions;

namespace Halyard.Tests.Decisions.Parsing;

/// <summary>The parser on all 236 real model replies, against the expected outcome of each (by inspection).</summary>
public class RealRepliesTests(ITestOutputHelper output)
{
    public sealed record Expected(int Index, ParseOutcome Outcome, int Decisions, int Valid, string Why);

    public static IReadOnlyList<string> Replies { get; } = LoadReplies();

    public static IReadOnlyList<Expected> ExpectedOutcomes { get; } = LoadExpected();

    [Fact]
    public void Fixture_Has236RepliesAndOneExpectationEach()
    {
        Assert.Equal(236, Replies.Count);
        Assert.Equal(Enumerable.Range(0, 236), ExpectedOutcomes.Select(e => e.Index));
    }

    [Fact]
    public void Parse_EachRealReply_MatchesItsExpectedOutcome()
    {
        var mismatches = new List<string>();
        foreach (var e in ExpectedOutcomes)
        {
            var r = DecisionParser.Parse(Replies[e.Index]);
            var valid = r.Decisions.Count(d => d.IsValid);
            if (r.Outcome != e.Outcome || r.Decisions.Count != e.Decisions || valid != e.Valid)
            {
                mismatches.Add($"#{e.Index}: expected {e.Outcome}/{e.Decisions}/{e.Valid} ({e.Why}), got {r.Outcome}/{r.Decisions.Count}/{valid}: {string.Join("; ", r.Errors)}");
            }

            Assert.Equal(Replies[e.Index], r.Raw);
            Assert.False(r.Outcome == ParseOutcome.Failed && r.Cot.Length == 0 && Replies[e.Index].Trim().Length > 0 && r.Source == DecisionSource.None);
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Parse_AllRealReplies_Totals()
    {
        var results = Replies.Select(r => DecisionParser.Parse(r)).ToArray();
        var parsed = results.Count(r => r.Outcome == ParseOutcome.Parsed);
        var repaired = results.Count(r => r.Outcome == ParseOutcome.Repaired);
        var failed = results.Count(r => r.Outcome == ParseOutcome.Failed);
        var retried = results.Count(r => r.NeedsRetry);
        output.WriteLine($"236 real replies: parsed {parsed}, repaired {repaired}, failed {failed}; would retry {retried}; " +
            $"decisions {results.Sum(r => r.Decisions.Count)}, valid {results.Sum(r => r.ValidDecisions.Count)}");

        Assert.Equal(ExpectedOutcomes.Count(e => e.Outcome == ParseOutcome.Repaired), repaired);
        Assert.Equal(ExpectedOutcomes.Count(e => e.Outcome == ParseOutcome.Failed), failed);
        Assert.Equal(ExpectedOutcomes.Count(e => e.Outcome == ParseOutcome.Failed || e.Valid < e.Decisions), retried);
    }

    private static IReadOnlyList<string> LoadReplies() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "llm", "trading_agent_raw_responses.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("raw").GetString() ?? string.Empty)
            .ToArray();

    private static IReadOnlyList<Expected> LoadExpected() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "llm", "expected_outcomes.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(f => new Expected(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                Enum.Parse<ParseOutcome>(f[1]),
                int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture),
                f[4]))
            .ToArray();
}

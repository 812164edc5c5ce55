using CsCheck;
using Halyard.Decisions.Parsing;

namespace Halyard.Tests.Decisions.Parsing;

/// <summary>
/// Mutations of the 236 real replies (truncation, inserted noise, quote swaps, numeric arrays, deleted
/// brackets): parsing never throws and never yields a decision that breaks the contract.
/// </summary>
public class DecisionParserPropertyTests
{
    private static readonly string[] Noise =
    [
        "[1.5, 2.25, -3.75, 4]", "{", "}", "[", "]", "\"", "“", "”", "，", "：", "［", "｝", "```json\n", "```",
        "<decisions>", "</decisions>", "60-70", "6,000", "NaN", "\\", "{\"symbol\":", "\"action\":\"buy\"", "\n# TRADING DECISIONS\n",
        "[-1429.362, -1300.1, -1250.0]", "</think>", "null", "{}", "[]", "\uD83D", "1e999", "\"confidence\": 0.",
    ];

    private static readonly Gen<string> Reply = Gen.Int[0, 235].Select(i => RealRepliesTests.Replies[i]);

    private static readonly Gen<string> Mutated = Gen.OneOf(
        Reply.SelectMany(r => Gen.Int[0, r.Length].Select(n => r[..n])),
        Reply.SelectMany(r => Gen.Select(Gen.Int[0, r.Length], Gen.Int[0, Noise.Length - 1]).Select(t => r.Insert(t.Item1, Noise[t.Item2]))),
        Reply.SelectMany(r => Gen.Int[0, 1].Select(k => k == 0 ? r.Replace('"', '“') : r.Replace("\"", "”", StringComparison.Ordinal))),
        Reply.SelectMany(r => Gen.Int[0, r.Length].Select(i => r.Insert(i, " [0.12, -3.4, 5e3, 7] "))),
        Reply.SelectMany(r => Gen.Int[0, 10_000].Select(seed => DeleteBrackets(r, seed))),
        Reply.SelectMany(r => Gen.Int[0, r.Length].SelectMany(i => Gen.Int[0, 40].Select(n => r.Remove(i, Math.Min(n, r.Length - i))))));

    [Fact]
    public void Parse_MutatedRealReplies_NeverThrowsAndKeepsTheContract() =>
        Mutated.Sample(AssertContract, iter: 3000, seed: "0N0XIzNsQ0O2", threads: 1);

    [Fact]
    public void Parse_NumericArraysAlone_NeverYieldDecisions() =>
        Gen.Double[-1e6, 1e6].Array[0, 30].Sample(
            values =>
            {
                var raw = "[" + string.Join(", ", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]";
                var r = DecisionParser.Parse(raw);
                Assert.Empty(r.Decisions);
            },
            iter: 500,
            seed: "0N0XIzNsQ0O2",
            threads: 1);

    internal static void AssertContract(string raw)
    {
        var r = DecisionParser.Parse(raw);

        Assert.Equal(raw, r.Raw);
        Assert.NotNull(r.Cot);
        if (r.Outcome == ParseOutcome.Failed)
        {
            Assert.Empty(r.Decisions);
            Assert.NotEmpty(r.Errors);
        }

        foreach (var p in r.Decisions)
        {
            var d = p.Decision;
            Assert.True(Enum.IsDefined(d.Action));
            Assert.False(string.IsNullOrWhiteSpace(d.Symbol));
            Assert.Contains(d.Symbol, raw, StringComparison.OrdinalIgnoreCase);
            Assert.True(d.Confidence is null or >= 0 and <= 100);
            Assert.True(d.Leverage is null or >= 1);
            Assert.True(d.PositionSizeUsd is null or > 0m);
            Assert.True(d.StopLoss is null or > 0m);
            Assert.True(d.TakeProfit is null or > 0m);
            Assert.True(d.EntryPrice is null or > 0m);
            Assert.True(d.RiskUsd is null or >= 0m);
            if (p.IsValid && d.IsOpen)
            {
                Assert.NotNull(d.Leverage);
                Assert.NotNull(d.PositionSizeUsd);
                Assert.NotNull(d.StopLoss);
                Assert.NotNull(d.TakeProfit);
            }
        }
    }

    private static string DeleteBrackets(string text, int seed)
    {
        var random = new Random(seed);
        var chars = text.Where(c => !("{}[]".Contains(c, StringComparison.Ordinal) && random.Next(4) == 0));
        return new string(chars.ToArray());
    }
}

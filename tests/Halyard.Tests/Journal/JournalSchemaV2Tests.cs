using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

/// <summary>
/// Schema 2's compact storage (plans when they change, market digest rows, repeated reasoning by index): what is
/// written is smaller, what is read is the record as written in schema 1, and schema 1 lines still read.
/// </summary>
public sealed partial class JournalSchemaV2Tests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly PlanRecord Plan = new()
    {
        Symbol = "SOL", Reasoning = "breakout above the range", InvalidationCondition = "4h close back inside", StopLoss = 140.50m,
        TakeProfit = 170.0m, OpenedCycle = 1, OpenedAt = JournalSamples.Start, Adds = 0,
    };

    private static DecisionCycleRecord WithPlans(long cycle, params PlanRecord[] plans) =>
        JournalSamples.Record(cycle) with { Plans = plans.Length == 0 ? null : plans };

    [Fact]
    public void Jsonl_UnchangedPlans_AreWrittenOnceAndReadBackOnEveryRecord()
    {
        var path = _dir.File("cycles.jsonl");
        var written = Enumerable.Range(1, 40).Select(c => WithPlans(c, Plan with { })).ToList();
        using (var journal = JsonlJournal.Open(path))
        {
            written.ForEach(journal.Append);
        }

        var lines = File.ReadAllLines(path);
        Assert.Contains("\"plans\":[", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains("\"plans_since\":1,", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain("\"plans\":", l, StringComparison.Ordinal));
        var read = JsonlJournal.Read(path);
        Assert.True(read.IsClean);
        Assert.Equal(written.Select(JournalJson.Serialize), read.Records.Select(JournalJson.Serialize));
    }

    [Fact]
    public void Jsonl_PlansThatChangeEndAndReturn_AreWrittenInFullEachTime()
    {
        var path = _dir.File("cycles.jsonl");
        var moved = Plan with { StopLoss = 150m };
        var rescaled = moved with { StopLoss = 150.00m };
        DecisionCycleRecord[] written =
        [
            WithPlans(1, Plan), WithPlans(2, Plan), WithPlans(3, moved), WithPlans(4, moved), WithPlans(5, rescaled),
            WithPlans(6), WithPlans(7, Plan), WithPlans(8, Plan, Plan with { Symbol = "ETH" }), WithPlans(9, Plan, Plan with { Symbol = "ETH" }),
        ];
        using (var journal = JsonlJournal.Open(path))
        {
            foreach (var record in written)
            {
                journal.Append(record);
            }
        }

        var since = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => r.TryGetProperty("plans_since", out var s) ? s.GetInt64() : (long?)null).ToArray();
        Assert.Equal(new long?[] { null, 1, null, 3, null, null, null, null, 8 }, since);
        Assert.Equal(written.Select(JournalJson.Serialize), JsonlJournal.Read(path).Records.Select(JournalJson.Serialize));
    }

    [Fact]
    public void Jsonl_ANewWriter_WritesTheUnchangedPlansInFullFirst()
    {
        var path = _dir.File("cycles.jsonl");
        using (var journal = JsonlJournal.Open(path))
        {
            journal.Append(WithPlans(1, Plan));
            journal.Append(WithPlans(2, Plan));
        }

        using (var journal = JsonlJournal.Open(path))
        {
            journal.Append(WithPlans(3, Plan));
            journal.Append(WithPlans(4, Plan));
        }

        var lines = File.ReadAllLines(path);
        Assert.Contains("\"plans\":[", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"plans_since\":3,", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RunFolder_ReadLastAWindowAfterTheFullPlans_StillGetsThePlans(bool indexCopiesRecords)
    {
        var options = new JournalOptions(FsyncEachRecord: false, IndexCopiesRecords: indexCopiesRecords);
        using (var journal = CompositeJournal.OpenRunFolder(_dir.Path, options))
        {
            for (var c = 1; c <= 300; c++)
            {
                journal.Append(WithPlans(c, Plan) with { TraderId = "t01" });
                journal.Append(WithPlans(c) with { TraderId = "t02" });
            }
        }

        using var reopened = CompositeJournal.OpenRunFolder(_dir.Path, options);
        var last = reopened.ReadLast("t01", 5);
        Assert.Equal([296L, 297, 298, 299, 300], last.Select(r => r.Cycle));
        Assert.All(last, r => Assert.Equal(Plan, Assert.Single(r.Plans!)));
        Assert.All(last, r => Assert.Null(r.PlansSince));
        Assert.All(reopened.ReadAll().Records.Where(r => r.TraderId == "t01"), r => Assert.Equal(Plan, Assert.Single(r.Plans!)));
        Assert.All(reopened.ReadLast("t02", 3), r => Assert.Null(r.Plans));
    }

    [Fact]
    public void Read_AReferenceToAnUnreadableRecord_LeavesThePlansNullAndTheReference()
    {
        var path = _dir.File("cycles.jsonl");
        using (var journal = JsonlJournal.Open(path))
        {
            journal.Append(WithPlans(1, Plan));
            journal.Append(WithPlans(2, Plan));
        }

        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, ["{not json", lines[1]]);

        var read = JsonlJournal.Read(path);
        var record = Assert.Single(read.Records);
        Assert.Null(record.Plans);
        Assert.Equal(1, record.PlansSince);
        Assert.Single(read.Problems);
    }

    [Fact]
    public void MarketDigest_IsWrittenAsRowsAndReadBack()
    {
        var record = JournalSamples.Record(2);
        var json = JournalJson.Serialize(record);

        Assert.Contains("\"market_snap_digest\":[[\"BTC\",64000.5,0.35,-1.2,0.0000125,25000.1],[\"DOGE\",0.15,null,null,-0.00001,1000000]]", json, StringComparison.Ordinal);
        Assert.Equal(json, JournalJson.Serialize(JournalJson.Deserialize(json)));
    }

    [Theory]
    [InlineData("[\"BTC\",1,2,3,4]")]
    [InlineData("[\"BTC\",1,2,3,4,5,6]")]
    [InlineData("[\"BTC\",\"1\",2,3,4,5]")]
    [InlineData("[1,1,2,3,4,5]")]
    [InlineData("{\"coin\":\"BTC\",\"price\":1}")]
    [InlineData("\"BTC\"")]
    [InlineData("null")]
    public void MarketDigest_MalformedEntry_MakesTheLineUnreadable(string entry)
    {
        var json = JournalJson.Serialize(JournalSamples.Record(2));
        var broken = MarketDigestPattern().Replace(json, "\"market_snap_digest\":[" + entry + "]");

        Assert.NotEqual(json, broken);
        Assert.Throws<JsonException>(() => JournalJson.Deserialize(broken));
    }

    [Fact]
    public void Decisions_RepeatedReasoning_IsWrittenOnceAndReadBackOnEachDecision()
    {
        const string Budget = "budget: 1 new open(s) allowed this cycle, already used";
        var record = JournalSamples.Record(3) with
        {
            Decisions =
            [
                new DecisionRecord { Symbol = "HYPE", Action = DecisionAction.OpenShort, Reasoning = "downtrend" },
                new DecisionRecord { Symbol = "AVAX", Action = DecisionAction.Wait, Reasoning = Budget },
                new DecisionRecord { Symbol = "ARB", Action = DecisionAction.Wait, Reasoning = Budget },
                new DecisionRecord { Symbol = "XRP", Action = DecisionAction.Hold, Reasoning = "downtrend" },
                new DecisionRecord { Symbol = "SOL", Action = DecisionAction.Wait },
                new DecisionRecord { Symbol = "BNB", Action = DecisionAction.Wait, Reasoning = Budget },
            ],
        };

        var json = JournalJson.Serialize(record);

        Assert.Equal(1, Regex.Count(json, Regex.Escape(Budget)));
        Assert.Contains("{\"symbol\":\"ARB\",\"action\":\"wait\",\"reasoning_of\":1}", json, StringComparison.Ordinal);
        Assert.Contains("{\"symbol\":\"XRP\",\"action\":\"hold\",\"reasoning_of\":0}", json, StringComparison.Ordinal);
        var read = JournalJson.Deserialize(json);
        Assert.Equal(record.Decisions.Select(d => d.Reasoning), read.Decisions.Select(d => d.Reasoning));
        Assert.All(read.Decisions, d => Assert.Null(d.ReasoningOf));
        Assert.Equal(json, JournalJson.Serialize(read));
    }

    [Theory]
    [InlineData("{\"symbol\":\"A\",\"action\":\"wait\",\"reasoning_of\":0}")]
    [InlineData("{\"symbol\":\"A\",\"action\":\"wait\",\"reasoning\":\"x\"},{\"symbol\":\"B\",\"action\":\"wait\",\"reasoning_of\":1}")]
    [InlineData("{\"symbol\":\"A\",\"action\":\"wait\"},{\"symbol\":\"B\",\"action\":\"wait\",\"reasoning_of\":0}")]
    [InlineData("{\"symbol\":\"A\",\"action\":\"wait\",\"reasoning\":\"x\"},{\"symbol\":\"B\",\"action\":\"wait\",\"reasoning\":\"y\",\"reasoning_of\":0}")]
    [InlineData("null")]
    public void Decisions_AReasoningIndexThatNamesNoEarlierText_MakesTheLineUnreadable(string decisions)
    {
        var json = JournalJson.Serialize(JournalSamples.Record(3) with { Decisions = [], Verdicts = [] });
        var list = decisions == "null" ? "null" : "[" + decisions + "]";
        var broken = json.Replace("\"parse_outcome\"", "\"decisions\":" + list + ",\"parse_outcome\"", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JournalJson.Deserialize(broken));
    }

    [Fact]
    public void SchemaOneLines_ReadAsBefore()
    {
        // A line as schema 1 wrote it: plans on every record, the digest as objects, every reasoning in full.
        const string V1 =
            "{\"schema_version\":1,\"timestamp\":\"2025-06-26T04:58:00+00:00\",\"trader_id\":\"t01\",\"cycle\":2,\"input_prompt_digest\":\"\"," +
            "\"parse_outcome\":\"not_asked\",\"decisions\":[{\"symbol\":\"AVAX\",\"action\":\"wait\",\"reasoning\":\"budget used\"}," +
            "{\"symbol\":\"ARB\",\"action\":\"wait\",\"reasoning\":\"budget used\"}],\"account_snapshot\":{\"account_value\":10000.0," +
            "\"total_margin_used\":0,\"total_notional_position\":0,\"withdrawable\":10000.0,\"time\":\"2025-06-26T04:55:00+00:00\"}," +
            "\"plans\":[{\"symbol\":\"HYPE\",\"reasoning\":\"downtrend\",\"invalidation_condition\":\"above EMA50\",\"stop_loss\":39.488," +
            "\"take_profit\":29.679,\"opened_cycle\":1,\"opened_at\":\"2025-06-26T04:55:00+00:00\",\"adds\":0}],\"candidates\":[\"BTC\"]," +
            "\"market_snap_digest\":[{\"coin\":\"BTC\",\"price\":107753.0,\"change1h_pct\":-0.0686,\"change4h_pct\":null,\"funding\":0.0000125," +
            "\"open_interest\":27156.44137,\"later_field\":[1]}],\"gating\":{\"paused_until\":null,\"safe_mode\":false,\"shadow\":false," +
            "\"consecutive_llm_failures\":0,\"opens_allowed\":true},\"success\":true,\"wall_clock\":{\"decision_ms\":1}}";
        var path = _dir.File("cycles.jsonl");
        File.WriteAllText(path, V1 + "\n" + V1.Replace("\"cycle\":2", "\"cycle\":3", StringComparison.Ordinal) + "\n");

        var read = JsonlJournal.Read(path);

        Assert.True(read.IsClean);
        Assert.All(read.Records, r =>
        {
            Assert.Equal(1, r.SchemaVersion);
            Assert.Equal(["budget used", "budget used"], r.Decisions.Select(d => d.Reasoning));
            Assert.Equal(new MarketDigestEntry("BTC", 107753.0m, -0.0686m, null, 0.0000125m, 27156.44137m), Assert.Single(r.MarketSnapDigest));
            var plan = Assert.Single(r.Plans!);
            Assert.Equal(("HYPE", 39.488m, 1L), (plan.Symbol, plan.StopLoss!.Value, plan.OpenedCycle));
        });
    }

    [Fact]
    public void EveryFieldTheSchemaDocPromises_IsWrittenAndReadBackThroughACompactingJournal()
    {
        // The decision log's table names every top-level field a reader may rely on; each must survive a run folder.
        var doc = File.ReadAllLines(RepoFile("docs", "decision-log.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("## The record", StringComparison.Ordinal));
        var promised = doc.Skip(start).TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => DocField().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("plans", promised);
        Assert.Contains("market_snap_digest", promised);

        var sample = JournalSamples.Record(2, withPrompt: true);
        var full = sample with
        {
            ErrorMessage = "partial",
            Plans = [Plan],
            Decisions = [.. sample.Decisions, new DecisionRecord { Symbol = "SOL", Action = DecisionAction.Wait, Reasoning = "trend" }],
        };
        using (var journal = CompositeJournal.OpenRunFolder(_dir.Path, new JournalOptions(FsyncEachRecord: false, KeepFullPrompt: true, IndexCopiesRecords: false)))
        {
            journal.Append(full with { Cycle = 1 });
            journal.Append(full);
        }

        var line = File.ReadAllLines(_dir.File(CompositeJournal.JsonlFileName))[0];
        using var written = JsonDocument.Parse(line);
        foreach (var field in promised)
        {
            Assert.True(written.RootElement.TryGetProperty(field, out _), $"the promised field {field} is not written");
        }

        using var reopened = CompositeJournal.OpenRunFolder(_dir.Path);
        var read = reopened.ReadAll().Records;
        Assert.Equal(JournalJson.Serialize(full), JournalJson.Serialize(read[1]));
        Assert.Equal(JournalJson.Serialize(full with { Cycle = 1 }), JournalJson.Serialize(read[0]));
        var record = Encoding.UTF8.GetString(JournalJson.SerializeLine(read[1]));
        Assert.Contains("\"reasoning_of\":0", record, StringComparison.Ordinal);
    }

    [Fact]
    public void LineBuffer_WritesTheBytesOfSerializeLine_RecordAfterRecord()
    {
        // The writers' reused buffer: a small record, one with a 100 KB prompt (the buffer grows, then is let go), a small one again.
        var buffer = new LineBuffer();
        DecisionCycleRecord[] records =
        [
            JournalSamples.Record(1), JournalSamples.Record(2, cotChars: 100_000, withPrompt: true), JournalSamples.Record(3), WithPlans(4, Plan),
        ];

        foreach (var record in records)
        {
            Assert.Equal(JournalJson.SerializeLine(record), buffer.Write(record).ToArray());
        }
    }

    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Halyard.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine([dir.FullName, .. parts]);
    }

    [GeneratedRegex("\"market_snap_digest\":\\[.*?\\]\\]")]
    private static partial Regex MarketDigestPattern();

    [GeneratedRegex("^\\| `([a-z_0-9]+)(?:\\[\\])?` \\|")]
    private static partial Regex DocField();
}

using System.Text.Json;
using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

public class JournalJsonTests
{
    [Fact]
    public void Serialize_FullRecord_RoundTripsToIdenticalJson()
    {
        var record = JournalSamples.Record(42, withPrompt: true);

        var json = JournalJson.Serialize(record);
        var back = JournalJson.Deserialize(json);

        Assert.Equal(json, JournalJson.Serialize(back));
        Assert.Equal(1500.50m, back.Decisions[0].PositionSizeUsd);
        Assert.Equal("1500.50", back.Decisions[0].PositionSizeUsd!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.0000125m, back.MarketSnapDigest[0].Funding);
        Assert.Equal(record.Timestamp, back.Timestamp);
        Assert.Equal(record.CotTrace, back.CotTrace);
        Assert.Equal(record.RawOutput, back.RawOutput);
    }

    [Fact]
    public void Serialize_NullOptionalFields_AreLeftOutAndReadBackAsNull()
    {
        var record = JournalSamples.Record(3) with { CotTrace = null, RawOutput = null, InputPrompt = null, ErrorMessage = null, TokenUsage = null };
        var wait = new DecisionRecord { Symbol = "ETH", Action = DecisionAction.Wait, Reasoning = "no setup" };
        record = record with { Decisions = [.. record.Decisions, wait] };

        var json = JournalJson.Serialize(record);
        var back = JournalJson.Deserialize(json);

        Assert.DoesNotContain("\"cot_trace\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"error_message\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token_usage\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"symbol\":\"ETH\",\"action\":\"wait\",\"reasoning\":\"no setup\"}", json, StringComparison.Ordinal);
        Assert.Null(back.CotTrace);
        Assert.Null(back.TokenUsage);
        Assert.Null(back.Decisions[^1].Leverage);
        Assert.Equal(record.Decisions[^1], back.Decisions[^1]);
        Assert.Equal(json, JournalJson.Serialize(back));
    }

    [Fact]
    public void Deserialize_LineWithExplicitNulls_StillReads()
    {
        // Lines written before nulls were left out carry them explicitly.
        var json = JournalJson.Serialize(JournalSamples.Record(4) with { CotTrace = null });
        var withNulls = json.Replace("\"parse_outcome\"", "\"cot_trace\":null,\"raw_output\":null,\"parse_outcome\"", StringComparison.Ordinal);

        Assert.Null(JournalJson.Deserialize(withNulls).CotTrace);
    }

    [Fact]
    public void Serialize_FullRecord_UsesSnakeCaseNamesAndEnumStrings()
    {
        // Every optional field set (a null one is left out: Serialize_NullOptionalFields_AreLeftOutAndReadBackAsNull).
        var sample = JournalSamples.Record(1, withPrompt: true);
        var full = sample with
        {
            ErrorMessage = "partial",
            Actions = [sample.Actions[0] with { Qty = 1m, Price = 2m, OrderId = 3, Cloid = "0x" + new string('0', 32), ErrorClass = "temporary", ErrorDetail = "d", SuggestedSizeUsd = 4m }, .. sample.Actions.Skip(1)],
        };
        using var doc = JsonDocument.Parse(JournalJson.Serialize(full));
        var root = doc.RootElement;

        string[] expected =
        [
            "schema_version", "timestamp", "trader_id", "cycle", "input_prompt_digest", "input_prompt", "cot_trace", "raw_output",
            "parse_outcome", "decisions", "verdicts", "account_snapshot", "positions_snapshot", "candidates", "market_snap_digest",
            "actions", "token_usage", "gating", "success", "error_message", "wall_clock",
        ];
        Assert.Equal(expected, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open_long", root.GetProperty("decisions")[0].GetProperty("action").GetString());
        Assert.Equal("rejected", root.GetProperty("verdicts")[1].GetProperty("verdict").GetString());
        string[] actionFields =
            ["symbol", "action", "qty", "price", "order_id", "cloid", "result", "error_class", "error_detail", "attempts", "suggested_size_usd", "latency_ms"];
        Assert.Equal(actionFields, root.GetProperty("actions")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("invalid_param", root.GetProperty("actions")[2].GetProperty("error_class").GetString());
        Assert.Equal(6, root.GetProperty("market_snap_digest")[0].GetArrayLength());
        Assert.True(root.GetProperty("wall_clock").TryGetProperty("cycle_overhead_ms", out _));
    }

    [Fact]
    public void SerializeLine_Record_IsOneLineEndingInNewline()
    {
        var line = JournalJson.SerializeLine(JournalSamples.Record(3, cotChars: 500));

        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
    }

    [Fact]
    public void WithoutWallClock_RecordsDifferingOnlyInWallClock_GiveEqualDeterministicLines()
    {
        var a = JournalSamples.Record(5);
        var b = a with
        {
            WallClock = new WallClockRecord { RecordedAt = a.Timestamp.AddHours(1), DecisionMs = 9_999, CycleOverheadMs = 1 },
            Actions = [.. a.Actions.Select(x => x with { LatencyMs = x.LatencyMs * 3 + 1 })],
        };

        Assert.NotEqual(JournalJson.Serialize(a), JournalJson.Serialize(b));
        Assert.Equal(JournalJson.DeterministicLine(a), JournalJson.DeterministicLine(b));
    }

    [Fact]
    public void WithoutWallClock_RecordsDifferingInADecision_GiveDifferentDeterministicLines()
    {
        var a = JournalSamples.Record(5);
        var b = a with { Decisions = [.. a.Decisions.Select((d, i) => i == 0 ? d with { Confidence = 81 } : d)] };

        Assert.NotEqual(JournalJson.DeterministicLine(a), JournalJson.DeterministicLine(b));
    }

    [Theory]
    [InlineData("{\"timestamp\":\"2025-03-01T00:00:00+00:00\",\"cycle\":1,\"success\":true}")]
    [InlineData("{\"timestamp\":\"2025-03-01T00:00:00+00:00\",\"trader_id\":null,\"cycle\":1,\"success\":true}")]
    [InlineData("{\"timestamp\":\"2025-03-01T00:00:00+00:00\",\"trader_id\":\"t01\",\"cycle\":\"1\",\"success\":true}")]
    [InlineData("{\"timestamp\":\"2025-03-01T00:00:00+00:00\",\"trader_id\":\"t01\",\"cycle\":1,\"success\":true")]
    public void Deserialize_IncompleteOrMistypedRecord_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => JournalJson.Deserialize(json));

    [Fact]
    public void DecisionRecord_FromAndTo_PreservesEveryField()
    {
        var decision = new TradingDecision("SOL", DecisionAction.CloseShort, 3, 100m, 150m, 160m, 120m, 75, 10m, "why", "if");

        Assert.Equal(decision, DecisionRecord.From(decision).ToDecision());
    }

    [Fact]
    public void PromptDigest_KnownText_IsSha256Hex() =>
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PromptDigest.Of("abc"));

    [Theory]
    [InlineData(Halyard.Domain.ErrorClass.InvalidParam, "invalid_param")]
    [InlineData(Halyard.Domain.ErrorClass.RateLimited, "rate_limited")]
    [InlineData(Halyard.Domain.ErrorClass.ExchangeDown, "exchange_down")]
    public void ErrorClassCodes_OfAndParse_RoundTrip(Halyard.Domain.ErrorClass errorClass, string code)
    {
        Assert.Equal(code, ErrorClassCodes.Of(errorClass));
        Assert.Equal(errorClass, ErrorClassCodes.Parse(code));
        Assert.Equal(errorClass, ErrorClassCodes.Parse(errorClass.ToString()));
    }

    [Fact]
    public void ErrorClassCodes_EveryDomainClass_HasACodeThatParsesBack()
    {
        foreach (var errorClass in Enum.GetValues<Halyard.Domain.ErrorClass>())
        {
            Assert.Equal(errorClass, ErrorClassCodes.Parse(ErrorClassCodes.Of(errorClass)));
        }
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("3")]
    [InlineData("")]
    public void ErrorClassCodes_ParseUnknown_ReturnsNull(string code) => Assert.Null(ErrorClassCodes.Parse(code));
}

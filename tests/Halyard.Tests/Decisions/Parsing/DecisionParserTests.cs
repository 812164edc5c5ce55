using Halyard.Decisions.Parsing;
using Halyard.Domain;

namespace Halyard.Tests.Decisions.Parsing;

public class DecisionParserTests
{
    private const string OpenBtc =
        """{"symbol":"BTC","action":"open_long","leverage":10,"position_size_usd":1000,"entry_price":100000,"stop_loss":98000,"take_profit":106000,"confidence":80,"risk_usd":20,"reasoning":"trend","invalidation_condition":"4h close below 97k"}""";

    [Fact]
    public void Parse_ContractArray_IsParsedWithoutRepairs()
    {
        var r = DecisionParser.Parse($"[{OpenBtc}]");

        Assert.Equal(ParseOutcome.Parsed, r.Outcome);
        Assert.Equal(DecisionSource.WholeText, r.Source);
        Assert.Empty(r.Repairs);
        Assert.Empty(r.Errors);
        var d = Assert.Single(r.ValidDecisions);
        Assert.Equal(new TradingDecision("BTC", DecisionAction.OpenLong, 10, 1000m, 100000m, 98000m, 106000m, 80, 20m, "trend", "4h close below 97k"), d);
    }

    [Fact]
    public void Parse_StructuredOutputWrapper_IsParsed()
    {
        var r = DecisionParser.Parse($$"""{"decisions":[{{OpenBtc}}]}""");

        Assert.Equal(ParseOutcome.Parsed, r.Outcome);
        Assert.Single(r.ValidDecisions);
    }

    [Fact]
    public void Parse_EmptyDecisionsList_IsParsedAsNoDecisions()
    {
        var r = DecisionParser.Parse("""{"decisions":[]}""");

        Assert.Equal(ParseOutcome.Parsed, r.Outcome);
        Assert.Empty(r.Decisions);
        Assert.False(r.NeedsRetry);
    }

    [Fact]
    public void Parse_TaggedBlock_WinsOverEarlierFenceAndKeepsReasoning()
    {
        var raw = $$"""
            I compared BTC and ETH. A template looks like
            ```json
            [{"symbol":"ETH","action":"hold"}]
            ```
            <decisions>[{{OpenBtc}}]</decisions>
            """;

        var r = DecisionParser.Parse(raw);

        Assert.Equal(DecisionSource.Tagged, r.Source);
        Assert.Equal("BTC", Assert.Single(r.ValidDecisions).Symbol);
        Assert.StartsWith("I compared BTC and ETH.", r.Cot, StringComparison.Ordinal);
        Assert.DoesNotContain("<decisions>", r.Cot, StringComparison.Ordinal);
        Assert.Equal(raw, r.Raw);
    }

    [Fact]
    public void Parse_FenceAtEnd_IsTaken()
    {
        var r = DecisionParser.Parse($"Reasoning first.\n```json\n[{OpenBtc}]\n```\n");

        Assert.Equal(DecisionSource.Fenced, r.Source);
        Assert.Single(r.ValidDecisions);
        Assert.Equal("Reasoning first.", r.Cot);
    }

    [Fact]
    public void Parse_MacdSeriesInReasoningBeforeTheAnswer_NumericArrayIsNeverTaken()
    {
        var raw = $"MACD series: [-12.5, -10.1, -7.75, -3.2]. RSI [31, 35, 40].\n[{OpenBtc}]";

        var r = DecisionParser.Parse(raw);

        Assert.Equal("BTC", Assert.Single(r.ValidDecisions).Symbol);
        Assert.Equal(DecisionSource.Scanned, r.Source);
    }

    [Fact]
    public void Parse_OnlyANumericArray_Fails()
    {
        var r = DecisionParser.Parse("MACD: [-1429.362, -1300.1, -1250.0]");

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
        Assert.Empty(r.Decisions);
        Assert.Contains(r.Errors, e => e.Contains("never a decision list", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BracketsInsideStrings_DoNotBreakTheScan()
    {
        var raw = """Thoughts. [{"symbol":"ETH","action":"hold","reasoning":"range [3900, 4100] holds; {not json} ]]"}]""";

        var r = DecisionParser.Parse(raw);

        var d = Assert.Single(r.ValidDecisions);
        Assert.Equal("range [3900, 4100] holds; {not json} ]]", d.Reasoning);
    }

    [Fact]
    public void Parse_LoneObject_IsAOneElementList()
    {
        var r = DecisionParser.Parse(OpenBtc);

        Assert.Equal(ParseOutcome.Repaired, r.Outcome);
        Assert.Single(r.ValidDecisions);
        Assert.Contains("lone object read as a one-element list", r.Repairs);
    }

    [Fact]
    public void Parse_CoinKeyedNof1Object_IsMapped()
    {
        var raw = """{"BTC":{"trade_signal_args":{"coin":"BTC","signal":"hold","quantity":0.1,"profit_target":118000,"stop_loss":110000,"leverage":10,"confidence":0.7}}}""";

        var r = DecisionParser.Parse(raw);

        var d = Assert.Single(r.ValidDecisions);
        Assert.Equal(new TradingDecision("BTC", DecisionAction.Hold, 10, null, null, 110000m, 118000m, 70), d);
        Assert.Equal(ParseOutcome.Repaired, r.Outcome);
    }

    [Fact]
    public void Parse_WrapperWhoseSingleDecisionDisagrees_FailsAsAmbiguous()
    {
        var raw = """{"trading_decision":{"action":"BUY","symbol":"ETH"},"trading_decisions":[{"action":"HOLD","symbol":"SOL"}]}""";

        var r = DecisionParser.Parse(raw);

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
        Assert.Contains(r.Errors, e => e.StartsWith("ambiguous decisions", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CurlyQuotesAndFullWidthPunctuation_AreRepaired()
    {
        var raw = "［｛“symbol”：“ETH”，“action”：“hold”，“confidence”：60｝］";

        var r = DecisionParser.Parse(raw);

        Assert.Equal(ParseOutcome.Repaired, r.Outcome);
        Assert.Equal(new TradingDecision("ETH", DecisionAction.Hold, Confidence: 60), Assert.Single(r.ValidDecisions));
    }

    [Fact]
    public void Parse_CurlyQuotesInsideAValidString_AreKeptVerbatim()
    {
        var r = DecisionParser.Parse("""[{"symbol":"ETH","action":"hold","reasoning":"the “retest” held"}]""");

        Assert.Equal(ParseOutcome.Parsed, r.Outcome);
        Assert.Equal("the “retest” held", Assert.Single(r.ValidDecisions).Reasoning);
    }

    [Theory]
    [InlineData("\"confidence\": 60-70", "confidence")]
    [InlineData("\"confidence\": \"60-70\"", "confidence")]
    [InlineData("\"position_size_usd\": 6,000", "position_size_usd")]
    [InlineData("\"position_size_usd\": \"6,000\"", "position_size_usd")]
    [InlineData("\"stop_loss\": \"97000 to 98000\"", "stop_loss")]
    [InlineData("\"leverage\": 10.5", "leverage")]
    [InlineData("\"take_profit\": NaN", "take_profit")]
    [InlineData("\"confidence\": 140", "confidence")]
    public void Parse_RangeOrSeparatorOrBadNumber_MakesTheDecisionInvalidAndKeepsTheOthers(string badField, string field)
    {
        var raw = $$"""[{{RemoveField(OpenBtc, field, badField)}}, {"symbol":"ETH","action":"hold"}]""";

        var r = DecisionParser.Parse(raw);

        Assert.NotEqual(ParseOutcome.Failed, r.Outcome);
        Assert.True(r.NeedsRetry);
        var btc = Assert.Single(r.Decisions, d => d.Decision.Symbol == "BTC");
        Assert.False(btc.IsValid);
        Assert.Contains(btc.Issues, i => i.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal("ETH", Assert.Single(r.ValidDecisions).Symbol);
    }

    [Theory]
    [InlineData("0.75", 75)]
    [InlineData("1.0", 100)]
    [InlineData("\"0.8\"", 80)]
    [InlineData("72.9", 72)]
    [InlineData("\"85%\"", 85)]
    [InlineData("1", 1)]
    public void Parse_ConfidenceForms_AreReadAsDocumented(string json, int expected)
    {
        var r = DecisionParser.Parse($$"""[{"symbol":"ETH","action":"hold","confidence":{{json}}}]""");

        Assert.Equal(expected, Assert.Single(r.ValidDecisions).Confidence);
    }

    [Theory]
    [InlineData("buy", DecisionAction.OpenLong)]
    [InlineData("LONG", DecisionAction.OpenLong)]
    [InlineData("sell_to_enter", DecisionAction.OpenShort)]
    [InlineData("Open Short", DecisionAction.OpenShort)]
    [InlineData("HOLD", DecisionAction.Hold)]
    [InlineData("no_trade", DecisionAction.Wait)]
    public void Parse_ActionSynonyms_AreMappedAsDocumented(string action, DecisionAction expected)
    {
        var r = DecisionParser.Parse($$"""[{"symbol":"ETH","action":"{{action}}"}]""");

        Assert.Equal(expected, Assert.Single(r.Decisions).Decision.Action);
        Assert.Equal(ParseOutcome.Repaired, r.Outcome);
    }

    [Fact]
    public void Parse_Sell_IsRejectedAsAmbiguous()
    {
        var r = DecisionParser.Parse("""[{"symbol":"ETH","action":"sell"},{"symbol":"BTC","action":"hold"}]""");

        Assert.Equal("BTC", Assert.Single(r.Decisions).Decision.Symbol);
        Assert.Contains(r.Errors, e => e.Contains("ambiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BareClose_UsesTheOpenPositionSide()
    {
        var options = new ParseOptions { PositionSides = new Dictionary<string, PositionSide> { ["SOL"] = PositionSide.Short } };

        var r = DecisionParser.Parse("""[{"coin":"SOL","signal":"close_position"}]""", options);

        Assert.Equal(DecisionAction.CloseShort, Assert.Single(r.ValidDecisions).Action);
    }

    [Fact]
    public void Parse_BareCloseWithoutPosition_IsDropped()
    {
        var r = DecisionParser.Parse("""[{"coin":"SOL","signal":"close_position"}]""");

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
        Assert.Contains(r.Errors, e => e.Contains("which side", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QuantityWithReferencePrice_BecomesUsdSize()
    {
        var options = new ParseOptions { ReferencePrices = new Dictionary<string, decimal> { ["SOL"] = 200m } };
        var raw = """[{"coin":"SOL","signal":"buy_to_enter","quantity":5,"leverage":5,"stop_loss":190,"profit_target":240,"confidence":0.7}]""";

        var r = DecisionParser.Parse(raw, options);

        Assert.Equal(1000m, Assert.Single(r.ValidDecisions).PositionSizeUsd);
    }

    [Fact]
    public void Parse_OpenWithoutStopLoss_IsFlaggedInvalid()
    {
        var r = DecisionParser.Parse("""[{"symbol":"BTC","action":"open_long","leverage":5,"position_size_usd":500,"take_profit":120000}]""");

        var d = Assert.Single(r.Decisions);
        Assert.False(d.IsValid);
        Assert.Contains("stop_loss is required for an open", d.Issues);
        Assert.Empty(r.ValidDecisions);
    }

    [Theory]
    [InlineData("BTC/USDT:USDT", "BTC")]
    [InlineData("eth", "ETH")]
    [InlineData("SOL-PERP", "SOL")]
    [InlineData("kPEPE", "kPEPE")]
    public void Parse_SymbolForms_AreNormalised(string symbol, string expected)
    {
        var r = DecisionParser.Parse($$"""[{"symbol":"{{symbol}}","action":"hold"}]""");

        Assert.Equal(expected, Assert.Single(r.ValidDecisions).Symbol);
    }

    [Fact]
    public void Parse_KnownSymbol_RestoresCanonicalCase()
    {
        var r = DecisionParser.Parse("""[{"symbol":"KPEPE","action":"hold"}]""", new ParseOptions { KnownSymbols = ["kPEPE"] });

        Assert.Equal("kPEPE", Assert.Single(r.ValidDecisions).Symbol);
    }

    [Fact]
    public void Parse_TruncatedList_FailsAndNeverTakesAFragment()
    {
        var raw = """Final: [{"symbol":"ETH","action":"hold"}, {"symbol":"BTC","action":"close_long"}, {"symbol":"SOL","act""";

        var r = DecisionParser.Parse(raw);

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
        Assert.Contains(r.Errors, e => e.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ExampleInMidReasoning_IsNotTaken()
    {
        var raw = """
            For ETH the output should be like:
            {"ETH": {"signal": "hold", "coin": "ETH"}}
            Similarly for the other five coins, using the values from the account information above, and then I will check
            the invalidation conditions again before writing the final answer for every position that I hold.
            """;

        var r = DecisionParser.Parse(raw);

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
    }

    [Fact]
    public void Parse_ThinkBlock_IsReasoningAndNotSearched()
    {
        var raw = """<think>maybe [{"symbol":"DOGE","action":"open_long"}]</think>[{"symbol":"ETH","action":"wait"}]""";

        var r = DecisionParser.Parse(raw);

        Assert.Equal("ETH", Assert.Single(r.ValidDecisions).Symbol);
        Assert.Contains("<think>", r.Cot, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingCommasAndBareKeys_AreRepaired()
    {
        var r = DecisionParser.Parse("""[{symbol: "ETH", action: hold, confidence: 65,},]""");

        Assert.Equal(ParseOutcome.Repaired, r.Outcome);
        Assert.Equal(new TradingDecision("ETH", DecisionAction.Hold, Confidence: 65), Assert.Single(r.ValidDecisions));
    }

    [Fact]
    public void Parse_NoJsonAtAll_FailsKeepingTheWholeReplyAsReasoning()
    {
        var r = DecisionParser.Parse("I will hold everything this cycle.");

        Assert.Equal(ParseOutcome.Failed, r.Outcome);
        Assert.Equal("I will hold everything this cycle.", r.Cot);
        Assert.True(r.NeedsRetry);
    }

    [Fact]
    public void Parse_LoneSurrogateInsideTheJson_IsReadAndTheRawIsKeptVerbatim()
    {
        var raw = "[{\"symbol\":\"ETH\",\"action\":\"hold\",\"reasoning\":\"cut emoji \uD83D\"}]";

        var r = DecisionParser.Parse(raw);

        Assert.Equal("cut emoji \uFFFD", Assert.Single(r.ValidDecisions).Reasoning);
        Assert.Same(raw, r.Raw);
    }

    [Fact]
    public void Parse_Null_FailsWithoutThrowing() =>
        Assert.Equal(ParseOutcome.Failed, DecisionParser.Parse(null).Outcome);

    private static string RemoveField(string json, string field, string replacement)
    {
        var start = json.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return json.Replace("{", "{" + replacement + ",", StringComparison.Ordinal);
        }

        var end = json.IndexOfAny([',', '}'], start);
        return string.Concat(json.AsSpan(0, start), replacement, json.AsSpan(end));
    }
}

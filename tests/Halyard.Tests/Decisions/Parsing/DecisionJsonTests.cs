using CsCheck;
using Halyard.Decisions.Parsing;
using Halyard.Domain;

namespace Halyard.Tests.Decisions.Parsing;

public class DecisionJsonTests
{
    private static readonly Gen<TradingDecision> Decision =
        Gen.Select(
            Gen.Select(Gen.OneOf("BTC", "ETH", "SOL", "kPEPE"), Gen.Enum<DecisionAction>()),
            Gen.Int[1, 50],
            Gen.Decimal[10m, 100_000m],
            Gen.Decimal[0.0001m, 200_000m],
            Gen.Int[0, 100],
            Gen.String[Gen.Char.AlphaNumeric, 0, 30])
        .Select((coin, leverage, size, price, confidence, text) =>
            new TradingDecision(coin.Item1, coin.Item2, leverage, decimal.Round(size, 2), price, price * 0.9m, price * 1.3m, confidence, decimal.Round(size / 50m, 2), text + " “quoted” [1, 2]", "{close below}"));

    [Fact]
    public void Serialize_ThenParse_IsParsedAndEqual() =>
        Decision.Array[0, 6].Sample(decisions =>
        {
            var r = DecisionParser.Parse(DecisionJson.Serialize(decisions), new ParseOptions { KnownSymbols = ["kPEPE"] });

            Assert.Equal(ParseOutcome.Parsed, r.Outcome);
            Assert.Equal(decisions, r.ValidDecisions);
        }, iter: 500, seed: "0N0XIzNsQ0O2", threads: 1);
}

using Halyard.Decisions.Parsing;
using Halyard.Domain;

namespace Halyard.Tests.Decisions.Parsing;

/// <summary>The partial-close and scale-in vocabulary of the tolerant parser.</summary>
public class ScaleSynonymTests
{
    private static readonly ParseOptions HoldingSolShort = new() { PositionSides = new Dictionary<string, PositionSide> { ["SOL"] = PositionSide.Short } };

    [Theory]
    [InlineData("reduce")]
    [InlineData("partial_close")]
    [InlineData("scale_out")]
    [InlineData("Partial Close")]
    [InlineData("trim")]
    public void Parse_PartialCloseSynonym_IsACloseOfTheHeldSideWithItsFraction(string action)
    {
        var r = DecisionParser.Parse($$"""[{"symbol":"SOL","action":"{{action}}","close_fraction":0.5}]""", HoldingSolShort);

        var d = Assert.Single(r.ValidDecisions);
        Assert.Equal((DecisionAction.CloseShort, 0.5m), (d.Action, d.CloseFraction));
    }

    [Fact]
    public void Parse_ClosePercent_IsReadAsAFraction()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"close_short","close_percent":"25%"}]""");

        Assert.Equal(0.25m, Assert.Single(r.ValidDecisions).CloseFraction);
        Assert.Contains(r.Repairs, x => x.Contains("close_fraction 0.25", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PartialCloseWithUsdSize_KeepsTheUsd()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"reduce","position_size_usd":400}]""", HoldingSolShort);

        var d = Assert.Single(r.ValidDecisions);
        Assert.Equal((DecisionAction.CloseShort, 400m, (decimal?)null), (d.Action, d.PositionSizeUsd, d.CloseFraction));
    }

    [Fact]
    public void Parse_PartialCloseWithoutSize_IsFlaggedAndNotExecuted()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"scale_out"}]""", HoldingSolShort);

        Assert.Empty(r.ValidDecisions);
        Assert.Contains(Assert.Single(r.Decisions).Issues, i => i.Contains("close_fraction", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OutOfRangeFraction_IsLeftToTheValidator()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"close_short","close_fraction":1.5}]""");

        Assert.Equal(1.5m, Assert.Single(r.ValidDecisions).CloseFraction);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("scale_in")]
    [InlineData("add_to_position")]
    public void Parse_AddSynonym_IsAnOpenOnTheHeldSide(string action)
    {
        var r = DecisionParser.Parse($$"""[{"symbol":"SOL","action":"{{action}}","leverage":5,"position_size_usd":500,"stop_loss":110,"take_profit":80,"confidence":80}]""", HoldingSolShort);

        Assert.Equal(DecisionAction.OpenShort, Assert.Single(r.ValidDecisions).Action);
    }

    [Fact]
    public void Parse_AddWithoutPositionOrSide_IsDropped()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"add","leverage":5,"position_size_usd":500,"stop_loss":110,"take_profit":80}]""");

        Assert.Empty(r.Decisions);
        Assert.Contains(r.Errors, e => e.Contains("which side to add", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CloseFractionOnAnOpen_IsIgnored()
    {
        var r = DecisionParser.Parse("""[{"symbol":"SOL","action":"open_long","leverage":5,"position_size_usd":500,"stop_loss":90,"take_profit":130,"confidence":80,"close_fraction":0.5}]""");

        Assert.Null(Assert.Single(r.ValidDecisions).CloseFraction);
    }
}

using Halyard.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Http;

public sealed class OutcomeRuleTests
{
    [Theory]
    [InlineData("/info", false)]
    [InlineData("/info/", false)]
    [InlineData("info", false)]
    [InlineData("/exchange", true)]
    [InlineData("/anything-else", true)]
    public void HasSideEffects_OnlyInfoIsReadOnly(string path, bool expected)
    {
        Assert.Equal(expected, OutcomeRule.HasSideEffects(path));
    }

    [Theory]
    [InlineData("/exchange", true, true)]
    [InlineData("/exchange", false, false)]
    [InlineData("/info", true, false)]
    [InlineData("/info", false, false)]
    public void IsOutcomeUnknown_OnlyWhenAnExchangeRequestMayHaveArrived(string path, bool mayHaveArrived, bool expected)
    {
        Assert.Equal(expected, OutcomeRule.IsOutcomeUnknown(path, mayHaveArrived));
    }
}

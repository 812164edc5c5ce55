using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.PaperExchange;
using static Halyard.Tests.PaperExchange.Conformance.ConformanceVenue;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>Each fault as the real client experiences it; the executed-but-unanswered one is settled by cloid.</summary>
public sealed class ConformanceFaultTests
{
    [Fact]
    public async Task Http5xx_ExchangeDownOutcomeUnknown_NothingExecuted()
    {
        var (error, executed) = await PlaceUnder(new EndpointFaultOptions(Http5xx: 1));
        Assert.Equal(ErrorClass.ExchangeDown, error.Class);
        Assert.True(error.OutcomeUnknown);
        Assert.False(executed);
    }

    [Fact]
    public async Task RateLimited_RetryAfterReachesTheClient()
    {
        var (error, executed) = await PlaceUnder(new EndpointFaultOptions(RateLimited: 1));
        Assert.Equal(ErrorClass.RateLimited, error.Class);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.False(executed);
    }

    [Fact]
    public async Task Timeout_TemporaryOutcomeUnknown_NothingExecuted()
    {
        var (error, executed) = await PlaceUnder(new EndpointFaultOptions(Timeout: 1));
        Assert.Equal(ErrorClass.Temporary, error.Class);
        Assert.True(error.OutcomeUnknown);
        Assert.False(executed);
    }

    [Fact]
    public async Task ResponseLost_OutcomeUnknown_TheOrderExistsByCloid()
    {
        var (error, executed) = await PlaceUnder(new EndpointFaultOptions(ResponseLost: 1));
        Assert.True(error.OutcomeUnknown);
        Assert.True(executed);
    }

    [Fact]
    public async Task ResponseLost_CostsTheClientItsTimeout_NotTheHang()
    {
        var faults = new FaultOptions { Exchange = new EndpointFaultOptions(ResponseLost: 1), TimeoutAfter = TimeSpan.FromSeconds(30) };
        using var venue = new ConformanceVenue(new PaperExchangeOptions { Faults = faults });
        var before = venue.Clock.GetUtcNow();

        var result = await venue.Client.NoopAsync(CancellationToken.None);

        Assert.True(result.Error!.OutcomeUnknown);
        Assert.Equal(TimeSpan.FromSeconds(10), venue.Clock.GetUtcNow() - before); // the client's default timeout, not the 30 s hang
    }

    [Fact]
    public async Task Malformed_UnknownOutcome_TheOrderExistsByCloid()
    {
        var (error, executed) = await PlaceUnder(new EndpointFaultOptions(Malformed: 1));
        Assert.Equal(ErrorClass.Unknown, error.Class);
        Assert.True(error.OutcomeUnknown);
        Assert.True(executed);
    }

    [Fact]
    public async Task Down_ExchangeDown()
    {
        var faults = new FaultOptions { DownAfter = TimeSpan.Zero, DownFor = TimeSpan.FromHours(1) };
        using var venue = new ConformanceVenue(new PaperExchangeOptions { Faults = faults });
        var result = await venue.Client.NoopAsync(CancellationToken.None);
        Assert.Equal(ErrorClass.ExchangeDown, result.Error!.Class);
    }

    /// <summary>Places one cloid-tagged resting order under a fault; then asks <c>orderStatus</c> by cloid (no fault on /info).</summary>
    private static async Task<(Halyard.Domain.Error Error, bool Executed)> PlaceUnder(EndpointFaultOptions exchange)
    {
        using var venue = new ConformanceVenue(new PaperExchangeOptions { Faults = new FaultOptions { Exchange = exchange } });
        var cloid = Cloid.Derive("conformance", "fault");
        var result = await venue.Client.PlaceOrdersAsync(Orders(Limit(0, true, "100000", "0.001", TimeInForce.Gtc, cloid: cloid)), CancellationToken.None);
        Assert.False(result.IsSuccess, result.ToString());

        // The client honours Retry-After on its own weight budget (on the same virtual clock): back off, then settle by cloid.
        venue.Clock.Advance(TimeSpan.FromSeconds(2));
        return (result.Error!, (await venue.StatusAsync(cloid)).Found);
    }
}

using Halyard.Journal;
using Halyard.Operations.Alerts;

namespace Halyard.Tests.Operations;

public class CycleAlertsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static DecisionCycleRecord Ok(long cycle) => new()
    {
        TraderId = "t01",
        Cycle = cycle,
        Timestamp = T0.AddMinutes(cycle * 3),
        Success = true,
        AccountSnapshot = new AccountRecord(10_000m, 0m, 0m, 10_000m, T0),
    };

    private static DecisionCycleRecord Down(long cycle) =>
        Ok(cycle) with { Success = false, AccountSnapshot = null, ErrorMessage = "clearinghouseState: exchange_down" };

    [Fact]
    public void Observe_VenueDownForThreeCycles_RaisesOneAlertAndOneWhenItIsBack()
    {
        var alerts = new CycleAlerts("/run");

        var raised = new[] { Ok(1), Down(2), Down(3), Down(4), Ok(5) }.SelectMany(alerts.Observe).ToArray();

        Assert.Equal(2, raised.Length);
        Assert.Equal((AlertKinds.VenueDown, "critical"), (raised[0].Kind, raised[0].Severity));
        Assert.Contains("cycle 2", raised[0].Message, StringComparison.Ordinal);
        Assert.Equal((AlertKinds.VenueDown, "resolved"), (raised[1].Kind, raised[1].Severity));
    }

    [Fact]
    public void Observe_CircuitBreakerTrip_RaisesOneCriticalAlert_AndAResumeRaisesNone()
    {
        var alerts = new CycleAlerts("/run");
        var trip = Ok(2) with { Actions = [new ActionRecord { Symbol = "", Action = "circuit_breaker", Result = "daily_loss", ErrorDetail = "equity 8900 is 11 % below" }] };
        var resume = Ok(3) with { Actions = [new ActionRecord { Symbol = "", Action = "circuit_breaker", Result = "resumed" }] };

        var raised = new[] { Ok(1), trip, resume, Ok(4) }.SelectMany(alerts.Observe).ToArray();

        var alert = Assert.Single(raised);
        Assert.Equal((AlertKinds.BreakerTripped, "critical"), (alert.Kind, alert.Severity));
        Assert.Contains("daily_loss", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_SafeMode_RaisesOnceWhenItIsEntered()
    {
        var alerts = new CycleAlerts("/run");
        var safe = Ok(2) with { Gating = new GatingRecord(null, true, false, 3, false) };

        var raised = new[] { Ok(1), safe, safe with { Cycle = 3 } }.SelectMany(alerts.Observe).ToArray();

        var alert = Assert.Single(raised);
        Assert.Equal(AlertKinds.SafeMode, alert.Kind);
        Assert.Contains("3 failed call(s)", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_AFailedCycleAfterASuccessfulOne_RaisesCycleFailed()
    {
        var alerts = new CycleAlerts("/run");
        var failed = Ok(2) with { Success = false, ErrorMessage = "internal error: boom" };

        var alert = Assert.Single(new[] { Ok(1), failed }.SelectMany(alerts.Observe));

        Assert.Equal(AlertKinds.CycleFailed, alert.Kind);
        Assert.Contains("boom", alert.Message, StringComparison.Ordinal);
    }
}

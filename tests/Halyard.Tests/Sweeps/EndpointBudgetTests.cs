using Halyard.Sweeps.Endpoints;

namespace Halyard.Tests.Sweeps;

public class EndpointBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Fact]
    public void TryAcquire_AtConcurrencyLimit_RefusesUntilALeaseIsReleased()
    {
        var budget = new EndpointBudget(new EndpointLimit("e", 2, null));
        var a = budget.TryAcquire(T0, Hold);
        var b = budget.TryAcquire(T0, Hold);

        var refused = budget.TryAcquire(T0, Hold);
        budget.Release(a.Lease!.Value);
        var granted = budget.TryAcquire(T0, Hold);

        Assert.True(b.Granted);
        Assert.Equal(new LeaseAnswer(null, null), refused);
        Assert.True(granted.Granted);
        Assert.Equal(2, budget.InFlight);
    }

    [Fact]
    public void TryAcquire_AtRateLimit_TellsWhenTheOldestStartLeavesTheMinute()
    {
        var budget = new EndpointBudget(new EndpointLimit("e", 10, 2));
        budget.Release(budget.TryAcquire(T0, Hold).Lease!.Value);
        budget.Release(budget.TryAcquire(T0.AddSeconds(20), Hold).Lease!.Value);

        var refused = budget.TryAcquire(T0.AddSeconds(30), Hold);
        var later = budget.TryAcquire(T0.AddSeconds(60), Hold);

        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.True(later.Granted);
    }

    [Fact]
    public void TryAcquire_LeaseOfADeadHolder_IsTakenBackAtItsDeadline()
    {
        var budget = new EndpointBudget(new EndpointLimit("e", 1, null));
        budget.TryAcquire(T0, TimeSpan.FromSeconds(10));

        Assert.False(budget.TryAcquire(T0.AddSeconds(9), Hold).Granted);
        Assert.True(budget.TryAcquire(T0.AddSeconds(10), Hold).Granted);
    }

    [Fact]
    public async Task LocalGate_UnknownEndpoint_HasNoLimit()
    {
        var gate = new LocalEndpointGate([new EndpointLimit("a", 1, null)], TimeProvider.System);

        Assert.Null(await gate.TryAcquireAsync("b", Hold, CancellationToken.None));
        Assert.True((await gate.TryAcquireAsync("a", Hold, CancellationToken.None))!.Value.Granted);
    }
}

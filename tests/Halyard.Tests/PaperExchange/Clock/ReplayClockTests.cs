using Halyard.PaperExchange.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.PaperExchange.Clock;

public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Delay_CompletesOnlyWhenTimeIsAdvancedPastIt()
    {
        var clock = new ReplayClock(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await delay;
        Assert.Equal(Start.AddSeconds(5), clock.GetUtcNow());
    }

    [Fact]
    public void Timers_FireInDueOrderAtTheirOwnTimes()
    {
        var clock = new ReplayClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([("early", Start.AddSeconds(10)), ("late", Start.AddSeconds(30))], fired);
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void PeriodicTimer_FiresEveryPeriod()
    {
        var clock = new ReplayClock(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10, count);
    }

    [Fact]
    public void CancelAfter_OnTheClock_CancelsWhenAdvanced()
    {
        var clock = new ReplayClock(Start);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(cts.IsCancellationRequested);
        clock.AdvanceTo(Start.AddSeconds(10));
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public void AdvanceTo_ThePast_DoesNotGoBack()
    {
        var clock = new ReplayClock(Start);
        clock.AdvanceTo(Start.AddDays(-1));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void ScaledClock_RunsSpeedTimesFasterAndFreezesAtTheEnd()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledClock(real, Start.AddDays(-30), speed: 60, end: Start.AddDays(-29));
        real.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddDays(-30).AddMinutes(10), clock.GetUtcNow());
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.True(fired);
        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Start.AddDays(-29), clock.GetUtcNow());
    }
}

using Halyard.Cycle.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Cycle.Scheduling;

/// <summary>
/// Where a released cycle runs: after an asynchronous advance, on the thread that finished it (no thread-pool hop);
/// a member released by another member's wait, on the pool (never inside that other member's call).
/// </summary>
public sealed class ReplaySchedulerTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Wait_AfterAnAsynchronousAdvance_ContinuesOnTheThreadThatFinishedTheAdvance()
    {
        var advance = new TaskCompletionSource();
        var scheduler = new ReplayScheduler(new FakeTimeProvider(Start), _ => advance.Task, Start.AddHours(1));
        using var lease = scheduler.Join("alpha");
        var wait = lease.WaitUntilAsync(Start, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        var continuedOn = 0;
        var released = After(wait, () => continuedOn = Environment.CurrentManagedThreadId);
        var finisher = 0;
        var thread = new Thread(() =>
        {
            finisher = Environment.CurrentManagedThreadId;
            advance.SetResult();
        });
        thread.Start();
        thread.Join();

        Assert.True(await released.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(finisher, continuedOn);
        Assert.Equal(1, scheduler.Dispatched);
    }

    [Fact]
    public async Task Wait_ReleasingAnotherMember_DoesNotRunItInsideTheCall()
    {
        var clock = new FakeTimeProvider(Start);
        var scheduler = new ReplayScheduler(clock, clock.SetUtcNow, Start.AddHours(1));
        using var alpha = scheduler.Join("alpha");
        using var beta = scheduler.Join("beta");
        var alphaWait = alpha.WaitUntilAsync(Start, CancellationToken.None);
        Assert.False(alphaWait.IsCompleted); // beta does not wait yet

        var caller = Environment.CurrentManagedThreadId;
        var inCall = true;
        var ranInsideTheCall = false;
        var released = After(alphaWait, () => ranInsideTheCall = Volatile.Read(ref inCall) && Environment.CurrentManagedThreadId == caller);
        var betaWait = beta.WaitUntilAsync(Start.AddMinutes(3), CancellationToken.None); // every member waits: alpha (earlier) goes
        Volatile.Write(ref inCall, false);

        Assert.True(await released.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(ranInsideTheCall);
        Assert.False(betaWait.IsCompleted);
    }

    [Fact]
    public async Task Wait_AtTheEnd_TellsEveryMemberTheScheduleIsOver()
    {
        var clock = new FakeTimeProvider(Start);
        var scheduler = new ReplayScheduler(clock, clock.SetUtcNow, Start.AddMinutes(3));
        using var alpha = scheduler.Join("alpha");
        using var beta = scheduler.Join("beta");
        var alphaWait = After(alpha.WaitUntilAsync(Start.AddMinutes(3), CancellationToken.None), () => { });
        var betaWait = beta.WaitUntilAsync(Start.AddMinutes(6), CancellationToken.None);

        Assert.False(await alphaWait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(await betaWait);
        Assert.Equal(0, scheduler.Dispatched);
    }

    private static async Task<bool> After(ValueTask<bool> wait, Action then)
    {
        var result = await wait.ConfigureAwait(false);
        then();
        return result;
    }
}

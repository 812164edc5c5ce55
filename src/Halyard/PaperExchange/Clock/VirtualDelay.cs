namespace Halyard.PaperExchange.Clock;

/// <summary>
/// How the simulator spends time (added latency, hung requests): on a <see cref="ReplayClock"/> it moves
/// virtual time forward at once (timers on the way fire, so a client timeout on the same clock still
/// fires first, and time stops there when that cancels the request); on any other clock it waits on that clock.
/// </summary>
internal static class VirtualDelay
{
    public static Task SpendAsync(TimeProvider time, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        if (time is ReplayClock replay)
        {
            // Stop at the instant the caller gives up (its timeout on the same clock fires on the way): a lost
            // response costs the client its own timeout, not the whole hang.
            replay.AdvanceUntil(replay.GetUtcNow() + duration, () => cancellationToken.IsCancellationRequested);
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        return Task.Delay(duration, time, cancellationToken);
    }
}

using Halyard.Cycle.Composition;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;

namespace Halyard.Cycle.Replay;

/// <summary>
/// Moves the replay clock between cycles when the WebSocket live state is on: from venue event to venue event
/// (a trigger or resting order reached, a liquidation, a scheduled cancel), so the paper exchange publishes each
/// event at its own time and the traders' reactions run then, on the replay clock, before time moves on. At each
/// stop it waits until every push is applied and every reaction has run (a ping round trip, the reactions'
/// queues), so the run stays deterministic: the same events in the same order at the same replay times.
/// </summary>
internal sealed class ReplayEventDriver(PaperExchangeEngine engine, ReplayClock clock, LiveStateSession session)
{
    private long _stops;

    /// <summary>Event stops made so far (times the clock stopped between cycles for a venue event).</summary>
    public long Stops => Interlocked.Read(ref _stops);

    /// <summary>The scheduler's advance: settle what the last cycle caused, step through the events until <paramref name="due"/>, arrive.</summary>
    public async Task AdvanceToAsync(DateTimeOffset due)
    {
        await session.SettleAsync(CancellationToken.None).ConfigureAwait(false);
        while (engine.NextEventUntil(due) is { } at)
        {
            clock.AdvanceTo(at);
            engine.Synchronize();
            Interlocked.Increment(ref _stops);
            await session.SettleAsync(CancellationToken.None).ConfigureAwait(false);
        }

        clock.AdvanceTo(due);
        engine.Synchronize();
        await session.SettleAsync(CancellationToken.None).ConfigureAwait(false);
    }
}

using System.Collections.Concurrent;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid.LiveState;
using Halyard.Journal;

namespace Halyard.Cycle.Reactions;

/// <summary>One reaction between cycles: what triggered it, when it happened on the venue, and what was done.</summary>
/// <param name="Trigger"><c>protection_fired</c>, <c>entry_filled</c>, <c>liquidation</c> or <c>position_changed</c>.</param>
/// <param name="EventTime">When it happened on the venue (the fill's or status change's own time).</param>
/// <param name="DoneAt">When the reaction finished, on the trader's clock.</param>
/// <param name="WallMs">Real time the reaction took (our own time plus the venue's).</param>
/// <param name="Actions">The reconciliation's actions (cancelled siblings, placed protection, closes).</param>
/// <param name="Closed">Positions found closed (cooldown starts at their close time).</param>
public sealed record Reaction(
    string Trigger,
    string Symbol,
    DateTimeOffset EventTime,
    DateTimeOffset DoneAt,
    double WallMs,
    IReadOnlyList<Execution.OrderEvent> Actions,
    IReadOnlyList<ClosedOnVenue> Closed)
{
    /// <summary>From the event to the end of the reaction, on the trader's clock (the replay clock in a replay).</summary>
    public TimeSpan Latency => DoneAt - EventTime;
}

/// <summary>
/// The trader's reactions between cycles, driven by its <see cref="AccountShadow"/>: a stop or target that
/// fired, a resting entry that filled, a liquidation, or a position the resync found changed behind our back
/// each run the Orchestrator's reconciliation at once (it cancels the fired order's sibling, records the close
/// with its time and PnL, protects an unprotected fill, surfaces an external position), under the same gate as
/// the cycle so the two never trade at the same time. Every reaction is kept and handed to the next cycle's
/// journal record as actions with their latency from the event.
/// </summary>
public sealed class TraderReactions(string traderId, TraderState state, IOrderGateway orders, SemaphoreSlim gate, TimeProvider clock, TimeProvider wall)
{
    private readonly ConcurrentQueue<Reaction> _pending = new();
    private readonly List<Reaction> _all = [];

    public string TraderId { get; } = traderId;

    /// <summary>Every reaction so far, oldest first.</summary>
    public IReadOnlyList<Reaction> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The shadow's listener.</summary>
    public ValueTask OnShadowEventAsync(ShadowEvent change) => Trigger(change) is { } trigger
        ? new ValueTask(ReactAsync(trigger.Name, trigger.Symbol, trigger.At))
        : ValueTask.CompletedTask;

    /// <summary>The reactions since the last call, as journal actions (one <c>reaction</c> line each, then what it did).</summary>
    public IReadOnlyList<ActionRecord> DrainActions()
    {
        var records = new List<ActionRecord>();
        while (_pending.TryDequeue(out var reaction))
        {
            records.Add(new ActionRecord
            {
                Symbol = reaction.Symbol,
                Action = ActionNames.Reaction,
                Result = reaction.Trigger,
                LatencyMs = reaction.Latency.TotalMilliseconds,
                ErrorDetail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"event at {reaction.EventTime:O}; reconciled in {reaction.WallMs:F1} ms"),
            });
            records.AddRange(reaction.Actions.Select(OrderEventNames.ToRecord).Select(r => r with { Action = ActionNames.ReactionPrefix + r.Action }));
        }

        return records;
    }

    internal static (string Name, string Symbol, DateTimeOffset At)? Trigger(ShadowEvent change) => change switch
    {
        ShadowOrderClosed { Report.IsFilled: true } c when c.WasTrigger => ("protection_fired", c.Report.Order.Coin, c.Report.StatusTimestamp),
        ShadowOrderClosed { Report.IsFilled: true, Previous: { ReduceOnly: false } } c => ("entry_filled", c.Report.Order.Coin, c.Report.StatusTimestamp),
        ShadowFill { Fill.IsLiquidation: true } f => ("liquidation", f.Fill.Coin, f.Fill.Time),
        ShadowPositionChanged { After: 0m } p when p.Before != 0m => ("position_closed", p.Coin, p.At),
        ShadowResynced r when r.Resync.Differences.FirstOrDefault(d => d.Kind == "position_size") is { } d => ("position_changed", d.Coin, r.Resync.At),
        _ => null,
    };

    private async Task ReactAsync(string trigger, string symbol, DateTimeOffset eventTime)
    {
        var started = wall.GetTimestamp();
        await gate.WaitAsync().ConfigureAwait(false);
        ReconcileReport report;
        try
        {
            report = await orders.ReconcileAsync(new ReconcileRequest(state.Cycle, state.AtrBySymbol), CancellationToken.None).ConfigureAwait(false);
            foreach (var closed in report.Closed)
            {
                state.MarkClosed(closed.Symbol, closed.ClosedAt);
            }
        }
        finally
        {
            gate.Release();
        }

        var reaction = new Reaction(trigger, symbol, eventTime, clock.GetUtcNow(), wall.GetElapsedTime(started).TotalMilliseconds, report.Actions, report.Closed);
        lock (_all)
        {
            _all.Add(reaction);
        }

        _pending.Enqueue(reaction);
    }
}

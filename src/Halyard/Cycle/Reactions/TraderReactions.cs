using System.Globalization;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid.LiveState;
using Halyard.Journal;

namespace Halyard.Cycle.Reactions;

/// <summary>One reaction between cycles: what triggered it, when it happened on the venue, and what was done.</summary>
/// <param name="Trigger"><c>protection_fired</c>, <c>entry_filled</c>, <c>liquidation</c>, <c>external_fill</c> or <c>position_changed</c>.</param>
/// <param name="EventTime">When it happened on the venue (the fill's or status change's own time).</param>
/// <param name="DoneAt">When the reaction finished, on the trader's clock.</param>
/// <param name="WallMs">Real time the reaction took (our own time plus the venue's).</param>
/// <param name="Actions">The reconciliation's actions (cancelled siblings, placed protection, closes), as journaled.</param>
/// <param name="Closed">Positions found closed (cooldown starts at their close time).</param>
public sealed record Reaction(
    string Trigger,
    string Symbol,
    DateTimeOffset EventTime,
    DateTimeOffset DoneAt,
    double WallMs,
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<ClosedOnVenue> Closed)
{
    /// <summary>From the event to the end of the reaction, on the trader's clock (the replay clock in a replay).</summary>
    public TimeSpan Latency => DoneAt - EventTime;
}

/// <summary>
/// The trader's reactions between cycles, driven by its <see cref="AccountShadow"/>: a stop or target that
/// fired, a resting entry that filled, a liquidation, a fill without our client order id (a manual trade,
/// another process) or a position the resync found changed behind our back each run the Orchestrator's
/// reconciliation at once (it cancels the fired order's sibling, records the close with its time and PnL,
/// protects an unprotected fill, surfaces an external position), under the same gate as the cycle so the two
/// never trade at the same time. Reactions run one after the other (<see cref="Sequence"/>), off the socket's
/// receive loop (a cycle holding the gate may itself wait for the socket); <see cref="WhenIdleAsync"/> completes
/// when all have run.
/// Every reaction is kept and handed to the next cycle's journal record as actions with their latency from the event.
/// </summary>
public sealed class TraderReactions
{
    private readonly IOrderGateway _orders;
    private readonly SemaphoreSlim _gate;
    private readonly Func<ReconcileRequest> _request;
    private readonly Func<ReconcileReport, CancellationToken, Task<IReadOnlyList<ActionRecord>>> _apply;
    private readonly TimeProvider _clock;
    private readonly TimeProvider _wall;
    private readonly Queue<Reaction> _pending = new();
    private readonly List<Reaction> _all = [];
    private readonly HashSet<(string Symbol, DateTimeOffset At)> _seen = [];
    private readonly Lock _lock = new();
    private long _started;

    /// <param name="request">The reconciliation request of the moment (cycle number, ATR by symbol).</param>
    /// <param name="apply">Applies a reconciliation to the trader (cooldowns, memory, ownership, external positions, the trades and their PnL) and returns what to journal; runs under the gate.</param>
    public TraderReactions(
        string traderId,
        IOrderGateway orders,
        SemaphoreSlim gate,
        Func<ReconcileRequest> request,
        Func<ReconcileReport, CancellationToken, Task<IReadOnlyList<ActionRecord>>> apply,
        TimeProvider clock,
        TimeProvider wall)
    {
        TraderId = traderId;
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _apply = apply ?? throw new ArgumentNullException(nameof(apply));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
    }

    /// <summary>Reactions applying a reconciliation to <paramref name="state"/> only (cooldown and memory of each close).</summary>
    public TraderReactions(string traderId, TraderState state, IOrderGateway orders, SemaphoreSlim gate, TimeProvider clock, TimeProvider wall)
        : this(traderId, orders, gate, () => new ReconcileRequest(state.Cycle, state.AtrBySymbol), (report, _) => Task.FromResult(ApplyCloses(state, report)), clock, wall)
    {
    }

    public string TraderId { get; }

    /// <summary>Where this trader's reactions are queued: its own, or one shared by the traders of the account.</summary>
    public ReactionSequence Sequence { get; set; } = new();

    /// <summary>Reactions started so far (a driver compares it before and after a flush to know it is quiet).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Every reaction so far, oldest first.</summary>
    public IReadOnlyList<Reaction> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The shadow's listener: queues a reaction for a triggering event (at most one per symbol and event time) and returns at once.</summary>
    public ValueTask OnShadowEventAsync(ShadowEvent change)
    {
        if (Trigger(change) is not { } trigger)
        {
            return ValueTask.CompletedTask;
        }

        lock (_lock)
        {
            if (!_seen.Add((trigger.Symbol, trigger.At)))
            {
                return ValueTask.CompletedTask;
            }

            if (_seen.Count > 4096)
            {
                _seen.Clear();
                _seen.Add((trigger.Symbol, trigger.At));
            }

            Interlocked.Increment(ref _started);
        }

        Sequence.Enqueue(() => RunAsync(trigger.Name, trigger.Symbol, trigger.At));

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when every reaction queued so far has run.</summary>
    public Task WhenIdleAsync() => Sequence.WhenIdleAsync();

    /// <summary>The reactions since the last call, as journal actions (one <c>reaction</c> line each, then what it did).</summary>
    public IReadOnlyList<ActionRecord> DrainActions()
    {
        List<ActionRecord>? records = null;
        lock (_lock)
        {
            while (_pending.TryDequeue(out var reaction))
            {
                var pnl = reaction.Closed.Where(c => c.RealizedPnl is not null).Sum(c => c.RealizedPnl!.Value);
                records ??= [];
                records.Add(new ActionRecord
                {
                    Symbol = reaction.Symbol,
                    Action = ActionNames.Reaction,
                    Result = reaction.Trigger,
                    LatencyMs = reaction.Latency.TotalMilliseconds,
                    ErrorDetail = string.Create(CultureInfo.InvariantCulture, $"event at {reaction.EventTime:O}, done at {reaction.DoneAt:O}")
                        + (reaction.Closed.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; closed {string.Join(", ", reaction.Closed.Select(c => c.Symbol + " " + c.Reason))}, realized PnL {pnl}")),
                });
                records.AddRange(reaction.Actions.Select(a => a with { Action = ActionNames.ReactionPrefix + a.Action }));
            }
        }

        return records is null ? [] : records; // most cycles: none
    }

    internal static (string Name, string Symbol, DateTimeOffset At)? Trigger(ShadowEvent change) => change switch
    {
        ShadowOrderClosed { Report.IsFilled: true } c when c.WasTrigger => ("protection_fired", c.Report.Order.Coin, c.Report.StatusTimestamp),
        ShadowOrderClosed { Report.IsFilled: true, Previous: { ReduceOnly: false } } c => ("entry_filled", c.Report.Order.Coin, c.Report.StatusTimestamp),
        ShadowFill { Fill.IsLiquidation: true } f => ("liquidation", f.Fill.Coin, f.Fill.Time),
        ShadowFill { Fill.Cloid: null } f => ("external_fill", f.Fill.Coin, f.Fill.Time),
        ShadowResynced r when r.Resync.Differences.FirstOrDefault(d => d.Kind == "position_size") is { } d => ("position_changed", d.Coin, r.Resync.At),
        _ => null,
    };

    private static IReadOnlyList<ActionRecord> ApplyCloses(TraderState state, ReconcileReport report)
    {
        foreach (var closed in report.Closed)
        {
            state.MarkClosed(closed.Symbol, closed.ClosedAt);
            state.Memory.NoteClose(closed.Symbol, closed.ClosedAt, closed.Reason);
        }

        return OrderEventNames.ToRecords(report.Actions);
    }

    private async Task RunAsync(string trigger, string symbol, DateTimeOffset eventTime)
    {
        Reaction reaction;
        try
        {
            reaction = await ReactAsync(trigger, symbol, eventTime).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug: journaled with the next cycle, and the next reaction still runs.
            var failed = new ActionRecord { Symbol = symbol, Action = "reconcile", Result = "failed", ErrorDetail = "internal error: " + ex.GetType().Name + ": " + ex.Message };
            reaction = new Reaction(trigger, symbol, eventTime, _clock.GetUtcNow(), 0, [failed], []);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            _all.Add(reaction);
            _pending.Enqueue(reaction);
        }
    }

    private async Task<Reaction> ReactAsync(string trigger, string symbol, DateTimeOffset eventTime)
    {
        var started = _wall.GetTimestamp();
        await _gate.WaitAsync().ConfigureAwait(false);
        IReadOnlyList<ActionRecord> actions;
        ReconcileReport report;
        try
        {
            report = await _orders.ReconcileAsync(_request(), CancellationToken.None).ConfigureAwait(false);
            actions = await _apply(report, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return new Reaction(trigger, symbol, eventTime, _clock.GetUtcNow(), _wall.GetElapsedTime(started).TotalMilliseconds, actions, report.Closed);
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Halyard.Domain;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution;

/// <summary>
/// Collects the <see cref="OrderEvent"/>s of one intent (or one reconciliation), in order: every action
/// yields one event, whether it succeeded, was refused locally, failed, or stayed unresolved.
/// </summary>
internal sealed class ActionLog(string symbol, TimeProvider time)
{
    private readonly List<OrderEvent> _records = [];

    public string Symbol => symbol;

    public ImmutableArray<OrderEvent> ToImmutable() => [.. _records];

    public void Add(OrderEvent record) => _records.Add(record);

    /// <summary>One order leg: its role is the action; qty/price as sent (trigger price for triggers).</summary>
    public void Leg(LegOutcome outcome, string? symbolOverride = null)
    {
        var (qty, price) = Numbers(outcome.Wire);
        var result = outcome switch
        {
            { Unresolved: true } => OrderEventResult.Unresolved,
            { Status: OrderFilled f } when outcome.Wire is { } w && Parse(w.Size) is { } sent && f.TotalSize < sent => OrderEventResult.PartiallyFilled,
            { Status: OrderFilled } => OrderEventResult.Filled,
            { Status: not null } => OrderEventResult.Resting,
            { Attempts: 0 } => OrderEventResult.Refused,
            { Error: { OutcomeUnknown: true } or { Class: ErrorClass.ExchangeDown or ErrorClass.Temporary or ErrorClass.RateLimited } } => OrderEventResult.Failed,
            _ => OrderEventResult.Rejected,
        };
        _records.Add(new OrderEvent
        {
            Symbol = symbolOverride ?? symbol,
            Action = outcome.Leg.Role,
            Qty = outcome.Status is OrderFilled filled ? filled.TotalSize : qty,
            Price = outcome.Status is OrderFilled fill ? fill.AveragePrice : price,
            OrderId = outcome.Oid,
            Cloid = outcome.Leg.Cloid?.Value,
            Result = result,
            ErrorClass = outcome.Accepted ? null : outcome.Error?.Class,
            ErrorDetail = outcome.Accepted ? null : outcome.Error?.Message,
            Attempts = outcome.Attempts,
            LatencyMs = Millis(outcome.FirstSent, outcome.Answered),
        });
    }

    /// <summary>An action that never left the process (a formatter refusal, a read that failed first).</summary>
    public void Refused(OrderEventAction action, ErrorClass errorClass, string detail, decimal? qty = null, decimal? price = null, string? cloid = null) =>
        _records.Add(new OrderEvent
        {
            Symbol = symbol,
            Action = action,
            Qty = qty,
            Price = price,
            Cloid = cloid,
            Result = OrderEventResult.Refused,
            ErrorClass = errorClass,
            ErrorDetail = detail,
        });

    /// <summary>A simple action (leverage, schedule cancel).</summary>
    public void Simple(OrderEventAction action, ActionRun run, decimal? qty = null) =>
        _records.Add(new OrderEvent
        {
            Symbol = symbol,
            Action = action,
            Qty = qty,
            Result = run.Succeeded ? OrderEventResult.Ok : ResultOf(run.Error),
            ErrorClass = run.Error?.Class,
            ErrorDetail = run.Error?.Message,
            Attempts = run.Attempts,
            LatencyMs = run.Elapsed.TotalMilliseconds,
        });

    /// <summary>One record per cancelled order of a cancel batch.</summary>
    public void Cancels(OrderEventAction action, IReadOnlyList<OpenOrder> orders, CancelRun run)
    {
        for (var i = 0; i < orders.Count; i++)
        {
            var error = run.Errors[i];
            _records.Add(new OrderEvent
            {
                Symbol = orders[i].Coin,
                Action = action,
                Qty = orders[i].Size,
                Price = orders[i].TriggerPrice ?? orders[i].LimitPrice,
                OrderId = orders[i].Oid,
                Cloid = orders[i].Cloid?.Value,
                Result = error is null ? OrderEventResult.Canceled : ResultOf(error),
                ErrorClass = error?.Class,
                ErrorDetail = error?.Message,
                Attempts = run.Attempts,
                LatencyMs = run.Elapsed.TotalMilliseconds,
            });
        }
    }

    /// <summary>A read that failed and stopped a workflow (its attempts are the error's).</summary>
    public void ReadFailed(OrderEventAction action, Error error) =>
        _records.Add(new OrderEvent
        {
            Symbol = symbol,
            Action = action,
            Result = OrderEventResult.Failed,
            ErrorClass = error.Class,
            ErrorDetail = error.Message,
            Attempts = error.Attempts,
        });

    private static OrderEventResult ResultOf(Error error) =>
        error.OutcomeUnknown ? OrderEventResult.Unresolved
        : error.Class is ErrorClass.ExchangeDown or ErrorClass.Temporary or ErrorClass.RateLimited ? OrderEventResult.Failed
        : OrderEventResult.Rejected;

    private double Millis(long? start, long? end) =>
        start is { } s && end is { } e ? time.GetElapsedTime(s, e).TotalMilliseconds : 0d;

    private static (decimal? Qty, decimal? Price) Numbers(OrderWire? wire) =>
        wire is null ? (null, null) : (Parse(wire.Size), wire.Type is TriggerOrderType t ? Parse(t.TriggerPx) : Parse(wire.Price));

    private static decimal? Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}

using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>
/// An order and its processing status (<c>orderStatus</c>, <c>historicalOrders</c>). <paramref name="Status"/>
/// is the venue's string (<c>open</c>, <c>filled</c>, <c>canceled</c>, <c>triggered</c>, <c>rejected</c>,
/// <c>marginCanceled</c>, <c>iocCancelRejected</c>, …; protocol §4 lists them all). <see cref="OpenOrder.Size"/>
/// is the remaining size; <paramref name="OriginalSize"/> the size placed.
/// </summary>
public sealed record OrderStatusReport(
    OpenOrder Order,
    decimal OriginalSize,
    string? TimeInForce,
    string Status,
    DateTimeOffset StatusTimestamp)
{
    public const string Open = "open";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Triggered = "triggered";
    public const string Rejected = "rejected";

    public bool IsOpen => Status == Open;

    public bool IsFilled => Status == Filled;

    /// <summary><c>rejected</c> or any <c>…Rejected</c> status (the order never rested).</summary>
    public bool IsRejected => Status == Rejected || Status.EndsWith("Rejected", StringComparison.Ordinal);

    /// <summary><c>canceled</c>, any <c>…Canceled</c>, <c>scheduledCancel</c> or <c>internalCancel</c>.</summary>
    public bool IsCanceled => Status == Canceled
        || Status.EndsWith("Canceled", StringComparison.Ordinal)
        || Status is "scheduledCancel" or "internalCancel";

    /// <summary>The size that was executed (original minus remaining).</summary>
    public decimal FilledSize => OriginalSize - Order.Size;
}

/// <summary>
/// The answer to <c>orderStatus</c> by oid or cloid: the order, or <see cref="Found"/> = false when the venue
/// answers <c>unknownOid</c> (never placed, or placed under another account).
/// </summary>
public sealed record OrderLookup(OrderStatusReport? Report)
{
    public static OrderLookup UnknownOid { get; } = new((OrderStatusReport?)null);

    [MemberNotNullWhen(true, nameof(Report))]
    public bool Found => Report is not null;
}

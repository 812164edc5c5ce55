using Halyard.Domain;

namespace Halyard.Hyperliquid.Exchange;

/// <summary>One entry of <c>statuses</c> of an order/batchModify answer, in request order.</summary>
public abstract record OrderStatus
{
    private protected OrderStatus()
    {
    }

    /// <summary>False only for <see cref="OrderRejected"/>.</summary>
    public virtual bool IsAccepted => true;
}

/// <summary><c>{"resting":{"oid":…,"cloid"?:…}}</c>: the order rests on the book.</summary>
public sealed record OrderResting(long Oid, Cloid? Cloid) : OrderStatus;

/// <summary><c>{"filled":{"totalSz":…,"avgPx":…,"oid":…,"cloid"?:…}}</c>: the order filled (fully for IOC/market).</summary>
public sealed record OrderFilled(decimal TotalSize, decimal AveragePrice, long Oid, Cloid? Cloid) : OrderStatus;

/// <summary><c>"waitingForFill"</c>: a TP/SL child waiting for its parent to fill.</summary>
public sealed record OrderWaitingForFill : OrderStatus;

/// <summary><c>"waitingForTrigger"</c>: a trigger order accepted and waiting for its trigger price.</summary>
public sealed record OrderWaitingForTrigger : OrderStatus;

/// <summary><c>{"error":"…"}</c> (or the single whole-batch error repeated for every order), classified.</summary>
public sealed record OrderRejected(string Message, ErrorClass Class) : OrderStatus
{
    public override bool IsAccepted => false;
}

/// <summary>One entry of a cancel answer: <c>"success"</c> or <c>{"error":"…"}</c>.</summary>
public sealed record CancelStatus(bool Success, string? Error = null, ErrorClass? Class = null)
{
    public static CancelStatus Succeeded { get; } = new(true);
}

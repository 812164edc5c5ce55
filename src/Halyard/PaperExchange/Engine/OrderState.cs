namespace Halyard.PaperExchange.Engine;

/// <summary>How an order relates to others (the <c>grouping</c> it arrived in).</summary>
internal enum OrderRole
{
    Plain,
    NormalTpslParent,
    NormalTpslChild,
    PositionTpsl,
}

/// <summary>The venue's time-in-force values (<c>FrontendMarket</c> behaves like <c>Ioc</c>).</summary>
internal enum ReceivedTimeInForce
{
    Gtc,
    Alo,
    Ioc,
    FrontendMarket,
}

/// <summary>The venue's order processing statuses used by the simulator.</summary>
internal static class OrderStatusNames
{
    public const string Open = "open";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Triggered = "triggered";
    public const string Rejected = "rejected";
    public const string MarginCanceled = "marginCanceled";
    public const string ReduceOnlyCanceled = "reduceOnlyCanceled";
    public const string SiblingFilledCanceled = "siblingFilledCanceled";
    public const string ScheduledCancel = "scheduledCancel";
    public const string LiquidatedCanceled = "liquidatedCanceled";
    public const string SelfTradeCanceled = "selfTradeCanceled";
}

/// <summary>One order on the paper venue, mutable while it lives; every state change is stamped.</summary>
internal sealed class OrderState
{
    public required long Oid { get; init; }

    public required string User { get; init; }

    public required int Asset { get; init; }

    public required string Coin { get; init; }

    public required bool IsBuy { get; init; }

    public required decimal LimitPx { get; init; }

    public required decimal OrigSz { get; init; }

    /// <summary>Remaining (unfilled) size. For a waiting TP/SL child: the size it will carry when activated.</summary>
    public decimal Sz { get; set; }

    public decimal FilledSz { get; set; }

    public required bool ReduceOnly { get; init; }

    public required ReceivedTimeInForce Tif { get; init; }

    /// <summary>True while the order waits for its trigger; false for limit orders and once triggered.</summary>
    public bool IsTrigger { get; set; }

    /// <summary>True when the order arrived as a trigger (even after it fired).</summary>
    public required bool WasTrigger { get; init; }

    public required bool IsMarket { get; init; }

    public required decimal TriggerPx { get; init; }

    public required bool IsTakeProfit { get; init; }

    public string? Cloid { get; init; }

    public required long Timestamp { get; init; }

    public required OrderRole Role { get; init; }

    public long ParentOid { get; init; }

    public List<OrderState>? Children { get; set; }

    /// <summary>For a resting limit order: book size still ahead of it at its price (traded volume consumes it before the order fills).</summary>
    public decimal QueueAhead { get; set; }

    /// <summary>For a resting limit order: the earliest 3 s mark step at which it can fill again (one tape allocation per step).</summary>
    public long NextFillMs { get; set; } = long.MinValue;

    /// <summary>False for a <c>normalTpsl</c> child until its parent fills.</summary>
    public bool Active { get; set; } = true;

    public string Status { get; private set; } = OrderStatusNames.Open;

    public long StatusTimestamp { get; private set; }

    public bool IsOpen => Status == OrderStatusNames.Open;

    /// <summary>For triggers: true when the trigger fires as the mark rises through <see cref="TriggerPx"/>.</summary>
    public bool TriggersAbove => IsBuy != IsTakeProfit;

    public bool IsResting => !IsTrigger && Active && IsOpen && Tif is ReceivedTimeInForce.Gtc or ReceivedTimeInForce.Alo;

    /// <summary>Where status changes are published for the <c>/ws</c> <c>orderUpdates</c> channel.</summary>
    public VenueChanges? Changes { get; init; }

    public void SetStatus(string status, long timeMs)
    {
        Status = status;
        StatusTimestamp = timeMs;
        Changes?.OrderChanged(this);
    }

    /// <summary>The venue's <c>orderType</c> label.</summary>
    public string OrderType => WasTrigger
        ? (IsTakeProfit ? "Take Profit" : "Stop") + (IsMarket ? " Market" : " Limit")
        : Tif == ReceivedTimeInForce.FrontendMarket ? "Market" : "Limit";
}

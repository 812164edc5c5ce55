using Halyard.Domain.Precision;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Actions;

public enum TimeInForce
{
    /// <summary>Add liquidity only (post-only).</summary>
    Alo,

    /// <summary>Immediate or cancel.</summary>
    Ioc,

    /// <summary>Good til cancelled.</summary>
    Gtc,
}

public enum TpSl
{
    TakeProfit,
    StopLoss,
}

public enum OrderGrouping
{
    /// <summary>Plain orders (<c>"na"</c>).</summary>
    Na,

    /// <summary>Parent order followed by TP/SL children of fixed size (<c>"normalTpsl"</c>).</summary>
    NormalTpsl,

    /// <summary>TP/SL attached to the whole position (<c>"positionTpsl"</c>).</summary>
    PositionTpsl,
}

/// <summary>The <c>t</c> field of an order: a limit order or a trigger (TP/SL) order.</summary>
public abstract record OrderType
{
    private protected OrderType()
    {
    }

    internal abstract void WriteTo(IActionSink sink);
}

/// <summary><c>{"limit":{"tif":"Gtc"}}</c>.</summary>
public sealed record LimitOrderType(TimeInForce Tif) : OrderType
{
    internal override void WriteTo(IActionSink sink)
    {
        sink.StartObject(1);
        sink.PropertyName("limit");
        sink.StartObject(1);
        sink.Property("tif", Tif switch
        {
            TimeInForce.Alo => "Alo",
            TimeInForce.Ioc => "Ioc",
            TimeInForce.Gtc => "Gtc",
            _ => throw new ArgumentOutOfRangeException(nameof(Tif), Tif, null),
        });
        sink.EndObject();
        sink.EndObject();
    }
}

/// <summary><c>{"trigger":{"isMarket":true,"triggerPx":"103","tpsl":"sl"}}</c> (keys in exactly that order).</summary>
public sealed record TriggerOrderType(bool IsMarket, string TriggerPx, TpSl TpSl) : OrderType
{
    public string TriggerPx { get; } = WireNumber.Require(TriggerPx, nameof(TriggerPx));

    internal override void WriteTo(IActionSink sink)
    {
        sink.StartObject(1);
        sink.PropertyName("trigger");
        sink.StartObject(3);
        sink.Property("isMarket", IsMarket);
        sink.Property("triggerPx", TriggerPx);
        sink.Property("tpsl", TpSl switch
        {
            TpSl.TakeProfit => "tp",
            TpSl.StopLoss => "sl",
            _ => throw new ArgumentOutOfRangeException(nameof(TpSl), TpSl, null),
        });
        sink.EndObject();
        sink.EndObject();
    }
}

/// <summary>
/// One order on the wire: <c>{a, b, p, s, r, t, c?}</c>. <paramref name="Price"/> and
/// <paramref name="Size"/> are canonical wire strings from the formatter (validated here, never
/// reformatted); <c>p</c> is required even for trigger-market orders (worst fill price).
/// </summary>
public sealed record OrderWire(int Asset, bool IsBuy, string Price, string Size, bool ReduceOnly, OrderType Type, Cloid? Cloid = null)
{
    public int Asset { get; } = Asset >= 0 ? Asset : throw new ArgumentOutOfRangeException(nameof(Asset), Asset, "Asset ids are non-negative.");

    public string Price { get; } = WireNumber.Require(Price, nameof(Price));

    public string Size { get; } = WireNumber.Require(Size, nameof(Size));

    public OrderType Type { get; } = Type ?? throw new ArgumentNullException(nameof(Type));

    internal void WriteTo(IActionSink sink)
    {
        sink.StartObject(Cloid is null ? 6 : 7);
        sink.Property("a", Asset);
        sink.Property("b", IsBuy);
        sink.Property("p", Price);
        sink.Property("s", Size);
        sink.Property("r", ReduceOnly);
        sink.PropertyName("t");
        Type.WriteTo(sink);
        if (Cloid is { } cloid)
        {
            sink.Property("c", cloid.Value);
        }

        sink.EndObject();
    }
}

/// <summary>Optional builder fee: <c>{"b": builder address, "f": fee in tenths of a basis point}</c>.</summary>
public sealed record BuilderFee(EthAddress Builder, int FeeTenthsOfBasisPoint)
{
    public int FeeTenthsOfBasisPoint { get; } = FeeTenthsOfBasisPoint >= 0
        ? FeeTenthsOfBasisPoint
        : throw new ArgumentOutOfRangeException(nameof(FeeTenthsOfBasisPoint), FeeTenthsOfBasisPoint, "Fee is non-negative.");

    internal void WriteTo(IActionSink sink)
    {
        sink.StartObject(2);
        sink.Property("b", Builder.Value);
        sink.Property("f", FeeTenthsOfBasisPoint);
        sink.EndObject();
    }
}

/// <summary>The target of a modify: an order id or a client order id.</summary>
public readonly record struct OrderRef
{
    private OrderRef(long? oid, Cloid? cloid)
    {
        Oid = oid;
        Cloid = cloid;
    }

    public long? Oid { get; }

    public Cloid? Cloid { get; }

    public static OrderRef ByOid(long oid) =>
        oid >= 0 ? new OrderRef(oid, null) : throw new ArgumentOutOfRangeException(nameof(oid), oid, "Order ids are non-negative.");

    public static OrderRef ByCloid(Cloid cloid) => new(null, cloid);

    internal void WriteValue(IActionSink sink)
    {
        if (Oid is { } oid)
        {
            sink.Integer(oid);
        }
        else if (Cloid is { } cloid)
        {
            sink.String(cloid.Value);
        }
        else
        {
            throw new InvalidOperationException("Uninitialised OrderRef.");
        }
    }

    public override string ToString() => Oid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Cloid?.Value ?? "<none>";
}

using System.Collections.Immutable;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Actions;

/// <summary><c>{"type":"order","orders":[…],"grouping":"na","builder"?:{b,f}}</c>; builder only when configured.</summary>
public sealed record OrderAction(ImmutableArray<OrderWire> Orders, OrderGrouping Grouping = OrderGrouping.Na, BuilderFee? Builder = null) : IL1Action
{
    public ImmutableArray<OrderWire> Orders { get; } = Batch.Require(Orders, nameof(Orders));

    public string Type => "order";

    public int BatchSize => Orders.Length;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(Builder is null ? 3 : 4);
        sink.Property("type", Type);
        sink.PropertyName("orders");
        sink.StartArray(Orders.Length);
        foreach (var order in Orders)
        {
            order.WriteTo(sink);
        }

        sink.EndArray();
        sink.Property("grouping", Grouping switch
        {
            OrderGrouping.Na => "na",
            OrderGrouping.NormalTpsl => "normalTpsl",
            OrderGrouping.PositionTpsl => "positionTpsl",
            _ => throw new ArgumentOutOfRangeException(nameof(Grouping), Grouping, null),
        });
        if (Builder is not null)
        {
            sink.PropertyName("builder");
            Builder.WriteTo(sink);
        }

        sink.EndObject();
    }
}

/// <summary>One cancel by order id: <c>{"a":asset,"o":oid}</c>.</summary>
public sealed record CancelRequest(int Asset, long Oid)
{
    public int Asset { get; } = Asset >= 0 ? Asset : throw new ArgumentOutOfRangeException(nameof(Asset));

    public long Oid { get; } = Oid >= 0 ? Oid : throw new ArgumentOutOfRangeException(nameof(Oid));
}

/// <summary><c>{"type":"cancel","cancels":[{"a":0,"o":123}]}</c>.</summary>
public sealed record CancelAction(ImmutableArray<CancelRequest> Cancels) : IL1Action
{
    public ImmutableArray<CancelRequest> Cancels { get; } = Batch.Require(Cancels, nameof(Cancels));

    public string Type => "cancel";

    public int BatchSize => Cancels.Length;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(2);
        sink.Property("type", Type);
        sink.PropertyName("cancels");
        sink.StartArray(Cancels.Length);
        foreach (var cancel in Cancels)
        {
            sink.StartObject(2);
            sink.Property("a", cancel.Asset);
            sink.Property("o", cancel.Oid);
            sink.EndObject();
        }

        sink.EndArray();
        sink.EndObject();
    }
}

/// <summary>One cancel by client order id: <c>{"asset":asset,"cloid":"0x…"}</c> (long names).</summary>
public sealed record CancelByCloidRequest(int Asset, Cloid Cloid)
{
    public int Asset { get; } = Asset >= 0 ? Asset : throw new ArgumentOutOfRangeException(nameof(Asset));
}

/// <summary><c>{"type":"cancelByCloid","cancels":[{"asset":0,"cloid":"0x…"}]}</c>.</summary>
public sealed record CancelByCloidAction(ImmutableArray<CancelByCloidRequest> Cancels) : IL1Action
{
    public ImmutableArray<CancelByCloidRequest> Cancels { get; } = Batch.Require(Cancels, nameof(Cancels));

    public string Type => "cancelByCloid";

    public int BatchSize => Cancels.Length;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(2);
        sink.Property("type", Type);
        sink.PropertyName("cancels");
        sink.StartArray(Cancels.Length);
        foreach (var cancel in Cancels)
        {
            sink.StartObject(2);
            sink.Property("asset", cancel.Asset);
            sink.Property("cloid", cancel.Cloid.Value);
            sink.EndObject();
        }

        sink.EndArray();
        sink.EndObject();
    }
}

/// <summary>One modify: <c>{"oid": oid | "0x…cloid", "order": order}</c>.</summary>
public sealed record ModifyRequest(OrderRef Target, OrderWire Order)
{
    public OrderWire Order { get; } = Order ?? throw new ArgumentNullException(nameof(Order));

    internal void WriteFields(IActionSink sink)
    {
        sink.PropertyName("oid");
        Target.WriteValue(sink);
        sink.PropertyName("order");
        Order.WriteTo(sink);
    }
}

/// <summary><c>{"type":"modify","oid":…,"order":…}</c>.</summary>
public sealed record ModifyAction(ModifyRequest Modify) : IL1Action
{
    public ModifyRequest Modify { get; } = Modify ?? throw new ArgumentNullException(nameof(Modify));

    public string Type => "modify";

    public int BatchSize => 1;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(3);
        sink.Property("type", Type);
        Modify.WriteFields(sink);
        sink.EndObject();
    }
}

/// <summary><c>{"type":"batchModify","modifies":[{"oid":…,"order":…}]}</c>.</summary>
public sealed record BatchModifyAction(ImmutableArray<ModifyRequest> Modifies) : IL1Action
{
    public ImmutableArray<ModifyRequest> Modifies { get; } = Batch.Require(Modifies, nameof(Modifies));

    public string Type => "batchModify";

    public int BatchSize => Modifies.Length;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(2);
        sink.Property("type", Type);
        sink.PropertyName("modifies");
        sink.StartArray(Modifies.Length);
        foreach (var modify in Modifies)
        {
            sink.StartObject(2);
            modify.WriteFields(sink);
            sink.EndObject();
        }

        sink.EndArray();
        sink.EndObject();
    }
}

/// <summary><c>{"type":"updateLeverage","asset":0,"isCross":true,"leverage":5}</c>.</summary>
public sealed record UpdateLeverageAction(int Asset, bool IsCross, int Leverage) : IL1Action
{
    public int Asset { get; } = Asset >= 0 ? Asset : throw new ArgumentOutOfRangeException(nameof(Asset));

    public int Leverage { get; } = Leverage >= 1 ? Leverage : throw new ArgumentOutOfRangeException(nameof(Leverage), Leverage, "Leverage is an integer ≥ 1.");

    public string Type => "updateLeverage";

    public int BatchSize => 0;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(4);
        sink.Property("type", Type);
        sink.Property("asset", Asset);
        sink.Property("isCross", IsCross);
        sink.Property("leverage", Leverage);
        sink.EndObject();
    }
}

/// <summary>
/// <c>{"type":"updateIsolatedMargin","asset":0,"isBuy":true,"ntli":1000000}</c>: <paramref name="Ntli"/>
/// is signed micro-USD (1 USDC = 1 000 000); negative removes margin.
/// </summary>
public sealed record UpdateIsolatedMarginAction(int Asset, bool IsBuy, long Ntli) : IL1Action
{
    public int Asset { get; } = Asset >= 0 ? Asset : throw new ArgumentOutOfRangeException(nameof(Asset));

    public string Type => "updateIsolatedMargin";

    public int BatchSize => 0;

    /// <summary>Converts a USD amount to micro-USD; refuses amounts finer than one micro-dollar.</summary>
    public static long ToMicroUsd(decimal usd)
    {
        var micro = usd * 1_000_000m;
        return micro == decimal.Truncate(micro)
            ? (long)micro
            : throw new ArgumentException("Margin amounts are whole micro-USD (6 decimals at most).", nameof(usd));
    }

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(4);
        sink.Property("type", Type);
        sink.Property("asset", Asset);
        sink.Property("isBuy", IsBuy);
        sink.Property("ntli", Ntli);
        sink.EndObject();
    }
}

/// <summary>
/// <c>{"type":"scheduleCancel","time":ms}</c> (dead man's switch); with no time the key is omitted,
/// which clears the schedule.
/// </summary>
public sealed record ScheduleCancelAction(long? Time = null) : IL1Action
{
    public long? Time { get; } = Time is null or >= 0 ? Time : throw new ArgumentOutOfRangeException(nameof(Time));

    public string Type => "scheduleCancel";

    public int BatchSize => 0;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(Time is null ? 1 : 2);
        sink.Property("type", Type);
        if (Time is { } time)
        {
            sink.Property("time", time);
        }

        sink.EndObject();
    }
}

/// <summary><c>{"type":"noop"}</c>: burns a nonce.</summary>
public sealed record NoopAction : IL1Action
{
    public string Type => "noop";

    public int BatchSize => 0;

    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(1);
        sink.Property("type", Type);
        sink.EndObject();
    }
}

internal static class Batch
{
    public static ImmutableArray<T> Require<T>(ImmutableArray<T> items, string parameterName)
        where T : class
    {
        if (items.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A batch needs at least one entry.", parameterName);
        }

        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, parameterName);
        }

        return items;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// Reads a received JSON L1 action back into its typed record (for a venue simulator that must
/// understand what it received). Prices and sizes must be canonical wire strings. Unknown action
/// types and malformed fields are failures, not exceptions. Signature checks never use this: they
/// hash the JSON exactly as received (<c>SignatureRecovery</c>).
/// </summary>
public static class L1ActionReader
{
    public static bool TryRead(JsonElement json, [NotNullWhen(true)] out IL1Action? action, [NotNullWhen(false)] out string? error)
    {
        action = null;
        try
        {
            action = Read(json);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static IL1Action Read(JsonElement json) => Str(json, "type") switch
    {
        "order" => new OrderAction(
            [.. Array(json, "orders").Select(ReadOrder)],
            Str(json, "grouping") switch
            {
                "na" => OrderGrouping.Na,
                "normalTpsl" => OrderGrouping.NormalTpsl,
                "positionTpsl" => OrderGrouping.PositionTpsl,
                var other => throw new FormatException($"Unknown grouping '{other}'."),
            },
            json.TryGetProperty("builder", out var builder) && builder.ValueKind != JsonValueKind.Null
                ? new BuilderFee(EthAddress.Parse(Str(builder, "b")), Int(builder, "f"))
                : null),
        "cancel" => new CancelAction([.. Array(json, "cancels").Select(c => new CancelRequest(Int(c, "a"), Long(c, "o")))]),
        "cancelByCloid" => new CancelByCloidAction(
            [.. Array(json, "cancels").Select(c => new CancelByCloidRequest(Int(c, "asset"), Cloid.Parse(Str(c, "cloid"))))]),
        "modify" => new ModifyAction(ReadModify(json)),
        "batchModify" => new BatchModifyAction([.. Array(json, "modifies").Select(ReadModify)]),
        "updateLeverage" => new UpdateLeverageAction(Int(json, "asset"), Bool(json, "isCross"), Int(json, "leverage")),
        "updateIsolatedMargin" => new UpdateIsolatedMarginAction(Int(json, "asset"), Bool(json, "isBuy"), Long(json, "ntli")),
        "scheduleCancel" => new ScheduleCancelAction(
            json.TryGetProperty("time", out var time) && time.ValueKind != JsonValueKind.Null ? time.GetInt64() : null),
        "noop" => new NoopAction(),
        var other => throw new FormatException($"Unsupported action type '{other}'."),
    };

    private static ModifyRequest ReadModify(JsonElement json)
    {
        var oid = Get(json, "oid");
        var target = oid.ValueKind == JsonValueKind.String ? OrderRef.ByCloid(Cloid.Parse(oid.GetString()!)) : OrderRef.ByOid(oid.GetInt64());
        return new ModifyRequest(target, ReadOrder(Get(json, "order")));
    }

    private static OrderWire ReadOrder(JsonElement json)
    {
        var t = Get(json, "t");
        OrderType type;
        if (t.TryGetProperty("limit", out var limit))
        {
            type = new LimitOrderType(Str(limit, "tif") switch
            {
                "Alo" => TimeInForce.Alo,
                "Ioc" => TimeInForce.Ioc,
                "Gtc" => TimeInForce.Gtc,
                var other => throw new FormatException($"Unsupported tif '{other}'."),
            });
        }
        else
        {
            var trigger = Get(t, "trigger");
            type = new TriggerOrderType(Bool(trigger, "isMarket"), Str(trigger, "triggerPx"), Str(trigger, "tpsl") switch
            {
                "tp" => TpSl.TakeProfit,
                "sl" => TpSl.StopLoss,
                var other => throw new FormatException($"Unknown tpsl '{other}'."),
            });
        }

        Cloid? cloid = json.TryGetProperty("c", out var c) && c.ValueKind != JsonValueKind.Null ? Cloid.Parse(c.GetString()!) : null;
        return new OrderWire(Int(json, "a"), Bool(json, "b"), Str(json, "p"), Str(json, "s"), Bool(json, "r"), type, cloid);
    }

    private static JsonElement Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"Missing field '{name}'.");

    private static string Str(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new FormatException($"Field '{name}' is not a string.");

    private static int Int(JsonElement obj, string name) => Get(obj, name).GetInt32();

    private static long Long(JsonElement obj, string name) => Get(obj, name).GetInt64();

    private static bool Bool(JsonElement obj, string name) => Get(obj, name).GetBoolean();

    private static IEnumerable<JsonElement> Array(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : throw new FormatException($"Field '{name}' is not an array.");
}

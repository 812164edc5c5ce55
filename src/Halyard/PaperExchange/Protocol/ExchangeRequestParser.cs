using System.Globalization;
using System.Text.Json;
using Halyard.PaperExchange.Engine;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// Reads <c>/exchange</c> bodies with System.Text.Json, independently of the client's serializers. A body
/// that does not have the venue's shape yields null (answered like the venue: HTTP 422
/// <c>Failed to deserialize the JSON body into the target type</c>).
/// </summary>
internal static class ExchangeRequestParser
{
    private static readonly HashSet<string> KnownUnsupported = new(StringComparer.Ordinal)
    {
        "twapOrder", "twapCancel", "usdSend", "spotSend", "withdraw3", "usdClassTransfer", "sendAsset", "approveBuilderFee",
        "createSubAccount", "subAccountTransfer", "vaultTransfer", "setReferrer", "claimRewards", "tokenDelegate",
    };

    public static ExchangeEnvelope? ParseEnvelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("nonce", out var nonce) || !nonce.TryGetInt64(out var nonceValue)
            || !root.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? vault = null;
        if (root.TryGetProperty("vaultAddress", out var vaultElement) && vaultElement.ValueKind != JsonValueKind.Null)
        {
            if (vaultElement.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            vault = vaultElement.GetString()!.ToLowerInvariant();
        }

        long? expiresAfter = null;
        if (root.TryGetProperty("expiresAfter", out var expires) && expires.ValueKind != JsonValueKind.Null)
        {
            if (!expires.TryGetInt64(out var expiresValue))
            {
                return null;
            }

            expiresAfter = expiresValue;
        }

        return new ExchangeEnvelope(action, type.GetString()!, nonceValue, signature, vault, expiresAfter);
    }

    /// <summary>The typed action, or null when its shape is not the venue's.</summary>
    public static ReceivedExchangeAction? ParseAction(JsonElement action, string type)
    {
        try
        {
            return type switch
            {
                "order" => ParseOrderAction(action),
                "cancel" => new ReceivedCancelAction(Map(action.GetProperty("cancels"), c => (Int(c, "a"), Long(c, "o")))),
                "cancelByCloid" => new ReceivedCancelByCloidAction(Map(action.GetProperty("cancels"), c => (Int(c, "asset"), CloidOf(c.GetProperty("cloid"))))),
                "modify" => ParseModify(action),
                "batchModify" => new ReceivedBatchModifyAction(Map(action.GetProperty("modifies"), ParseModify)),
                "updateLeverage" => new ReceivedUpdateLeverageAction(Int(action, "asset"), Bool(action, "isCross"), Int(action, "leverage")),
                "updateIsolatedMargin" => new ReceivedUpdateIsolatedMarginAction(Int(action, "asset"), Bool(action, "isBuy"), Long(action, "ntli")),
                "scheduleCancel" => new ReceivedScheduleCancelAction(action.TryGetProperty("time", out var time) && time.ValueKind != JsonValueKind.Null ? time.GetInt64() : null),
                "noop" => new ReceivedNoopAction(),
                "approveAgent" => ParseApproveAgent(action),
                _ when KnownUnsupported.Contains(type) => new ReceivedUnsupportedAction(type),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static ReceivedOrderAction ParseOrderAction(JsonElement action)
    {
        var orders = Map(action.GetProperty("orders"), ParseOrder);
        var grouping = Grouping.Na;
        if (action.TryGetProperty("grouping", out var g))
        {
            grouping = g.ValueKind switch
            {
                JsonValueKind.String => g.GetString() switch
                {
                    "na" => Grouping.Na,
                    "normalTpsl" => Grouping.NormalTpsl,
                    "positionTpsl" => Grouping.PositionTpsl,
                    _ => throw new FormatException("Unknown grouping."),
                },
                JsonValueKind.Object => Grouping.Na,
                _ => throw new FormatException("Unknown grouping."),
            };
        }

        return new ReceivedOrderAction(orders, grouping);
    }

    private static ReceivedOrder ParseOrder(JsonElement order)
    {
        var t = order.GetProperty("t");
        ReceivedOrderType type;
        if (t.TryGetProperty("limit", out var limit))
        {
            var tif = limit.GetProperty("tif").GetString() switch
            {
                "Gtc" => ReceivedTimeInForce.Gtc,
                "Alo" => ReceivedTimeInForce.Alo,
                "Ioc" => ReceivedTimeInForce.Ioc,
                "FrontendMarket" => ReceivedTimeInForce.FrontendMarket,
                _ => throw new FormatException("Unknown tif."),
            };
            type = new ReceivedOrderType(tif, false, false, null, false);
        }
        else
        {
            var trigger = t.GetProperty("trigger");
            var tpsl = trigger.GetProperty("tpsl").GetString();
            if (tpsl is not ("tp" or "sl"))
            {
                throw new FormatException("Unknown tpsl.");
            }

            type = new ReceivedOrderType(ReceivedTimeInForce.Gtc, true, Bool(trigger, "isMarket"), Str(trigger, "triggerPx"), tpsl == "tp");
        }

        string? cloid = null;
        if (order.TryGetProperty("c", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            cloid = CloidOf(c);
        }

        return new ReceivedOrder(Int(order, "a"), Bool(order, "b"), Str(order, "p"), Str(order, "s"), Bool(order, "r"), type, cloid);
    }

    private static ReceivedModifyAction ParseModify(JsonElement modify)
    {
        var oid = modify.GetProperty("oid");
        var target = oid.ValueKind == JsonValueKind.String ? new ReceivedOrderRef(null, CloidOf(oid)) : new ReceivedOrderRef(oid.GetInt64(), null);
        return new ReceivedModifyAction(target, ParseOrder(modify.GetProperty("order")));
    }

    private static ReceivedApproveAgentAction ParseApproveAgent(JsonElement action)
    {
        var agent = Str(action, "agentAddress");
        if (!FundedAccount.IsAddress(agent))
        {
            throw new FormatException("Bad agent address.");
        }

        var name = action.TryGetProperty("agentName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        return new ReceivedApproveAgentAction(Str(action, "hyperliquidChain"), agent.ToLowerInvariant(), name, Long(action, "nonce"));
    }

    private static string CloidOf(JsonElement element)
    {
        var text = element.GetString() ?? throw new FormatException("Null cloid.");
        if (text.Length != 34 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("Bad cloid.");
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                throw new FormatException("Bad cloid.");
            }
        }

        return text.ToLowerInvariant();
    }

    private static List<T> Map<T>(JsonElement array, Func<JsonElement, T> map)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Expected an array.");
        }

        var list = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(map(item));
        }

        return list;
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static long Long(JsonElement element, string name) => element.GetProperty(name).GetInt64();

    private static bool Bool(JsonElement element, string name) => element.GetProperty(name).GetBoolean();

    private static string Str(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Null {name}."));
}

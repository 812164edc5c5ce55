using System.Text;
using System.Text.Json;

namespace Halyard.Tests.Execution.Support;

/// <summary>The scripted venue's answers (called under its lock).</summary>
internal sealed partial class ScriptedVenue
{
    private string Exchange(JsonElement action)
    {
        var type = action.GetProperty("type").GetString()!;
        switch (type)
        {
            case "order":
                var statuses = action.GetProperty("orders").EnumerateArray().Select(PlaceOne).ToArray();
                return "{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[" + string.Join(',', statuses) + "]}}}";
            case "cancel":
                return Cancels(action.GetProperty("cancels").EnumerateArray().Select(c => OpenOrders.FirstOrDefault(o => o.Oid == c.GetProperty("o").GetInt64())));
            case "cancelByCloid":
                return Cancels(action.GetProperty("cancels").EnumerateArray().Select(c => OpenOrders.FirstOrDefault(o => o.Cloid == c.GetProperty("cloid").GetString())));
            case "updateLeverage":
                Leverage[Coins[action.GetProperty("asset").GetInt32()]] = action.GetProperty("leverage").GetInt32();
                return "{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}";
            case "scheduleCancel":
                return ScheduleCancelError is { } error
                    ? "{\"status\":\"err\",\"response\":" + JsonSerializer.Serialize(error) + "}"
                    : "{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}";
            default:
                return "{\"status\":\"err\",\"response\":\"unsupported " + type + "\"}";
        }
    }

    private string Cancels(IEnumerable<VenueOrder?> orders)
    {
        var statuses = orders.Select(o =>
        {
            if (o is null)
            {
                return "{\"error\":\"Order was never placed, already canceled, or filled. asset=0\"}";
            }

            o.Status = "canceled";
            OpenOrders.Remove(o);
            return "\"success\"";
        });
        return "{\"status\":\"ok\",\"response\":{\"type\":\"cancel\",\"data\":{\"statuses\":[" + string.Join(',', statuses) + "]}}}";
    }

    private string PlaceOne(JsonElement wire)
    {
        var coin = Coins[wire.GetProperty("a").GetInt32()];
        var isBuy = wire.GetProperty("b").GetBoolean();
        var size = Dec(wire.GetProperty("s"));
        var reduceOnly = wire.GetProperty("r").GetBoolean();
        var cloid = wire.TryGetProperty("c", out var c) ? c.GetString() : null;
        var type = wire.GetProperty("t");
        var isTrigger = type.TryGetProperty("trigger", out var trigger);
        var order = new VenueOrder
        {
            Oid = _nextOid++,
            Coin = coin,
            IsBuy = isBuy,
            LimitPx = Dec(wire.GetProperty("p")),
            OrigSz = size,
            Sz = size,
            Cloid = cloid,
            ReduceOnly = reduceOnly,
            IsTrigger = isTrigger,
            TriggerPx = isTrigger ? Dec(trigger.GetProperty("triggerPx")) : 0m,
            IsTakeProfit = isTrigger && trigger.GetProperty("tpsl").GetString() == "tp",
            Tif = isTrigger ? "Gtc" : type.GetProperty("limit").GetProperty("tif").GetString()!,
        };
        if (cloid is not null)
        {
            ByCloid[cloid] = order;
        }

        if (isTrigger)
        {
            OpenOrders.Add(order);
            return TriggersAnswerWaiting ? "\"waitingForTrigger\"" : "{\"resting\":{\"oid\":" + order.Oid + Cloid(cloid) + "}}";
        }

        var held = Positions.GetValueOrDefault(coin);
        var fraction = reduceOnly ? 1m : EntryFillFraction;
        var take = reduceOnly ? Math.Min(size, Math.Abs(held)) : decimal.Round(size * fraction, 8);
        if (reduceOnly && (held == 0 || (held > 0) == isBuy))
        {
            order.Status = "reduceOnlyRejected";
            return "{\"error\":\"Reduce only order would increase position. asset=" + wire.GetProperty("a").GetInt32() + "\"}";
        }

        var price = Mids[coin];
        if (take > 0m)
        {
            Execute(order, take, price);
        }

        if (order.Sz > 0m && order.Tif == "Gtc" && GtcRests)
        {
            OpenOrders.Add(order);
            return take > 0m && order.Sz == 0m ? Filled(order, price) : "{\"resting\":{\"oid\":" + order.Oid + Cloid(cloid) + "}}";
        }

        order.Status = take > 0m ? "filled" : "canceled";
        return take > 0m
            ? Filled(order, price)
            : "{\"error\":\"Order could not immediately match against any resting orders. asset=" + wire.GetProperty("a").GetInt32() + "\"}";
    }

    /// <summary>Fills <paramref name="size"/> of a resting order now (a GTC entry that the market reaches).</summary>
    public void FillResting(VenueOrder order, decimal size)
    {
        lock (_gate)
        {
            Execute(order, size, Mids[order.Coin]);
            if (order.Sz == 0m)
            {
                order.Status = "filled";
                OpenOrders.Remove(order);
            }
        }
    }

    /// <summary>Fires a trigger at its trigger price (a stop that the market reaches).</summary>
    public void FireTrigger(VenueOrder order)
    {
        lock (_gate)
        {
            OpenOrders.Remove(order);
            var held = Positions.GetValueOrDefault(order.Coin);
            var take = Math.Min(order.Sz, Math.Abs(held));
            if (take > 0m)
            {
                Execute(order, take, order.TriggerPx);
            }

            order.Status = take > 0m ? "filled" : "canceled";
        }
    }

    private void Execute(VenueOrder order, decimal size, decimal price)
    {
        var held = Positions.GetValueOrDefault(order.Coin);
        var signed = order.IsBuy ? size : -size;
        var closing = held != 0 && (held > 0) != order.IsBuy;
        Positions[order.Coin] = held + signed;
        if (Positions[order.Coin] == 0m)
        {
            Positions.Remove(order.Coin);
        }

        order.Sz -= size;
        order.Filled += size;
        var dir = closing ? (held > 0 ? "Close Long" : "Close Short") : (order.IsBuy ? "Open Long" : "Open Short");
        Fills.Add(new VenueFill(order.Coin, price, size, order.IsBuy, NowMs, dir, closing ? 1m : 0m, order.Oid, order.Cloid));
    }

    private static string Filled(VenueOrder order, decimal price) =>
        "{\"filled\":{\"totalSz\":\"" + D(order.Filled) + "\",\"avgPx\":\"" + D(price) + "\",\"oid\":" + order.Oid + Cloid(order.Cloid) + "}}";

    private static string Cloid(string? cloid) => cloid is null ? string.Empty : ",\"cloid\":\"" + cloid + "\"";

    private string Info(JsonElement request)
    {
        var type = request.GetProperty("type").GetString()!;
        return type switch
        {
            "allMids" => "{" + string.Join(',', Mids.Select(m => "\"" + m.Key + "\":\"" + D(m.Value) + "\"")) + "}",
            "meta" => "{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":40},{\"name\":\"ETH\",\"szDecimals\":4,\"maxLeverage\":25},{\"name\":\"SOL\",\"szDecimals\":2,\"maxLeverage\":20}]}",
            "clearinghouseState" => State(),
            "frontendOpenOrders" or "openOrders" => "[" + string.Join(',', OpenOrders.Select(OrderJson)) + "]",
            "orderStatus" => OrderStatus(request.GetProperty("oid")),
            "userFillsByTime" or "userFills" => FillsJson(request.TryGetProperty("startTime", out var start) ? start.GetInt64() : 0),
            _ => "null",
        };
    }

    private string State()
    {
        var positions = Positions.Select(p =>
        {
            var leverage = Leverage.GetValueOrDefault(p.Key, 20);
            var value = Math.Abs(p.Value) * Mids[p.Key];
            return "{\"type\":\"oneWay\",\"position\":{\"coin\":\"" + p.Key + "\",\"szi\":\"" + D(p.Value) + "\",\"leverage\":{\"type\":\"cross\",\"value\":" + leverage
                + "},\"entryPx\":\"" + D(Mids[p.Key]) + "\",\"positionValue\":\"" + D(value) + "\",\"unrealizedPnl\":\"0\",\"returnOnEquity\":\"0\",\"liquidationPx\":null,\"marginUsed\":\""
                + D(value / leverage) + "\",\"maxLeverage\":40,\"cumFunding\":{\"allTime\":\"0\",\"sinceOpen\":\"0\",\"sinceChange\":\"0\"}}}";
        });
        var summary = "{\"accountValue\":\"" + D(Withdrawable) + "\",\"totalNtlPos\":\"0\",\"totalRawUsd\":\"" + D(Withdrawable) + "\",\"totalMarginUsed\":\"0\"}";
        return "{\"marginSummary\":" + summary + ",\"crossMarginSummary\":" + summary + ",\"crossMaintenanceMarginUsed\":\"0\",\"withdrawable\":\"" + D(Withdrawable)
            + "\",\"assetPositions\":[" + string.Join(',', positions) + "],\"time\":" + NowMs + "}";
    }

    private string OrderStatus(JsonElement oid)
    {
        var order = oid.ValueKind == JsonValueKind.String
            ? ByCloid.GetValueOrDefault(oid.GetString()!)
            : ByCloid.Values.Concat(OpenOrders).FirstOrDefault(o => o.Oid == oid.GetInt64());
        return order is null
            ? "{\"status\":\"unknownOid\"}"
            : "{\"status\":\"order\",\"order\":{\"order\":" + OrderJson(order) + ",\"status\":\"" + order.Status + "\",\"statusTimestamp\":" + NowMs + "}}";
    }

    private static string OrderJson(VenueOrder o)
    {
        var json = new StringBuilder();
        json.Append("{\"coin\":\"").Append(o.Coin).Append("\",\"side\":\"").Append(o.IsBuy ? 'B' : 'A')
            .Append("\",\"limitPx\":\"").Append(D(o.LimitPx)).Append("\",\"sz\":\"").Append(D(o.Sz)).Append("\",\"oid\":").Append(o.Oid)
            .Append(",\"timestamp\":0,\"origSz\":\"").Append(D(o.OrigSz)).Append("\",\"reduceOnly\":").Append(o.ReduceOnly ? "true" : "false")
            .Append(",\"isTrigger\":").Append(o.IsTrigger ? "true" : "false").Append(",\"triggerPx\":\"").Append(D(o.TriggerPx))
            .Append("\",\"triggerCondition\":\"N/A\",\"children\":[],\"isPositionTpsl\":false,\"orderType\":\"")
            .Append(o.IsTrigger ? (o.IsTakeProfit ? "Take Profit Market" : "Stop Market") : "Limit").Append("\",\"tif\":")
            .Append(o.IsTrigger ? "null" : "\"" + o.Tif + "\"").Append(",\"cloid\":").Append(o.Cloid is null ? "null" : "\"" + o.Cloid + "\"").Append('}');
        return json.ToString();
    }

    private string FillsJson(long startMs)
    {
        var items = Fills.Where(f => f.Time >= startMs).Select((f, i) =>
            "{\"coin\":\"" + f.Coin + "\",\"px\":\"" + D(f.Px) + "\",\"sz\":\"" + D(f.Sz) + "\",\"side\":\"" + (f.IsBuy ? "B" : "A") + "\",\"time\":" + f.Time
            + ",\"startPosition\":\"0\",\"dir\":\"" + f.Dir + "\",\"closedPnl\":\"" + D(f.ClosedPnl) + "\",\"hash\":\"0x" + i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)
            + "\",\"oid\":" + f.Oid + ",\"crossed\":true,\"fee\":\"0.1\",\"tid\":" + (i + 1) + ",\"feeToken\":\"USDC\"" + (f.Cloid is null ? string.Empty : ",\"cloid\":\"" + f.Cloid + "\"") + "}");
        return "[" + string.Join(',', items) + "]";
    }
}

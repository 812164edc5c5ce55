using System.Text.Json;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// Per-user <c>/info</c> answers in the venue's shapes: <c>clearinghouseState</c>, <c>openOrders</c>,
/// <c>frontendOpenOrders</c>, <c>orderStatus</c>, <c>historicalOrders</c>, <c>userFills</c>,
/// <c>userFillsByTime</c>, <c>userFunding</c> and <c>userRateLimit</c>. Unknown users get empty answers.
/// </summary>
internal sealed class AccountInfoWriter(VenueState state, MarginCalculator margin)
{
    public const int MaxFills = 2000;
    public const int MaxFunding = 500;

    public void ClearinghouseState(Utf8JsonWriter writer, string user, long nowMs)
    {
        var account = state.Accounts.GetValueOrDefault(user) ?? new Account(user, 0m);
        var summary = margin.Summarize(account, nowMs);
        writer.WriteStartObject();
        WriteMarginSummary(writer, "marginSummary", summary.AccountValue, summary.TotalNtlPos, summary.TotalRawUsd, summary.TotalMarginUsed);
        WriteMarginSummary(writer, "crossMarginSummary", summary.CrossAccountValue, summary.CrossNtlPos, summary.CrossRawUsd, summary.CrossMarginUsed);
        writer.WriteString("crossMaintenanceMarginUsed", Usd(summary.CrossMaintenanceMarginUsed));
        writer.WriteString("withdrawable", Usd(summary.Withdrawable));
        writer.WriteStartArray("assetPositions");
        foreach (var metrics in summary.Positions)
        {
            WritePosition(writer, account, metrics, summary);
        }

        writer.WriteEndArray();
        writer.WriteNumber("time", nowMs);
        writer.WriteEndObject();
    }

    public void OpenOrders(Utf8JsonWriter writer, string user, bool frontend)
    {
        writer.WriteStartArray();
        if (state.Accounts.TryGetValue(user, out var account))
        {
            for (var i = account.OpenOrders.Count - 1; i >= 0; i--)
            {
                var order = account.OpenOrders[i];
                if (!order.Active)
                {
                    continue;
                }

                if (frontend)
                {
                    FrontendOrder(writer, order);
                }
                else
                {
                    BasicOrder(writer, order);
                }
            }
        }

        writer.WriteEndArray();
    }

    public void OrderStatus(Utf8JsonWriter writer, string user, long? oid, string? cloid)
    {
        var order = oid is { } id
            ? state.Orders.GetValueOrDefault(id)
            : state.Accounts.GetValueOrDefault(user)?.ByCloid.GetValueOrDefault(cloid!);
        writer.WriteStartObject();
        if (order is null || order.User != user)
        {
            writer.WriteString("status", "unknownOid");
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("status", "order");
        writer.WritePropertyName("order");
        OrderWithStatus(writer, order);
        writer.WriteEndObject();
    }

    public void HistoricalOrders(Utf8JsonWriter writer, string user)
    {
        writer.WriteStartArray();
        if (state.Accounts.TryGetValue(user, out var account))
        {
            var written = 0;
            for (var i = account.History.Count - 1; i >= 0 && written < MaxFills; i--, written++)
            {
                OrderWithStatus(writer, account.History[i]);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary><c>userFills</c>: newest first. <c>userFillsByTime</c>: oldest first within [start, end].</summary>
    public void Fills(Utf8JsonWriter writer, string user, long? startMs, long? endMs)
    {
        writer.WriteStartArray();
        if (state.Accounts.TryGetValue(user, out var account))
        {
            var fills = account.Fills;
            var written = 0;
            if (startMs is { } start)
            {
                for (var i = 0; i < fills.Count && written < MaxFills; i++)
                {
                    if (fills[i].Time >= start && (endMs is null || fills[i].Time <= endMs))
                    {
                        WriteFill(writer, account, fills[i]);
                        written++;
                    }
                }
            }
            else
            {
                for (var i = fills.Count - 1; i >= 0 && written < MaxFills; i--, written++)
                {
                    WriteFill(writer, account, fills[i]);
                }
            }
        }

        writer.WriteEndArray();
    }

    public void UserFunding(Utf8JsonWriter writer, string user, long startMs, long? endMs)
    {
        writer.WriteStartArray();
        if (state.Accounts.TryGetValue(user, out var account))
        {
            var written = 0;
            foreach (var record in account.Fundings)
            {
                if (record.Time < startMs || (endMs is { } end && record.Time > end))
                {
                    continue;
                }

                if (written++ >= MaxFunding)
                {
                    break;
                }

                writer.WriteStartObject();
                writer.WriteNumber("time", record.Time);
                writer.WriteString("hash", record.Hash);
                writer.WriteStartObject("delta");
                writer.WriteString("type", "funding");
                writer.WriteString("coin", record.Coin);
                writer.WriteString("usdc", Usd(record.Usdc));
                writer.WriteString("szi", PriceMath.Format(record.Szi));
                writer.WriteString("fundingRate", PriceMath.Format(record.Rate));
                writer.WriteNull("nSamples");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    public void UserRateLimit(Utf8JsonWriter writer, string user)
    {
        var account = state.Accounts.GetValueOrDefault(user);
        var volume = account?.CumVolume ?? 0m;
        writer.WriteStartObject();
        writer.WriteString("cumVlm", Usd(volume));
        writer.WriteNumber("nRequestsUsed", account?.RequestsUsed ?? 0);
        writer.WriteNumber("nRequestsCap", 10_000 + (long)decimal.Floor(volume));
        writer.WriteEndObject();
    }

    private void WritePosition(Utf8JsonWriter writer, Account account, PositionMetrics metrics, AccountSummary summary)
    {
        var position = metrics.Position;
        var entryMargin = Math.Abs(position.Szi) * position.EntryPx / metrics.Leverage.Value;
        writer.WriteStartObject();
        writer.WriteString("type", "oneWay");
        writer.WriteStartObject("position");
        writer.WriteString("coin", state.Market.Asset(position.Asset).Name);
        writer.WriteString("szi", PriceMath.Format(position.Szi));
        writer.WriteStartObject("leverage");
        writer.WriteString("type", metrics.Leverage.IsCross ? "cross" : "isolated");
        writer.WriteNumber("value", metrics.Leverage.Value);
        if (!metrics.Leverage.IsCross)
        {
            writer.WriteString("rawUsd", Usd(position.IsolatedMargin - (position.Szi * position.EntryPx)));
        }

        writer.WriteEndObject();
        writer.WriteString("entryPx", Price(position.EntryPx));
        writer.WriteString("positionValue", Usd(metrics.PositionValue));
        writer.WriteString("unrealizedPnl", Usd(metrics.UnrealizedPnl));
        writer.WriteString("returnOnEquity", PriceMath.Format(entryMargin == 0 ? 0 : decimal.Round(metrics.UnrealizedPnl / entryMargin, 10)));
        if (margin.LiquidationPrice(account, metrics, summary) is { } liquidation)
        {
            writer.WriteString("liquidationPx", Price(liquidation));
        }
        else
        {
            writer.WriteNull("liquidationPx");
        }

        writer.WriteString("marginUsed", Usd(metrics.MarginUsed));
        writer.WriteNumber("maxLeverage", metrics.MaxLeverage);
        writer.WriteStartObject("cumFunding");
        writer.WriteString("allTime", Usd(position.FundingAllTime));
        writer.WriteString("sinceOpen", Usd(position.FundingSinceOpen));
        writer.WriteString("sinceChange", Usd(position.FundingSinceChange));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMarginSummary(Utf8JsonWriter writer, string name, decimal value, decimal ntl, decimal raw, decimal used)
    {
        writer.WriteStartObject(name);
        writer.WriteString("accountValue", Usd(value));
        writer.WriteString("totalNtlPos", Usd(ntl));
        writer.WriteString("totalRawUsd", Usd(raw));
        writer.WriteString("totalMarginUsed", Usd(used));
        writer.WriteEndObject();
    }

    private static void BasicOrder(Utf8JsonWriter writer, OrderState order)
    {
        writer.WriteStartObject();
        writer.WriteString("coin", order.Coin);
        writer.WriteString("side", order.IsBuy ? "B" : "A");
        writer.WriteString("limitPx", PriceMath.Format(order.LimitPx));
        writer.WriteString("sz", PriceMath.Format(order.Sz));
        writer.WriteNumber("oid", order.Oid);
        writer.WriteNumber("timestamp", order.Timestamp);
        writer.WriteString("origSz", PriceMath.Format(order.OrigSz));
        if (order.Cloid is not null)
        {
            writer.WriteString("cloid", order.Cloid);
        }

        if (order.ReduceOnly)
        {
            writer.WriteBoolean("reduceOnly", true);
        }

        writer.WriteEndObject();
    }

    private static void FrontendOrder(Utf8JsonWriter writer, OrderState order)
    {
        writer.WriteStartObject();
        writer.WriteString("coin", order.Coin);
        writer.WriteString("side", order.IsBuy ? "B" : "A");
        writer.WriteString("limitPx", PriceMath.Format(order.LimitPx));
        writer.WriteString("sz", PriceMath.Format(order.Sz));
        writer.WriteNumber("oid", order.Oid);
        writer.WriteNumber("timestamp", order.Timestamp);
        writer.WriteString("triggerCondition", order.WasTrigger
            ? (order.TriggersAbove ? "Price above " : "Price below ") + PriceMath.Plain(order.TriggerPx)
            : "N/A");
        writer.WriteBoolean("isTrigger", order.IsTrigger);
        writer.WriteString("triggerPx", PriceMath.Format(order.TriggerPx));
        writer.WriteStartArray("children");
        if (order.Children is { } children)
        {
            foreach (var child in children)
            {
                if (child.IsOpen && !child.Active)
                {
                    FrontendOrder(writer, child);
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteBoolean("isPositionTpsl", order.Role == OrderRole.PositionTpsl);
        writer.WriteBoolean("reduceOnly", order.ReduceOnly);
        writer.WriteString("orderType", order.OrderType);
        writer.WriteString("origSz", PriceMath.Format(order.OrigSz));
        if (order.IsTrigger)
        {
            writer.WriteNull("tif");
        }
        else
        {
            writer.WriteString("tif", order.Tif.ToString());
        }

        if (order.Cloid is null)
        {
            writer.WriteNull("cloid");
        }
        else
        {
            writer.WriteString("cloid", order.Cloid);
        }

        writer.WriteEndObject();
    }

    internal static void OrderWithStatus(Utf8JsonWriter writer, OrderState order)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("order");
        FrontendOrder(writer, order);
        writer.WriteString("status", order.Status);
        writer.WriteNumber("statusTimestamp", order.StatusTimestamp);
        writer.WriteEndObject();
    }

    internal static void WriteFill(Utf8JsonWriter writer, Account account, FillRecord fill)
    {
        writer.WriteStartObject();
        writer.WriteString("coin", fill.Coin);
        writer.WriteString("px", PriceMath.Format(fill.Px));
        writer.WriteString("sz", PriceMath.Format(fill.Sz));
        writer.WriteString("side", fill.IsBuy ? "B" : "A");
        writer.WriteNumber("time", fill.Time);
        writer.WriteString("startPosition", PriceMath.Format(fill.StartPosition));
        writer.WriteString("dir", fill.Dir);
        writer.WriteString("closedPnl", Usd(fill.ClosedPnl));
        writer.WriteString("hash", fill.Hash);
        writer.WriteNumber("oid", fill.Oid);
        writer.WriteBoolean("crossed", fill.Crossed);
        writer.WriteString("fee", Usd(fill.Fee));
        writer.WriteNumber("tid", fill.Tid);
        if (fill.Cloid is not null)
        {
            writer.WriteString("cloid", fill.Cloid);
        }

        if (fill.LiquidationMarkPx is { } markPx)
        {
            writer.WriteStartObject("liquidation");
            writer.WriteString("liquidatedUser", account.Address);
            writer.WriteString("markPx", Price(markPx));
            writer.WriteString("method", fill.Liquidation == LiquidationMethod.Backstop ? "backstop" : "market");
            writer.WriteEndObject();
        }

        writer.WriteString("feeToken", "USDC");
        writer.WriteNull("twapId");
        writer.WriteEndObject();
    }

    private static string Usd(decimal value) => PriceMath.Format(PriceMath.RoundUsd(value));

    private static string Price(decimal value) => PriceMath.Format(decimal.Round(value, 8, MidpointRounding.ToEven));
}

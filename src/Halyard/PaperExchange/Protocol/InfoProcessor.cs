using System.Buffers;
using System.Text.Json;

namespace Halyard.PaperExchange.Protocol;

/// <summary>Routes a <c>/info</c> body by its <c>type</c>; null when the body is not a request the venue knows (HTTP 422).</summary>
internal sealed class InfoProcessor(MarketInfoWriter market, AccountInfoWriter accounts)
{
    // One answer buffer for the run, reused (every caller holds the engine's lock); below the large-object heap.
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public byte[]? Process(JsonElement body, long nowMs)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var buffer = _buffer;
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            try
            {
                if (!Write(writer, typeElement.GetString()!, body, nowMs))
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private bool Write(Utf8JsonWriter writer, string type, JsonElement body, long nowMs)
    {
        switch (type)
        {
            case "meta":
                market.Meta(writer);
                return true;
            case "metaAndAssetCtxs":
                market.MetaAndAssetCtxs(writer, nowMs);
                return true;
            case "allMids":
                market.AllMids(writer, nowMs);
                return true;
            case "l2Book":
                market.L2Book(writer, Str(body, "coin"), nowMs);
                return true;
            case "candleSnapshot":
                var req = body.GetProperty("req");
                market.CandleSnapshot(writer, Str(req, "coin"), Str(req, "interval"), req.GetProperty("startTime").GetInt64(), req.GetProperty("endTime").GetInt64(), nowMs);
                return true;
            case "fundingHistory":
                market.FundingHistory(writer, Str(body, "coin"), body.GetProperty("startTime").GetInt64(), OptionalLong(body, "endTime"), nowMs);
                return true;
            case "clearinghouseState":
                accounts.ClearinghouseState(writer, User(body), nowMs);
                return true;
            case "openOrders":
                accounts.OpenOrders(writer, User(body), frontend: false);
                return true;
            case "frontendOpenOrders":
                accounts.OpenOrders(writer, User(body), frontend: true);
                return true;
            case "orderStatus":
                var oid = body.GetProperty("oid");
                accounts.OrderStatus(
                    writer,
                    User(body),
                    oid.ValueKind == JsonValueKind.Number ? oid.GetInt64() : null,
                    oid.ValueKind == JsonValueKind.String ? oid.GetString()!.ToLowerInvariant() : null);
                return oid.ValueKind is JsonValueKind.Number or JsonValueKind.String;
            case "historicalOrders":
                accounts.HistoricalOrders(writer, User(body));
                return true;
            case "userFills":
                accounts.Fills(writer, User(body), null, null);
                return true;
            case "userFillsByTime":
                accounts.Fills(writer, User(body), body.GetProperty("startTime").GetInt64(), OptionalLong(body, "endTime"));
                return true;
            case "userFunding":
                accounts.UserFunding(writer, User(body), body.GetProperty("startTime").GetInt64(), OptionalLong(body, "endTime"));
                return true;
            case "userRateLimit":
                accounts.UserRateLimit(writer, User(body));
                return true;
            default:
                return false;
        }
    }

    private static string User(JsonElement body) => Str(body, "user").ToLowerInvariant();

    private static string Str(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException("Null " + name);

    private static long? OptionalLong(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetInt64() : null;
}

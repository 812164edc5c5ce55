using System.Globalization;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Hyperliquid.WebSocket;

/// <summary>
/// Parses one text frame of the venue's WebSocket into a <see cref="WsMessage"/>. Data frames are
/// <c>{"channel": name, "data": …}</c>; the shapes of the data are those of the equivalent <c>/info</c>
/// answers where one exists, so they reuse the <c>/info</c> wire types and mappers. A frame that does not
/// parse becomes <see cref="WsMalformed"/> (a value, never an exception).
/// </summary>
public static class WsMessageParser
{
    private static readonly InfoJsonContext Json = InfoJsonContext.Default;

    /// <summary>Null for the venue's plain-text greeting; a message otherwise.</summary>
    public static WsMessage? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text == WsChannels.Greeting ? null : Parse(Encoding.UTF8.GetBytes(text), text);
    }

    /// <summary>
    /// The same from the frame's UTF-8 bytes, parsed in place (no string of the frame unless the message keeps its
    /// text: <see cref="WsUnknown"/>, <see cref="WsMalformed"/>). The bytes are not read after this returns.
    /// </summary>
    public static WsMessage? Parse(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.SequenceEqual(GreetingUtf8) ? null : Parse(utf8, null);

    private static readonly byte[] GreetingUtf8 = Encoding.UTF8.GetBytes(WsChannels.Greeting);

    private static WsMessage Parse(ReadOnlyMemory<byte> utf8, string? text)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("channel"u8, out var channelElement) || channelElement.ValueKind != JsonValueKind.String)
            {
                return new WsMalformed(text ?? Text(utf8), "no channel");
            }

            var channel = channelElement.GetString()!;
            root.TryGetProperty("data"u8, out var data);
            return channel switch
            {
                WsChannels.Pong => new WsPong(),
                WsChannels.SubscriptionResponse => Ack(data),
                WsChannels.Error => new WsError(data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText()),
                WsChannels.OrderUpdates => new WsOrderUpdates(Required(data, Json.IReadOnlyListOrderStatusEntryWire).Select(InfoMapper.ToReport).ToArray()),
                WsChannels.UserFills => UserFills(data),
                WsChannels.User => UserEvent(data),
                WsChannels.ClearinghouseState => ClearinghouseState(data),
                WsChannels.AllMids => new WsAllMids(Required(Property(data, "mids"), Json.IReadOnlyDictionaryStringDecimal)),
                WsChannels.L2Book => new WsL2Book(InfoMapper.ToBook(Required(data, Json.L2BookWire))),
                WsChannels.Candle => Candle(data),
                WsChannels.Post => Post(data),
                _ => new WsUnknown(channel, text ?? Text(utf8)),
            };
        }
        catch (JsonException ex)
        {
            return new WsMalformed(text ?? Text(utf8), ex.Message);
        }
        catch (InfoFormatException ex)
        {
            return new WsMalformed(text ?? Text(utf8), ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return new WsMalformed(text ?? Text(utf8), ex.Message);
        }
    }

    private static string Text(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);

    private static WsSubscriptionAck Ack(JsonElement data)
    {
        var method = Property(data, "method").GetString() ?? throw new JsonException("subscriptionResponse without method");
        return new WsSubscriptionAck(method, data.TryGetProperty("subscription", out var subscription) ? WsSubscription.From(subscription) : null);
    }

    private static WsUserFills UserFills(JsonElement data)
    {
        var user = Property(data, "user").GetString() ?? throw new JsonException("userFills without user");
        var fills = Required(Property(data, "fills"), Json.IReadOnlyListUserFillWire).Select(InfoMapper.ToFill).ToArray();
        var snapshot = data.TryGetProperty("isSnapshot", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new WsUserFills(user, fills, snapshot);
    }

    private static WsUserEvent UserEvent(JsonElement data)
    {
        IReadOnlyList<UserFill> fills = data.TryGetProperty("fills", out var f)
            ? Required(f, Json.IReadOnlyListUserFillWire).Select(InfoMapper.ToFill).ToArray()
            : [];
        UserFundingEntry? funding = null;
        if (data.TryGetProperty("funding", out var fu))
        {
            funding = new UserFundingEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(Property(fu, "time").GetInt64()),
                Property(fu, "coin").GetString()!,
                Decimal(Property(fu, "usdc")),
                Decimal(Property(fu, "szi")),
                Decimal(Property(fu, "fundingRate")),
                fu.TryGetProperty("nSamples", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null,
                string.Empty);
        }

        WsLiquidation? liquidation = null;
        if (data.TryGetProperty("liquidation", out var li))
        {
            liquidation = new WsLiquidation(
                Property(li, "lid").GetInt64(),
                Property(li, "liquidator").GetString()!,
                Property(li, "liquidated_user").GetString()!,
                Decimal(Property(li, "liquidated_ntl_pos")),
                Decimal(Property(li, "liquidated_account_value")));
        }

        var cancels = new List<WsNonUserCancel>();
        if (data.TryGetProperty("nonUserCancel", out var nc))
        {
            foreach (var cancel in nc.EnumerateArray())
            {
                cancels.Add(new WsNonUserCancel(Property(cancel, "coin").GetString()!, Property(cancel, "oid").GetInt64()));
            }
        }

        return new WsUserEvent(fills, funding, liquidation, cancels);
    }

    private static WsClearinghouseState ClearinghouseState(JsonElement data)
    {
        var user = Property(data, "user").GetString() ?? throw new JsonException("clearinghouseState without user");
        var state = Required(Property(data, "clearinghouseState"), Json.ClearinghouseStateWire);
        var time = state.Time is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UnixEpoch;
        return new WsClearinghouseState(user, InfoMapper.ToAccount(state, time));
    }

    private static WsCandle Candle(JsonElement data)
    {
        // The docs give Candle[] as the data format; the venue sends one candle object. Accept both.
        var element = data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().Last() : data;
        var candle = Required(element, Json.CandleWire);
        return new WsCandle(candle.Coin, candle.Interval, InfoMapper.ToCandle(candle));
    }

    private static WsPostResponse Post(JsonElement data)
    {
        var response = Property(data, "response");
        return new WsPostResponse(Property(data, "id").GetInt64(), Property(response, "type").GetString()!, Property(response, "payload").GetRawText());
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new JsonException("missing '" + name + "'");

    private static T Required<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        element.Deserialize(type) ?? throw new JsonException("null " + typeof(T).Name);

    private static decimal Decimal(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => decimal.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Number => element.GetDecimal(),
        _ => throw new JsonException("not a number"),
    };
}

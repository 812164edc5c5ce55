using System.Text.Json;

namespace Halyard.Hyperliquid.WebSocket;

/// <summary>
/// One subscription object of the venue's WebSocket API (<c>{"method":"subscribe","subscription":{…}}</c>):
/// its <c>type</c> and the user, coin or interval it is about. <see cref="Key"/> identifies it, so a
/// subscription is sent once and re-sent after every reconnect.
/// </summary>
public sealed record WsSubscription
{
    private WsSubscription(string type, string? user = null, string? coin = null, string? interval = null)
    {
        Type = type;
        User = user?.ToLowerInvariant();
        Coin = coin;
        Interval = interval;
    }

    public string Type { get; }

    public string? User { get; }

    public string? Coin { get; }

    public string? Interval { get; }

    /// <summary>Type, user, coin and interval in one string: two equal subscriptions have the same key.</summary>
    public string Key => string.Join('|', Type, User ?? string.Empty, Coin ?? string.Empty, Interval ?? string.Empty);

    /// <summary><c>orderUpdates</c>: every status change of the user's orders.</summary>
    public static WsSubscription OrderUpdates(string user) => new(WsChannels.OrderUpdates, RequireUser(user));

    /// <summary><c>userFills</c>: the user's fills, the first message a snapshot (<c>isSnapshot</c>).</summary>
    public static WsSubscription UserFills(string user) => new(WsChannels.UserFills, RequireUser(user));

    /// <summary><c>userEvents</c> (data on channel <c>user</c>): fills, funding, liquidation, non-user cancels.</summary>
    public static WsSubscription UserEvents(string user) => new(WsChannels.UserEventsType, RequireUser(user));

    /// <summary><c>clearinghouseState</c>: the perp account whenever it changes.</summary>
    public static WsSubscription ClearinghouseState(string user) => new(WsChannels.ClearinghouseState, RequireUser(user));

    /// <summary><c>allMids</c>: the mid price of every coin.</summary>
    public static WsSubscription AllMids() => new(WsChannels.AllMids);

    /// <summary><c>l2Book</c> of one coin.</summary>
    public static WsSubscription L2Book(string coin) => new(WsChannels.L2Book, coin: RequireText(coin, nameof(coin)));

    /// <summary><c>candle</c> of one coin and interval (<c>1m</c> … <c>1M</c>).</summary>
    public static WsSubscription Candle(string coin, string interval) =>
        new(WsChannels.Candle, coin: RequireText(coin, nameof(coin)), interval: RequireText(interval, nameof(interval)));

    /// <summary>Reads a subscription object (the server side of the paper exchange, acks); null when it is not one we know.</summary>
    public static WsSubscription? From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string? Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var type = typeElement.GetString()!;
        return type switch
        {
            WsChannels.OrderUpdates or WsChannels.UserFills or WsChannels.UserEventsType or WsChannels.ClearinghouseState
                when Text("user") is { } user && FundedAddress(user) => new WsSubscription(type, user),
            WsChannels.AllMids => new WsSubscription(type),
            WsChannels.L2Book when Text("coin") is { Length: > 0 } coin => new WsSubscription(type, coin: coin),
            WsChannels.Candle when Text("coin") is { Length: > 0 } coin && Text("interval") is { Length: > 0 } interval => new WsSubscription(type, coin: coin, interval: interval),
            _ => null,
        };
    }

    /// <summary>Writes the subscription object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        if (User is not null)
        {
            writer.WriteString("user", User);
        }

        if (Coin is not null)
        {
            writer.WriteString("coin", Coin);
        }

        if (Interval is not null)
        {
            writer.WriteString("interval", Interval);
        }

        writer.WriteEndObject();
    }

    public override string ToString() => Key;

    private static string RequireUser(string user)
    {
        if (!FundedAddress(user))
        {
            throw new ArgumentException("A user subscription needs a 0x + 40 hex address (the master account, never the agent).", nameof(user));
        }

        return user;
    }

    private static bool FundedAddress(string text) =>
        text.Length == 42 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") is false;

    private static string RequireText(string text, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, name);
        return text;
    }
}

/// <summary>The channel and subscription-type names of the venue's WebSocket API.</summary>
public static class WsChannels
{
    public const string SubscriptionResponse = "subscriptionResponse";
    public const string Pong = "pong";
    public const string Error = "error";
    public const string Post = "post";
    public const string OrderUpdates = "orderUpdates";
    public const string UserFills = "userFills";

    /// <summary>The subscription type <c>userEvents</c>; its data arrives on channel <see cref="User"/>.</summary>
    public const string UserEventsType = "userEvents";

    /// <summary>The channel of <c>userEvents</c> data.</summary>
    public const string User = "user";
    public const string ClearinghouseState = "clearinghouseState";
    public const string AllMids = "allMids";
    public const string L2Book = "l2Book";
    public const string Candle = "candle";

    /// <summary>The plain-text greeting the venue may send on connect (the Python SDK ignores it).</summary>
    public const string Greeting = "Websocket connection established.";
}

using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.MarketData;

namespace Halyard.Hyperliquid.WebSocket;

/// <summary>One message received on the venue's WebSocket, typed by its <c>channel</c> (docs: websocket/subscriptions).</summary>
public abstract record WsMessage;

/// <summary><c>{"channel":"subscriptionResponse","data":{"method":"subscribe"|"unsubscribe","subscription":{…}}}</c>.</summary>
public sealed record WsSubscriptionAck(string Method, WsSubscription? Subscription) : WsMessage;

/// <summary><c>{"channel":"pong"}</c>, the answer to <c>{"method":"ping"}</c>.</summary>
public sealed record WsPong : WsMessage;

/// <summary><c>{"channel":"error","data":"…"}</c> (e.g. an invalid subscription).</summary>
public sealed record WsError(string Text) : WsMessage;

/// <summary><c>orderUpdates</c>: status changes of the user's orders (<c>WsOrder[]</c>: order, status, statusTimestamp).</summary>
public sealed record WsOrderUpdates(IReadOnlyList<OrderStatusReport> Updates) : WsMessage;

/// <summary><c>userFills</c>: the user's fills; the first message after subscribing is a snapshot (<c>isSnapshot: true</c>).</summary>
public sealed record WsUserFills(string User, IReadOnlyList<UserFill> Fills, bool IsSnapshot) : WsMessage;

/// <summary>
/// <c>userEvents</c> data (channel <c>user</c>): exactly one of fills, funding, liquidation or non-user cancels
/// (other kinds, e.g. TWAP, arrive with all of these empty).
/// </summary>
public sealed record WsUserEvent(
    IReadOnlyList<UserFill> Fills,
    UserFundingEntry? Funding,
    WsLiquidation? Liquidation,
    IReadOnlyList<WsNonUserCancel> NonUserCancels) : WsMessage;

/// <summary>A liquidation the user was part of (<c>lid</c>, liquidator, liquidated user, notional and account value).</summary>
public sealed record WsLiquidation(long Lid, string Liquidator, string LiquidatedUser, decimal LiquidatedNotional, decimal LiquidatedAccountValue);

/// <summary>An order the venue cancelled without the user asking (<c>nonUserCancel</c>).</summary>
public sealed record WsNonUserCancel(string Coin, long Oid);

/// <summary><c>clearinghouseState</c>: the perp account of <paramref name="User"/> as <c>/info clearinghouseState</c> reports it.</summary>
public sealed record WsClearinghouseState(string User, AccountSnapshot Account) : WsMessage;

/// <summary><c>allMids</c>: mid price of every coin.</summary>
public sealed record WsAllMids(IReadOnlyDictionary<string, decimal> Mids) : WsMessage;

/// <summary><c>l2Book</c>: the book of one coin (same shape as <c>/info l2Book</c>).</summary>
public sealed record WsL2Book(L2Book Book) : WsMessage;

/// <summary><c>candle</c>: one candle of a coin and interval, sent as it forms.</summary>
public sealed record WsCandle(string Coin, string Interval, Candle Candle) : WsMessage;

/// <summary>
/// <c>{"channel":"post","data":{"id":…,"response":{"type":"info"|"action"|"error","payload":…}}}</c>: the answer to
/// a <c>post</c> request; <paramref name="PayloadJson"/> is the payload as received (the HTTP body for actions).
/// </summary>
public sealed record WsPostResponse(long Id, string Type, string PayloadJson) : WsMessage;

/// <summary>A channel this client does not type (<c>trades</c>, <c>bbo</c>, <c>webData2</c>, …), kept as text.</summary>
public sealed record WsUnknown(string Channel, string Text) : WsMessage;

/// <summary>A message that is not valid JSON or does not have the shape of its channel.</summary>
public sealed record WsMalformed(string Text, string Problem) : WsMessage;

/// <summary>The socket (re)connected; <paramref name="Generation"/> counts connections (1 = the first). Subscriptions were re-sent.</summary>
public sealed record WsConnected(long Generation) : WsMessage;

/// <summary>The socket of <paramref name="Generation"/> closed or failed; messages may have been lost until the next <see cref="WsConnected"/>.</summary>
public sealed record WsDisconnected(long Generation, string Reason) : WsMessage;

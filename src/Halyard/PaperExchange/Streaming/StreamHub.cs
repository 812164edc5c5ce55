using System.Runtime.InteropServices;
using System.Text.Json;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Streaming;

/// <summary>
/// The push side of <c>/ws</c>, called under the engine's lock: after each request and each market step it
/// sends every session what changed for its subscriptions (order status changes, new fills, funding and
/// liquidations, the account), and on every advance of virtual time the market channels. Events carry their
/// own virtual timestamps, so what is pushed is what happened on the replay clock, in order.
/// A typed session (<see cref="StreamSession.IsTyped"/>) gets the <c>clearinghouseState</c>, <c>allMids</c>,
/// <c>orderUpdates</c> and <c>userFills</c> pushes as the messages its client would parse from their frames, built
/// from the wire records of <see cref="TypedInfoAnswers"/> and mapped by the client's own <see cref="InfoMapper"/>;
/// every other frame (acks, pongs, errors, posts, <c>userEvents</c>, <c>l2Book</c>, <c>candle</c>) stays JSON.
/// </summary>
internal sealed class StreamHub(VenueState state, AccountInfoWriter accounts, MarketInfoWriter market, TypedInfoAnswers typed)
{
    private readonly List<StreamSession> _sessions = [];
    /// <summary>How many fills and fundings of each account were pushed (by reference: no address hashed per push).</summary>
    private readonly Dictionary<Account, (int Fills, int Fundings)> _cursors = new(ReferenceEqualityComparer.Instance);
    private long _lastTickMs = long.MinValue;

    private readonly System.Runtime.CompilerServices.StrongBox<long> _queued = new();

    public bool HasSessions => _sessions.Count > 0;

    /// <summary>Data messages queued to any session so far (monotonic): unchanged means nothing new was pushed.</summary>
    public long Queued => Interlocked.Read(ref _queued.Value);

    public void Add(StreamSession session)
    {
        if (_sessions.Count == 0)
        {
            // Pushes start now: nothing that happened before the first socket is "new".
            _cursors.Clear();
            foreach (var account in state.Accounts.Values)
            {
                _cursors[account] = (account.Fills.Count, account.Fundings.Count);
            }
        }

        session.Queued = _queued;
        _sessions.Add(session);
        state.Changes.Enabled = true;
        state.Changes.Typed = _sessions.Exists(s => s.IsTyped);
    }

    public void Remove(StreamSession session)
    {
        _sessions.Remove(session);
        state.Changes.Enabled = _sessions.Count > 0;
        state.Changes.Typed = _sessions.Exists(s => s.IsTyped);
        if (_sessions.Count == 0)
        {
            state.Changes.Take();
        }
    }

    /// <summary>Adds a subscription: the ack, then its snapshot (fills snapshot, account, mids, book).</summary>
    public void Subscribe(StreamSession session, WsSubscription subscription, JsonElement raw, long nowMs)
    {
        Publish(nowMs);
        var added = session.Add(subscription);
        session.Send(StreamFrames.Ack("subscribe", raw), isData: false);
        if (!added)
        {
            return;
        }

        switch (subscription.Type)
        {
            case WsChannels.UserFills:
                var account = state.Accounts.GetValueOrDefault(subscription.User!);
                var fills = account?.Fills ?? [];
                if (session.IsTyped)
                {
                    session.Send(new WsUserFills(subscription.User!, Fills(account, Math.Max(0, fills.Count - AccountInfoWriter.MaxFills)), IsSnapshot: true));
                    break;
                }

                session.Send(StreamFrames.Frame(WsChannels.UserFills, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("isSnapshot", true);
                    w.WriteString("user", subscription.User);
                    w.WriteStartArray("fills");
                    for (var i = Math.Max(0, fills.Count - AccountInfoWriter.MaxFills); i < fills.Count; i++)
                    {
                        AccountInfoWriter.WriteFill(w, account!, fills[i]);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }), isData: true);
                break;
            case WsChannels.ClearinghouseState when session.IsTyped:
                session.Send(ClearinghouseMessage(subscription.User!, nowMs));
                break;
            case WsChannels.ClearinghouseState:
                session.Send(Clearinghouse(subscription.User!, nowMs), isData: true);
                break;
            case WsChannels.AllMids when session.IsTyped:
                session.Send(new WsAllMids(typed.AllMids(nowMs)));
                break;
            case WsChannels.AllMids:
            case WsChannels.L2Book:
            case WsChannels.Candle:
                session.Send(MarketFrame(subscription, nowMs), isData: true);
                break;
        }
    }

    public void Unsubscribe(StreamSession session, WsSubscription subscription, JsonElement raw)
    {
        session.Remove(subscription);
        session.Send(StreamFrames.Ack("unsubscribe", raw), isData: false);
    }

    /// <summary>Pushes what changed since the last call; the market channels and accounts when virtual time moved.</summary>
    public void Publish(long nowMs)
    {
        if (_sessions.Count == 0)
        {
            return;
        }

        // Each typed session's pushes of this publish go as one item (one marker on the socket).
        foreach (var session in _sessions)
        {
            session.Hold();
        }

        try
        {
            PublishHeld(nowMs);
        }
        finally
        {
            foreach (var session in _sessions)
            {
                session.Release();
            }
        }
    }

    private void PublishHeld(long nowMs)
    {
        var orders = state.Changes.Take();
        var ticked = nowMs > _lastTickMs;
        _lastTickMs = Math.Max(_lastTickMs, nowMs);
        foreach (var account in state.Accounts.Values)
        {
            PublishAccount(account, orders.GetValueOrDefault(account.Address), ticked, nowMs);
        }

        if (!ticked)
        {
            return;
        }

        WsAllMids? mids = null;
        foreach (var session in _sessions)
        {
            foreach (var subscription in session.Subscriptions)
            {
                if (subscription.Type == WsChannels.AllMids && session.IsTyped)
                {
                    session.Send(mids ??= new WsAllMids(typed.AllMids(nowMs)));
                }
                else if (subscription.Type is WsChannels.AllMids or WsChannels.L2Book or WsChannels.Candle)
                {
                    session.Send(MarketFrame(subscription, nowMs), isData: true);
                }
            }
        }
    }

    private void PublishAccount(Account account, List<OrderChange>? orders, bool ticked, long nowMs)
    {
        var user = account.Address;
        ref var cursor = ref CollectionsMarshal.GetValueRefOrAddDefault(_cursors, account, out _);
        var (fillCursor, fundingCursor) = cursor;
        var newFills = account.Fills.Count - fillCursor;
        var newFundings = account.Fundings.Count - fundingCursor;
        cursor = (account.Fills.Count, account.Fundings.Count);
        var changed = orders is { Count: > 0 } || newFills > 0 || newFundings > 0;
        if (!changed && !ticked)
        {
            return;
        }

        byte[]? ordersFrame = null, fillsFrame = null, userFillsFrame = null, clearinghouse = null;
        WsMessage? ordersMessage = null, userFillsMessage = null, clearinghouseMessage = null;
        foreach (var session in _sessions)
        {
            var channels = session.ChannelsOf(user);
            if (channels == UserChannels.None)
            {
                continue;
            }

            if (orders is { Count: > 0 } && (channels & UserChannels.OrderUpdates) != 0)
            {
                // Typed when every change was captured typed (a change made before the typed session came goes as JSON).
                if (session.IsTyped && orders.TrueForAll(o => o.Typed is not null))
                {
                    session.Send(ordersMessage ??= new WsOrderUpdates(orders.ConvertAll(o => InfoMapper.ToReport(o.Typed!))));
                }
                else
                {
                    session.Send(ordersFrame ??= StreamFrames.Frame(WsChannels.OrderUpdates, w =>
                    {
                        w.WriteStartArray();
                        foreach (var order in orders)
                        {
                            w.WriteRawValue(order.Json, skipInputValidation: true);
                        }

                        w.WriteEndArray();
                    }), isData: true);
                }
            }

            if (newFills > 0 && (channels & UserChannels.UserFills) != 0 && session.IsTyped)
            {
                session.Send(userFillsMessage ??= new WsUserFills(user, Fills(account, fillCursor), IsSnapshot: false));
            }
            else if (newFills > 0 && (channels & UserChannels.UserFills) != 0)
            {
                session.Send(userFillsFrame ??= StreamFrames.Frame(WsChannels.UserFills, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("user", user);
                    w.WritePropertyName("fills");
                    WriteFills(w, account, fillCursor);
                    w.WriteEndObject();
                }), isData: true);
            }

            if ((channels & UserChannels.UserEvents) != 0)
            {
                SendUserEvents(session, account, fillCursor, fundingCursor, ref fillsFrame);
            }

            if ((channels & UserChannels.ClearinghouseState) != 0 && session.IsTyped)
            {
                session.Send(clearinghouseMessage ??= ClearinghouseMessage(user, nowMs));
            }
            else if ((channels & UserChannels.ClearinghouseState) != 0)
            {
                session.Send(clearinghouse ??= Clearinghouse(user, nowMs), isData: true);
            }
        }
    }

    private void SendUserEvents(StreamSession session, Account account, int fillCursor, int fundingCursor, ref byte[]? fillsFrame)
    {
        if (account.Fills.Count > fillCursor)
        {
            session.Send(fillsFrame ??= StreamFrames.Frame(WsChannels.User, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("fills");
                WriteFills(w, account, fillCursor);
                w.WriteEndObject();
            }), isData: true);
            for (var i = fillCursor; i < account.Fills.Count; i++)
            {
                if (account.Fills[i] is { LiquidationMarkPx: not null } liquidation)
                {
                    session.Send(StreamFrames.Frame(WsChannels.User, w =>
                    {
                        w.WriteStartObject();
                        w.WriteStartObject("liquidation");
                        w.WriteNumber("lid", liquidation.Tid);
                        w.WriteString("liquidator", "0x0000000000000000000000000000000000000000");
                        w.WriteString("liquidated_user", account.Address);
                        w.WriteString("liquidated_ntl_pos", PriceMath.Format(PriceMath.RoundUsd(liquidation.Px * liquidation.Sz)));
                        w.WriteString("liquidated_account_value", PriceMath.Format(PriceMath.RoundUsd(account.Cash)));
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }), isData: true);
                }
            }
        }

        for (var i = fundingCursor; i < account.Fundings.Count; i++)
        {
            var funding = account.Fundings[i];
            session.Send(StreamFrames.Frame(WsChannels.User, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("funding");
                w.WriteNumber("time", funding.Time);
                w.WriteString("coin", funding.Coin);
                w.WriteString("usdc", PriceMath.Format(PriceMath.RoundUsd(funding.Usdc)));
                w.WriteString("szi", PriceMath.Format(funding.Szi));
                w.WriteString("fundingRate", PriceMath.Format(funding.Rate));
                w.WriteEndObject();
                w.WriteEndObject();
            }), isData: true);
        }
    }

    private static void WriteFills(Utf8JsonWriter w, Account account, int from)
    {
        w.WriteStartArray();
        for (var i = from; i < account.Fills.Count; i++)
        {
            AccountInfoWriter.WriteFill(w, account, account.Fills[i]);
        }

        w.WriteEndArray();
    }

    /// <summary>The fills of <paramref name="account"/> from <paramref name="from"/> on, as the client maps them from their frame.</summary>
    private static UserFill[] Fills(Account? account, int from)
    {
        if (account is null)
        {
            return [];
        }

        var fills = new UserFill[account.Fills.Count - from];
        for (var i = 0; i < fills.Length; i++)
        {
            fills[i] = InfoMapper.ToFill(TypedInfoAnswers.Fill(account, account.Fills[from + i]));
        }

        return fills;
    }

    /// <summary>The <c>clearinghouseState</c> push as the client parses it (its account time is the answer's <c>time</c>).</summary>
    private WsClearinghouseState ClearinghouseMessage(string user, long nowMs) =>
        new(user, InfoMapper.ToAccount(typed.ClearinghouseState(user, nowMs), DateTimeOffset.FromUnixTimeMilliseconds(nowMs)));

    private byte[] Clearinghouse(string user, long nowMs) => StreamFrames.Frame(WsChannels.ClearinghouseState, w =>
    {
        w.WriteStartObject();
        w.WriteString("dex", string.Empty);
        w.WriteString("user", user);
        w.WritePropertyName("clearinghouseState");
        accounts.ClearinghouseState(w, user, nowMs);
        w.WriteEndObject();
    });

    private byte[] MarketFrame(WsSubscription subscription, long nowMs) => subscription.Type switch
    {
        WsChannels.AllMids => StreamFrames.Frame(WsChannels.AllMids, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("mids");
            market.AllMids(w, nowMs);
            w.WriteEndObject();
        }),
        WsChannels.L2Book => StreamFrames.Frame(WsChannels.L2Book, w => market.L2Book(w, subscription.Coin!, nowMs)),
        _ => StreamFrames.Frame(WsChannels.Candle, w =>
        {
            Data.CandleIntervalNames.TryGetMilliseconds(subscription.Interval!, out var ms);
            market.CandleSnapshot(w, subscription.Coin!, subscription.Interval!, nowMs - ms + 1, nowMs, nowMs);
        }),
    };
}

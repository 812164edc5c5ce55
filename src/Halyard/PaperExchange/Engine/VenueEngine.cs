using System.Text.Json;
using Halyard.PaperExchange.Auth;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange.Protocol;
using Halyard.PaperExchange.Streaming;

namespace Halyard.PaperExchange.Engine;

/// <summary>The engine's answer to one request: HTTP status and body (JSON, or the venue's 422 text).</summary>
internal readonly record struct EngineReply(int StatusCode, byte[] Body, bool IsJson);

/// <summary>
/// The venue simulator behind both hostings: one lock, one virtual clock. Before answering anything it
/// processes the market up to the clock's time (triggers, resting fills, funding, liquidations, scheduled
/// cancels), so every answer reflects exactly what happened until now and nothing after.
/// </summary>
internal sealed class VenueEngine
{
    private static readonly byte[] DeserializeError = System.Text.Encoding.UTF8.GetBytes(VenueTexts.Deserialize);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ProtocolClock _protocol;
    private readonly VenueState _state;
    private readonly MarketStepper _stepper;
    private readonly ExchangeProcessor _exchange;
    private readonly InfoProcessor _info;
    private readonly TypedInfoAnswers _typed;
    private readonly StreamHub _streams;
    private int _sessions;

    public VenueEngine(MarketDataSet data, PaperExchangeOptions options, TimeProvider time, ProtocolClock protocol, ISignerRecovery recovery, LivePriceFeed? feed = null)
    {
        _time = time;
        _protocol = protocol;
        var market = new MarketView(data, options.PriceInterval, options.Book, feed);
        _state = new VenueState(market, options, NowMs());
        var margin = new MarginCalculator(_state);
        var bookkeeper = new Bookkeeper(_state);
        var matching = new Matching(_state, bookkeeper, margin);
        var entry = new OrderEntry(_state, new OrderValidator(_state), matching, margin);
        _stepper = new MarketStepper(_state, matching, bookkeeper, margin);
        _exchange = new ExchangeProcessor(
            _state, recovery, entry, new OrderCommands(_state, matching, entry), new AccountCommands(_state, margin, protocol), _stepper);
        var marketWriter = new MarketInfoWriter(market);
        var accountWriter = new AccountInfoWriter(_state, margin);
        _info = new InfoProcessor(marketWriter, accountWriter);
        _typed = new TypedInfoAnswers(market, _state, margin, marketWriter.Candles);
        _streams = new StreamHub(_state, accountWriter, marketWriter, _typed);
    }

    public long StartMs => _state.StartMs;

    public long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public EngineReply Exchange(JsonElement body)
    {
        lock (_gate)
        {
            var now = Synchronize();
            ExchangeResult? result;
            _state.BeginChange();
            try
            {
                result = _exchange.Process(body, new RequestTime(now, _protocol.NowMs()));
            }
            finally
            {
                _state.EndChange();
            }

            _streams.Publish(now);
            return result is null
                ? new EngineReply(422, DeserializeError, IsJson: false)
                : new EngineReply(200, ExchangeResponseWriter.Write(result), IsJson: true);
        }
    }

    public EngineReply Info(JsonElement body)
    {
        lock (_gate)
        {
            var now = Synchronize();
            var answer = _info.Process(body, now);
            return answer is null
                ? new EngineReply(422, DeserializeError, IsJson: false)
                : new EngineReply(200, answer, IsJson: true);
        }
    }

    /// <summary>An <c>/info</c> answer as typed records (no JSON), after processing the market up to now, like <see cref="Info"/>.</summary>
    public T Typed<T>(Func<TypedInfoAnswers, long, T> read)
    {
        lock (_gate)
        {
            var now = Synchronize();
            return read(_typed, now);
        }
    }

    public static EngineReply Unreadable() => new(422, DeserializeError, IsJson: false);

    /// <summary>Credits an account (creating it): the configuration's and <c>--fund</c>'s deposits.</summary>
    public void Fund(string address, decimal usdc)
    {
        lock (_gate)
        {
            var now = Synchronize();
            _state.Fund(address, usdc);
            _streams.Publish(now);
        }
    }

    /// <summary>Data messages queued to the <c>/ws</c> sessions so far.</summary>
    public long Pushed => _streams.Queued;

    /// <summary>What an account's taker fills and market triggers cost beyond the mark and their trigger prices (null: unknown account).</summary>
    public SlippageFigures? SlippageOf(string address)
    {
        lock (_gate)
        {
            Synchronize();
            return _state.Accounts.TryGetValue(address.ToLowerInvariant(), out var account) ? account.Slippage : null;
        }
    }

    /// <summary>Processes the market up to the clock's current time; returns that time.</summary>
    public long Synchronize()
    {
        lock (_gate)
        {
            var now = NowMs();
            _stepper.AdvanceTo(now);
            _streams.Publish(now);
            return now;
        }
    }

    /// <summary>See <see cref="MarketStepper.AdvanceToNextEvent"/>.</summary>
    public long? AdvanceToNextEvent(long limitMs)
    {
        lock (_gate)
        {
            return _stepper.AdvanceToNextEvent(limitMs);
        }
    }

    /// <summary>A new <c>/ws</c> session (pushes start with it); typed when <paramref name="handOff"/> is set.</summary>
    public StreamSession Attach(WsHandOff? handOff)
    {
        lock (_gate)
        {
            var session = new StreamSession(_sessions++, handOff);
            _streams.Add(session);
            return session;
        }
    }

    public void Detach(StreamSession session)
    {
        lock (_gate)
        {
            _streams.Remove(session);
        }
    }

    public void Subscribe(StreamSession session, WsSubscription subscription, JsonElement raw)
    {
        lock (_gate)
        {
            var now = NowMs();
            _stepper.AdvanceTo(now);
            _streams.Subscribe(session, subscription, raw, now);
        }
    }

    public void Unsubscribe(StreamSession session, WsSubscription subscription, JsonElement raw)
    {
        lock (_gate)
        {
            _streams.Unsubscribe(session, subscription, raw);
        }
    }
}

using Halyard.Cycle.Venue;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Cycle.Composition;

/// <summary>How to reach one venue: the HTTP transport, the endpoint, who signs, and the clocks.</summary>
public sealed record VenueConnectionOptions
{
    /// <summary>The transport: the paper exchange's in-process handler, or a socket handler for the network.</summary>
    public required HttpMessageHandler Handler { get; init; }

    public required HyperliquidEndpoint Endpoint { get; init; }

    public required SigningIdentity Identity { get; init; }

    /// <summary>The traders' clock (nonces, timeouts, the weight budget).</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>
    /// The protocol's clock (nonces, <c>expiresAfter</c>): null = <see cref="Clock"/>. Against a standalone paper
    /// exchange the traders' clock is the replayed market time while the venue judges nonces on the wall clock.
    /// </summary>
    public TimeProvider? Protocol { get; init; }

    /// <summary>The real clock (the time spent outside the process).</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;

    /// <summary>Wait for the weight budget (live), or fail at once (replays: nothing may wait on a virtual clock).</summary>
    public WeightBudgetMode BudgetMode { get; init; } = WeightBudgetMode.Wait;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>expiresAfter</c> = nonce + this on every signed action (<c>execution.expires_after</c>); null: none.</summary>
    public TimeSpan? ExpiresAfter { get; init; }

    /// <summary>
    /// The replay's typed read path (<c>replay.reads: typed</c>): the cycle's reads and candles are answered by this
    /// in-process paper exchange as typed records (<see cref="TypedVenueReader"/>); null: every read is an HTTP
    /// <c>/info</c> request. Orders always go over <see cref="Handler"/>.
    /// </summary>
    public PaperExchange.PaperExchangeEngine? TypedReads { get; init; }
}

/// <summary>
/// One account's connection to one venue: the HTTP client with its weight budget and venue timer, the
/// <c>/info</c> and <c>/exchange</c> clients, and the nonce generator of the signing key. Shared by the
/// traders of one process (one venue, one account); never static.
/// </summary>
public sealed class VenueConnection : IDisposable
{
    private readonly HttpClient _client;

    public VenueConnection(VenueConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Timer = new VenueTimer(options.Handler, options.Wall);
        _client = new HttpClient(Timer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var http = new HyperliquidHttp(
            _client,
            new HyperliquidHttpOptions { Endpoint = options.Endpoint, Timeout = options.RequestTimeout, Budget = new WeightBudgetOptions { Mode = options.BudgetMode } },
            options.Clock);
        Identity = options.Identity;
        Info = new InfoClient(http);
        Exchange = new ExchangeClient(http, options.Identity, new NonceGenerator(options.Protocol ?? options.Clock), new ExchangeClientOptions { IsMainnet = options.Endpoint.IsMainnet, ExpiresAfter = options.ExpiresAfter });
        if (options.TypedReads is { } engine)
        {
            var typed = new TypedVenueReader(engine, http.Budget, options.Clock, options.Identity.Account.Value, Timer);
            Typed = typed;
            Reader = typed;
            CandleSource = typed;
        }
        else
        {
            Reader = new InfoVenueReader(Info, options.Identity.Account.Value);
            CandleSource = new InfoCandleSource(Info);
        }

        WarmUpSigner(options);
    }

    public SigningIdentity Identity { get; }

    /// <summary>Time spent outside the process per request (for the decision-to-order latency as our own time).</summary>
    public VenueTimer Timer { get; }

    public InfoClient Info { get; }

    public ExchangeClient Exchange { get; }

    public IVenueReader Reader { get; }

    public MarketData.ICandleSource CandleSource { get; }

    /// <summary>The typed read path when <see cref="VenueConnectionOptions.TypedReads"/> was given (its counts), else null.</summary>
    public TypedVenueReader? Typed { get; }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Signs one order locally (nothing is sent) so the first real order does not pay for compiling the
    /// signing path: that would otherwise land in the first decision-to-order latency.
    /// </summary>
    private static void WarmUpSigner(VenueConnectionOptions options)
    {
        var order = new OrderWire(0, true, "1", "1", false, new LimitOrderType(TimeInForce.Ioc), Domain.Cloid.FromInt(1));
        _ = ExchangeRequest.SignL1(options.Identity.Signer, new OrderAction([order]), new L1SigningContext(1, options.Endpoint.IsMainnet));
    }
}

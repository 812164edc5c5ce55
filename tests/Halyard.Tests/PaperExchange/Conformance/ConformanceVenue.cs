using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>
/// The production stack against the paper exchange: the real <see cref="ExchangeClient"/> (real keys,
/// real EIP-712 signatures, real nonces) and <see cref="InfoClient"/> over <see cref="HyperliquidHttp"/> into
/// the in-process handler, all on one <see cref="ReplayClock"/>. Nothing in the clients knows it talks to a
/// simulator.
/// </summary>
internal sealed class ConformanceVenue : IDisposable
{
    /// <summary>Public test key of the Python SDK's test suite (never funded anywhere real).</summary>
    public const string AccountKeyHex = "0x0123456789012345678901234567890123456789012345678901234567890123";

    /// <summary>Public test key of the TypeScript SDK's test suite.</summary>
    public const string AgentKeyHex = "0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff";

    /// <summary>Public test key of the Rust SDK's test suite; never funded here (the unknown signer).</summary>
    public const string StrangerKeyHex = "0xe908f86dbb4d55ac876378565aafeabc187f6690f046459397b17d9b9a19688e";

    public static readonly DateTimeOffset Start = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;

    public ConformanceVenue(PaperExchangeOptions? options = null, decimal usdc = 10_000m, DateTimeOffset? start = null, MarketDataSet? data = null)
    {
        Clock = new ReplayClock(start ?? Start);
        AccountKey = PrivateKey.FromHex(AccountKeyHex);
        var configured = options ?? new PaperExchangeOptions();
        Engine = new PaperExchangeEngine(configured with { Accounts = [new FundedAccount(AccountKey.Address.Value, usdc), .. configured.Accounts] }, Clock, data);
        _http = new HttpClient(Engine.CreateHandler());
        var endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true);
        Transport = new HyperliquidHttp(_http, new HyperliquidHttpOptions { Endpoint = endpoint }, Clock);
        Client = ClientFor(SigningIdentity.ForAccount(AccountKey));
        Info = new InfoClient(Transport);
    }

    public InfoClient Info { get; }

    public string Account => AccountKey.Address.Value;

    public ReplayClock Clock { get; }

    public PaperExchangeEngine Engine { get; }

    public HyperliquidHttp Transport { get; }

    public PrivateKey AccountKey { get; }

    public ExchangeClient Client { get; }

    public ExchangeClient ClientFor(SigningIdentity identity) =>
        new(Transport, identity, new NonceGenerator(Clock), new ExchangeClientOptions { IsMainnet = true });

    public static OrderWire Limit(int asset, bool isBuy, string px, string sz, TimeInForce tif, bool reduceOnly = false, Cloid? cloid = null) =>
        new(asset, isBuy, px, sz, reduceOnly, new LimitOrderType(tif), cloid);

    public static OrderWire Trigger(int asset, bool isBuy, string px, string sz, string triggerPx, TpSl tpsl, Cloid? cloid = null) =>
        new(asset, isBuy, px, sz, true, new TriggerOrderType(true, triggerPx, tpsl), cloid);

    public static OrderAction Orders(params OrderWire[] orders) => new([.. orders]);

    public static OrderAction Grouped(OrderGrouping grouping, params OrderWire[] orders) => new([.. orders], grouping);

    public async Task<IReadOnlyList<OrderStatus>> PlaceAsync(params OrderWire[] orders)
    {
        var result = await Client.PlaceOrdersAsync(Orders(orders), CancellationToken.None);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value!;
    }

    public static T Ok<T>(Result<T> result)
        where T : notnull
    {
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value!;
    }

    public async Task<decimal> PositionAsync(string coin) =>
        Ok(await Info.GetClearinghouseStateAsync(Account, CancellationToken.None)).PositionOf(coin)?.Size ?? 0m;

    public async Task<decimal> MidAsync(string coin) => Ok(await Info.GetAllMidsAsync(CancellationToken.None))[coin];

    public async Task<IReadOnlyList<UserFill>> FillsAsync() => Ok(await Info.GetUserFillsAsync(Account, CancellationToken.None));

    public async Task<OrderLookup> StatusAsync(Cloid cloid) => Ok(await Info.GetOrderStatusAsync(Account, cloid, CancellationToken.None));

    public void Dispose()
    {
        Engine.Dispose();
        _http.Dispose();
    }
}

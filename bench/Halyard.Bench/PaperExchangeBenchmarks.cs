using System.Text;
using BenchmarkDotNet.Attributes;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.Cycle.Venue;
using Halyard.Hyperliquid.Info;
using Halyard.MarketData;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;

namespace Halyard.Bench;

/// <summary>
/// The paper exchange in-process, through the production client: one order round trip = sign (EIP-712,
/// secp256k1) → HTTP handler → recover the signer → nonce → validate → match against the synthetic book →
/// book the fill → serialize the answer → parse it in the client. Orders alternate buy/sell so the
/// position stays flat. Also one replay cycle's reads after a 3-minute clock step: metaAndAssetCtxs,
/// allMids, clearinghouseState and, for 10 coins, the last two hours of 5m candles. And one cycle's reads as the
/// replay's cycle makes them, parsed into the cycle's records: <see cref="CycleReadsHttp"/> through the <c>/info</c>
/// client (<c>replay.reads: http</c>), <see cref="CycleReadsTyped"/> through the typed path (<c>replay.reads: typed</c>):
/// account, open orders, metaAndAssetCtxs and, for 10 coins, the new 3m and 4h candles.
/// </summary>
[MemoryDiagnoser]
public class PaperExchangeBenchmarks
{
    private static readonly string[] Coins = ["BTC", "ETH", "SOL", "DOGE", "XRP", "BNB", "AVAX", "LINK", "ARB", "HYPE"];

    private readonly OrderAction _buy = new([new OrderWire(0, true, "120000", "0.001", false, new LimitOrderType(TimeInForce.Ioc))]);
    private readonly OrderAction _sell = new([new OrderWire(0, false, "90000", "0.001", false, new LimitOrderType(TimeInForce.Ioc))]);

    private ReplayClock _clock = null!;
    private PaperExchangeEngine _engine = null!;
    private HttpClient _http = null!;
    private HyperliquidHttp _transport = null!;
    private ExchangeClient _client = null!;
    private PrivateKey _key = null!;
    private byte[][] _cycleRequests = null!;
    private InfoVenueReader _httpReader = null!;
    private TypedVenueReader _typedReader = null!;
    private bool _isBuy;

    [GlobalSetup]
    public void Setup()
    {
        // A throwaway key derived from a fixed phrase: benchmarks never hold a real key.
        _key = PrivateKey.FromHex("0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("halyard-paper-bench"u8)));
        _clock = new ReplayClock(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        _engine = new PaperExchangeEngine(
            new PaperExchangeOptions { Accounts = [new FundedAccount(_key.Address.Value, 10_000_000m)] }, _clock);
        _http = new HttpClient(_engine.CreateHandler());
        // The client's weight budget waits on the (virtual) clock: lift it so the benchmark measures the venue.
        _transport = new HyperliquidHttp(
            _http,
            new HyperliquidHttpOptions
            {
                Endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true),
                Budget = new WeightBudgetOptions { Capacity = int.MaxValue },
            },
            _clock);
        _client = new ExchangeClient(_transport, SigningIdentity.ForAccount(_key), new NonceGenerator(_clock), new ExchangeClientOptions { IsMainnet = true });
        var user = _key.Address.Value;
        _cycleRequests =
        [
            Encoding.UTF8.GetBytes("{\"type\":\"metaAndAssetCtxs\"}"),
            Encoding.UTF8.GetBytes("{\"type\":\"allMids\"}"),
            Encoding.UTF8.GetBytes("{\"type\":\"clearinghouseState\",\"user\":\"" + user + "\"}"),
        ];
        _httpReader = new InfoVenueReader(new InfoClient(_transport), user);
        _typedReader = new TypedVenueReader(_engine, _transport.Budget, _clock, user);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _engine.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> OrderRoundTrip()
    {
        _isBuy = !_isBuy;
        var result = await _client.PlaceOrdersAsync(_isBuy ? _buy : _sell, CancellationToken.None).ConfigureAwait(false);
        return result.IsSuccess;
    }

    [Benchmark]
    public async Task<int> ReplayCycleReads()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        var bytes = 0;
        foreach (var request in _cycleRequests)
        {
            bytes += await Read(request).ConfigureAwait(false);
        }

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var coin in Coins)
        {
            bytes += await Read(Encoding.UTF8.GetBytes(
                "{\"type\":\"candleSnapshot\",\"req\":{\"coin\":\"" + coin + "\",\"interval\":\"5m\",\"startTime\":" + (now - 7_200_000) + ",\"endTime\":" + now + "}}")).ConfigureAwait(false);
        }

        return bytes;
    }

    [Benchmark]
    public Task<int> CycleReadsHttp() => CycleReads(_httpReader, new InfoCandleSource(new InfoClient(_transport)));

    [Benchmark]
    public Task<int> CycleReadsTyped() => CycleReads(_typedReader, _typedReader);

    private async Task<int> CycleReads(IVenueReader reader, ICandleSource candles)
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        var count = 0;
        var account = await reader.GetAccountAsync(CancellationToken.None).ConfigureAwait(false);
        var orders = await reader.GetOpenOrdersAsync(CancellationToken.None).ConfigureAwait(false);
        var universe = await reader.GetUniverseAsync(CancellationToken.None).ConfigureAwait(false);
        count += (account.IsSuccess ? 1 : 0) + (orders.Value?.Count ?? 0) + (universe.Value?.Contexts.Count ?? 0);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var coin in Coins)
        {
            foreach (var interval in (CandleInterval[])[CandleInterval.ThreeMinutes, CandleInterval.FourHours])
            {
                var start = interval.FloorMs(now) - interval.Milliseconds;
                var fetched = await candles.FetchAsync(coin, interval, start, now, CancellationToken.None).ConfigureAwait(false);
                count += fetched.Value?.Count ?? 0;
            }
        }

        return count;
    }

    private async Task<int> Read(byte[] request)
    {
        var outcome = await _transport.PostAsync("/info", request, 20, CancellationToken.None).ConfigureAwait(false);
        return outcome.IsSuccess ? outcome.Value.Length : 0;
    }
}

using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Hosting;
using Halyard.Tests.Journal;
using Halyard.Tests.PaperExchange.Conformance;
using Halyard.Tests.PaperExchange.Support;

namespace Halyard.Tests.Operations;

/// <summary>
/// The kill switch when the bot is dead: <c>halyard flatten --all --config</c> and <c>halyard cancel-all --config</c>
/// with no <c>halyard run</c> answering act on the venue directly — here a standalone paper exchange on loopback
/// holding an open position and resting orders of the configured account.
/// </summary>
public sealed class DirectKillSwitchTests
{
    [Fact]
    public async Task FlattenAll_WithNoRunningProcess_ClosesEveryPositionAndCancelsEveryOrderOnTheVenue()
    {
        await using var venue = await Venue.StartAsync();
        await venue.SeedAsync();
        Assert.NotEmpty(await venue.PositionsAsync());
        Assert.NotEmpty(await venue.OpenOrdersAsync());

        var (code, output) = await Cli.Cli.RunAsync("flatten", "--all", "--config", venue.ConfigPath);

        Assert.True(code == 0, output);
        Assert.Contains("No running halyard run answered", output, StringComparison.Ordinal);
        Assert.Contains("flatten all: ok", output, StringComparison.Ordinal);
        Assert.Empty(await venue.PositionsAsync());
        Assert.Empty(await venue.OpenOrdersAsync());
        var entry = Assert.Single(File.ReadAllLines(Path.Combine(venue.JournalFolder, "control.jsonl")));
        Assert.Contains("\"flatten\"", entry, StringComparison.Ordinal);
        Assert.Contains("(cli, direct)", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAll_WithNoRunningProcess_CancelsEveryOrderAndKeepsThePosition()
    {
        await using var venue = await Venue.StartAsync();
        await venue.SeedAsync();
        var before = await venue.PositionsAsync();

        var (code, output) = await Cli.Cli.RunAsync("cancel-all", "--config", venue.ConfigPath);

        Assert.True(code == 0, output);
        Assert.Contains("cancel_all all: ok", output, StringComparison.Ordinal);
        Assert.Empty(await venue.OpenOrdersAsync());
        Assert.Equal(before, await venue.PositionsAsync());
        Assert.Contains("\"cancel_all\"", File.ReadAllText(Path.Combine(venue.JournalFolder, "control.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlattenAll_WithNoRunningProcessAndNoConfig_SaysSoAndFails()
    {
        using var dir = new TempDirectory();
        var (code, output) = await Cli.Cli.RunAsync("flatten", "--all", "--journal", dir.Path);

        Assert.Equal(1, code);
        Assert.Contains("give --config to act on the venue directly", output, StringComparison.Ordinal);
    }

    /// <summary>A standalone paper exchange (replayed market at 1×, wall-clock protocol) with the configured account funded.</summary>
    private sealed class Venue : IAsyncDisposable
    {
        private readonly TempDirectory _dir = new();
        private readonly PrivateKey _key = PrivateKey.FromHex(ConformanceVenue.AccountKeyHex);
        private readonly HttpClient _http = new();
        private PaperExchangeEngine _engine = null!;
        private PaperExchangeServer _server = null!;

        public string ConfigPath => _dir.File("halyard.yaml");

        public string JournalFolder => _dir.File("journal");

        public static async Task<Venue> StartAsync()
        {
            var venue = new Venue();
            venue._engine = new PaperExchangeEngine(
                new PaperExchangeOptions { Accounts = [new FundedAccount(venue._key.Address.Value, 10_000m)] },
                new ScaledClock(TimeProvider.System, PaperHarness.T0, 1.0),
                MarketDataSet.Embedded,
                protocolTime: TimeProvider.System);
            venue._server = await PaperExchangeServer.StartAsync(venue._engine, 0, CancellationToken.None);
            await File.WriteAllTextAsync(venue._dir.File("agent.key"), ConformanceVenue.AccountKeyHex);
            await File.WriteAllTextAsync(venue.ConfigPath, $"""
                exchange:
                  provider: paper
                  base_url: {venue._server.BaseAddress}
                  signer:
                    key_file: agent.key
                journal:
                  dir: {venue.JournalFolder}
                """);
            return venue;
        }

        /// <summary>A BTC long (an IOC that fills), a resting BTC bid far below and a resting ETH ask far above.</summary>
        public async Task SeedAsync()
        {
            var transport = new HyperliquidHttp(
                _http, new HyperliquidHttpOptions { Endpoint = new HyperliquidEndpoint(_server.BaseAddress, isMainnet: true) }, TimeProvider.System);
            var client = new ExchangeClient(
                transport, SigningIdentity.ForAccount(_key), new NonceGenerator(TimeProvider.System), new ExchangeClientOptions { IsMainnet = true });
            await client.PlaceOrdersAsync(ConformanceVenue.Orders(ConformanceVenue.Limit(0, true, "110000", "0.01", TimeInForce.Ioc)), CancellationToken.None);
            await client.PlaceOrdersAsync(
                ConformanceVenue.Orders(
                    ConformanceVenue.Limit(0, true, "90000", "0.01", TimeInForce.Gtc),
                    ConformanceVenue.Limit(1, false, "4000", "0.5", TimeInForce.Gtc)),
                CancellationToken.None);
        }

        /// <summary>Each open position as <c>coin size</c>, read raw from <c>/info</c>.</summary>
        public async Task<IReadOnlyList<string>> PositionsAsync()
        {
            using var doc = await InfoAsync($$"""{"type":"clearinghouseState","user":"{{_key.Address.Value}}"}""");
            return [.. doc.RootElement.GetProperty("assetPositions").EnumerateArray()
                .Select(p => p.GetProperty("position"))
                .Select(p => p.GetProperty("coin").GetString() + " " + p.GetProperty("szi").GetString())];
        }

        /// <summary>Each open order's oid, read raw from <c>/info</c>.</summary>
        public async Task<IReadOnlyList<long>> OpenOrdersAsync()
        {
            using var doc = await InfoAsync($$"""{"type":"openOrders","user":"{{_key.Address.Value}}"}""");
            return [.. doc.RootElement.EnumerateArray().Select(o => o.GetProperty("oid").GetInt64())];
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _engine.Dispose();
            _http.Dispose();
            _dir.Dispose();
        }

        private async Task<JsonDocument> InfoAsync(string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri(_server.BaseAddress, "info"), content);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }
    }
}

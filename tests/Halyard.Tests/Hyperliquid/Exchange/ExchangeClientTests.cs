using System.Net;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Hyperliquid.Exchange;

public class ExchangeClientTests
{
    private const long StartMs = 1_700_000_000_000;
    private const string Resting = "{\"status\":\"ok\",\"response\":{\"type\":\"order\",\"data\":{\"statuses\":[{\"resting\":{\"oid\":77738308}}]}}}";
    private const string Default = "{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}";

    private static readonly PrivateKey MasterKey = PrivateKey.FromHex("0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff");
    private static readonly PrivateKey AgentKey = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
    private static readonly EthAddress Vault = EthAddress.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");

    private static readonly OrderAction Order = new(
        [new OrderWire(4, true, "1670.1", "0.0147", false, new LimitOrderType(TimeInForce.Ioc), Cloid.FromInt(7))]);

    [Fact]
    public async Task PlaceOrders_NoBuilderConfigured_SendsNoBuilderKey()
    {
        var (client, handler) = CreateSut(Resting);

        var result = await client.PlaceOrdersAsync(Order, CancellationToken.None);

        Assert.True(result.IsSuccess);
        using var body = JsonDocument.Parse(handler.Requests.Single().Body);
        var action = body.RootElement.GetProperty("action");
        Assert.False(action.TryGetProperty("builder", out _));
        Assert.DoesNotContain("builder", System.Text.Encoding.UTF8.GetString(handler.Requests.Single().Body), StringComparison.Ordinal);
        Assert.Equal(["type", "orders", "grouping"], action.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PlaceOrders_BuilderConfigured_SendsItAfterGrouping()
    {
        var (client, handler) = CreateSut(Resting);
        var withBuilder = Order with { Builder = new BuilderFee(EthAddress.Parse("0x1234567890123456789012345678901234567890"), 10) };

        await client.PlaceOrdersAsync(withBuilder, CancellationToken.None);

        using var body = JsonDocument.Parse(handler.Requests.Single().Body);
        var action = body.RootElement.GetProperty("action");
        Assert.Equal(["type", "orders", "grouping", "builder"], action.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{\"b\":\"0x1234567890123456789012345678901234567890\",\"f\":10}", action.GetProperty("builder").GetRawText());
    }

    [Fact]
    public async Task PlaceOrders_Envelope_IsTheHashedActionAndRecoversToTheSigner()
    {
        var (client, handler) = CreateSut(Resting, new Uri("http://127.0.0.1:5999"));

        var result = await client.PlaceOrdersAsync(Order, CancellationToken.None);

        var (uri, bytes) = handler.Requests.Single();
        Assert.Equal("http://127.0.0.1:5999/exchange", uri.ToString());
        using var body = JsonDocument.Parse(bytes);
        var root = body.RootElement;
        Assert.Equal(["action", "nonce", "signature"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(StartMs, root.GetProperty("nonce").GetInt64());
        Assert.True(result.IsSuccess);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ActionJson.ToUtf8(Order)), root.GetProperty("action").GetRawText());
        Assert.True(Signature.TryFromJson(root.GetProperty("signature"), out var signature));
        Assert.Matches("^\\{\"r\":\"0x[0-9a-f]{64}\",\"s\":\"0x[0-9a-f]{64}\",\"v\":2[78]\\}$", root.GetProperty("signature").GetRawText());

        var signer = SignatureRecovery.RecoverL1Signer(root.GetProperty("action"), StartMs, null, null, signature, isMainnet: false);
        Assert.Equal(MasterKey.Address, signer.Value);
    }

    [Fact]
    public async Task PlaceOrders_AgentForVaultWithExpiry_SendsAndSignsVaultAndExpiresAfter()
    {
        var handler = new FakeExchangeHandler(Resting);
        var identity = SigningIdentity.ForAgent(AgentKey, MasterKey.Address, Vault);
        var client = new ExchangeClient(
            new HyperliquidHttp(new HttpClient(handler), new Uri("https://api.hyperliquid.xyz")),
            identity,
            new NonceGenerator(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(StartMs))),
            new ExchangeClientOptions { IsMainnet = true, ExpiresAfter = TimeSpan.FromSeconds(30) });

        await client.PlaceOrdersAsync(Order, CancellationToken.None);

        using var body = JsonDocument.Parse(handler.Requests.Single().Body);
        var root = body.RootElement;
        Assert.Equal(Vault.Value, root.GetProperty("vaultAddress").GetString());
        Assert.Equal(StartMs + 30_000, root.GetProperty("expiresAfter").GetInt64());
        Assert.True(Signature.TryFromJson(root.GetProperty("signature"), out var signature));
        var recovered = SignatureRecovery.RecoverL1Signer(root.GetProperty("action"), StartMs, Vault, StartMs + 30_000, signature, isMainnet: true);
        Assert.Equal(AgentKey.Address, recovered.Value);
        Assert.NotEqual(AgentKey.Address, SignatureRecovery.RecoverL1Signer(root.GetProperty("action"), StartMs, null, StartMs + 30_000, signature, true).Value);
    }

    [Fact]
    public async Task Requests_InSameMillisecond_UseIncreasingNonces()
    {
        var (client, handler) = CreateSut(Default);

        await client.NoopAsync(CancellationToken.None);
        await client.ScheduleCancelAsync(new ScheduleCancelAction(), CancellationToken.None);

        var nonces = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetInt64()).ToArray();
        Assert.Equal([StartMs, StartMs + 1], nonces);
    }

    [Fact]
    public async Task AckActions_DefaultResponse_AreAcknowledged()
    {
        var (client, handler) = CreateSut(Default);
        var order = Order.Orders[0];

        Assert.True((await client.ModifyAsync(new ModifyAction(new ModifyRequest(OrderRef.ByOid(1), order)), CancellationToken.None)).IsSuccess);
        Assert.True((await client.UpdateLeverageAsync(new UpdateLeverageAction(4, true, 5), CancellationToken.None)).IsSuccess);
        Assert.True((await client.UpdateIsolatedMarginAsync(new UpdateIsolatedMarginAction(4, true, 1_000_000), CancellationToken.None)).IsSuccess);
        Assert.True((await client.ScheduleCancelAsync(new ScheduleCancelAction(StartMs + 60_000), CancellationToken.None)).IsSuccess);
        var noop = await client.NoopAsync(CancellationToken.None);

        Assert.True(noop.IsSuccess);
        Assert.Equal("default", noop.Value.ResponseType);
        Assert.Equal(
            ["modify", "updateLeverage", "updateIsolatedMargin", "scheduleCancel", "noop"],
            handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("action").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ApproveAgent_MasterKey_SendsUserSignedBodyThatRecoversToMaster()
    {
        var (client, handler) = CreateSut(Default);

        var result = await client.ApproveAgentAsync(AgentKey.Address, "halyard", CancellationToken.None);

        Assert.True(result.IsSuccess);
        using var body = JsonDocument.Parse(handler.Requests.Single().Body);
        var root = body.RootElement;
        var action = root.GetProperty("action");
        Assert.Equal("approveAgent", action.GetProperty("type").GetString());
        Assert.Equal("Testnet", action.GetProperty("hyperliquidChain").GetString());
        Assert.Equal(root.GetProperty("nonce").GetInt64(), action.GetProperty("nonce").GetInt64());
        Assert.False(root.TryGetProperty("vaultAddress", out _));
        Assert.True(Signature.TryFromJson(root.GetProperty("signature"), out var signature));
        Assert.Equal(MasterKey.Address, SignatureRecovery.RecoverUserSignedSigner(action, signature).Value);
    }

    [Fact]
    public async Task UserSignedTransfers_MasterKey_AreSentWithMatchingNonce()
    {
        var (client, handler) = CreateSut(Default);
        var destination = EthAddress.Parse("0x5e9ee1089755c3435139848e47e6635505d5a13a");

        Assert.True((await client.UsdSendAsync(destination, "1", CancellationToken.None)).IsSuccess);
        Assert.True((await client.WithdrawAsync(destination, "2.5", CancellationToken.None)).IsSuccess);
        Assert.True((await client.UsdClassTransferAsync("3", toPerp: true, CancellationToken.None)).IsSuccess);
        Assert.True((await client.ApproveBuilderFeeAsync(destination, "0.001%", CancellationToken.None)).IsSuccess);

        foreach (var (_, bytes) in handler.Requests)
        {
            using var body = JsonDocument.Parse(bytes);
            var action = body.RootElement.GetProperty("action");
            var nonceField = action.TryGetProperty("time", out var time) ? time : action.GetProperty("nonce");
            Assert.Equal(body.RootElement.GetProperty("nonce").GetInt64(), nonceField.GetInt64());
            Assert.True(Signature.TryFromJson(body.RootElement.GetProperty("signature"), out var signature));
            Assert.Equal(MasterKey.Address, SignatureRecovery.RecoverUserSignedSigner(action, signature).Value);
        }
    }

    [Fact]
    public async Task UserSigned_AgentIdentity_IsRefusedWithoutSending()
    {
        var handler = new FakeExchangeHandler(Default);
        var client = new ExchangeClient(
            new HyperliquidHttp(new HttpClient(handler), new Uri("https://api.hyperliquid-testnet.xyz")),
            SigningIdentity.ForAgent(AgentKey, MasterKey.Address),
            new NonceGenerator(new FakeTimeProvider()),
            new ExchangeClientOptions { IsMainnet = false });

        var result = await client.UsdSendAsync(MasterKey.Address, "1", CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.InvalidParam, result.Error.Class);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PlaceOrders_TransportFailure_KeepsOutcomeUnknown()
    {
        var handler = new FakeExchangeHandler(() => throw new HttpRequestException("connection reset"));
        var (client, _) = CreateSut(handler);

        var result = await client.PlaceOrdersAsync(Order, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PlaceOrders_Http500_KeepsOutcomeUnknown()
    {
        var (client, _) = CreateSut("upstream error", status: HttpStatusCode.BadGateway);

        var result = await client.PlaceOrdersAsync(Order, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.ExchangeDown, result.Error.Class);
        Assert.True(result.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PlaceOrders_WholeRequestError_IsClassifiedRejection()
    {
        var (client, _) = CreateSut("{\"status\":\"err\",\"response\":\"User or API Wallet 0x281abb829ea0b0291ceaa3b14b5b5d893070e8d5 does not exist.\"}");

        var result = await client.PlaceOrdersAsync(Order, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.InvalidParam, result.Error.Class);
        Assert.False(result.Error.OutcomeUnknown);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(79, 2)]
    [InlineData(80, 3)]
    public void Weight_BatchSize_IsOnePlusFloorOfNOver40(int batchSize, int expected) =>
        Assert.Equal(expected, ExchangeClient.Weight(batchSize));

    private static (ExchangeClient Client, FakeExchangeHandler Handler) CreateSut(string response, Uri? baseUrl = null, HttpStatusCode status = HttpStatusCode.OK) =>
        CreateSut(new FakeExchangeHandler(response, status), baseUrl);

    private static (ExchangeClient Client, FakeExchangeHandler Handler) CreateSut(FakeExchangeHandler handler, Uri? baseUrl = null)
    {
        var client = new ExchangeClient(
            new HyperliquidHttp(new HttpClient(handler), baseUrl ?? new Uri("https://api.hyperliquid-testnet.xyz")),
            SigningIdentity.ForAccount(MasterKey),
            new NonceGenerator(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(StartMs))),
            new ExchangeClientOptions { IsMainnet = false });
        return (client, handler);
    }
}

using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>Signer resolution, agents, nonces and expiry (fake signatures; the real recovery is in the conformance tests).</summary>
public sealed class AuthenticationTests
{
    private const string Agent = "0x00000000000000000000000000000000000a6e47";

    [Fact]
    public async Task UnknownSigner_UserOrApiWalletDoesNotExist()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"noop\"}", signer: Bob);
        Assert.Equal("err", answer.GetProperty("status").GetString());
        Assert.Equal($"User or API Wallet {Bob} does not exist.", answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task ApprovedAgent_TradesForItsAccount()
    {
        using var h = new PaperHarness();
        Assert.Equal("err", (await h.ExchangeAsync("{\"type\":\"noop\"}", signer: Agent)).GetProperty("status").GetString());
        var approve = await h.ExchangeAsync(ApproveAgent(Agent, "bot", h.NowMs + 1), nonce: h.NowMs + 1);
        Assert.Equal("ok", approve.GetProperty("status").GetString());

        var status = await h.OrderAsync(Btc, true, "100000", "0.001", signer: Agent);
        Assert.True(status.TryGetProperty("resting", out _));
        Assert.Equal(1, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
        Assert.Equal(0, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Agent + "\"}")).GetArrayLength());
    }

    [Fact]
    public async Task ApproveAgent_SameNameAgain_ReplacesThePreviousAgent()
    {
        using var h = new PaperHarness();
        const string second = "0x00000000000000000000000000000000000a6e48";
        await h.ExchangeAsync(ApproveAgent(Agent, "bot", h.NowMs + 1), nonce: h.NowMs + 1);
        await h.ExchangeAsync(ApproveAgent(second, "bot", h.NowMs + 2), nonce: h.NowMs + 2);
        var old = await h.ExchangeAsync("{\"type\":\"noop\"}", signer: Agent, nonce: h.NowMs + 3);
        Assert.Equal($"User or API Wallet {Agent} does not exist.", old.GetProperty("response").GetString());
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"noop\"}", signer: second, nonce: h.NowMs + 4)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ApproveAgent_FromUnfundedAddress_MustDeposit()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(ApproveAgent(Agent, "", h.NowMs), signer: Bob, nonce: h.NowMs);
        Assert.Equal("Must deposit before performing actions. User: " + Bob, answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Nonce_Reused_DuplicateNonce()
    {
        using var h = new PaperHarness();
        var nonce = h.NowMs;
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: nonce)).GetProperty("status").GetString());
        var again = await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: nonce);
        Assert.Equal($"Invalid nonce: duplicate nonce {nonce}", again.GetProperty("response").GetString());
    }

    [Theory]
    [InlineData(-2 * 86_400_000L)]
    [InlineData(86_400_000L)]
    public async Task Nonce_OutsideTheWindow_InvalidNonce(long offset)
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: h.NowMs + offset);
        Assert.StartsWith("Invalid nonce", answer.GetProperty("response").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-2 * 86_400_000L + 1)]
    [InlineData(86_400_000L - 1)]
    public async Task Nonce_JustInsideTheWindow_Accepted(long offset)
    {
        using var h = new PaperHarness();
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: h.NowMs + offset)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Nonce_BelowTheHundredRetained_Rejected()
    {
        using var h = new PaperHarness();
        var start = h.NowMs;
        for (var i = 1; i <= 100; i++)
        {
            await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: start + i);
        }

        var old = await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: start);
        Assert.StartsWith("Invalid nonce", old.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"noop\"}", nonce: start + 101)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExpiresAfter_InThePast_Rejected()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"noop\"}", extra: ",\"expiresAfter\":" + (h.NowMs - 1));
        Assert.Equal("Action already expired", answer.GetProperty("response").GetString());
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"noop\"}", extra: ",\"expiresAfter\":" + (h.NowMs + 5000))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task VaultAddress_NotRegistered()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"noop\"}", extra: ",\"vaultAddress\":\"" + Bob + "\"");
        Assert.Equal("Vault not registered: " + Bob, answer.GetProperty("response").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[{\"a\":\"x\"}],\"grouping\":\"na\"},\"nonce\":1,\"signature\":{\"r\":\"0x1\",\"s\":\"0x1\",\"v\":27}}")]
    [InlineData("{\"action\":{\"type\":\"teleport\"},\"nonce\":1,\"signature\":{\"r\":\"0x1\",\"s\":\"0x1\",\"v\":27}}")]
    [InlineData("{\"action\":{\"type\":\"noop\"},\"nonce\":1}")]
    public async Task UnreadableBody_Http422LikeTheVenue(string body)
    {
        using var h = new PaperHarness();
        var (status, text) = await h.PostAsync("exchange", body);
        Assert.Equal(422, status);
        Assert.Equal("Failed to deserialize the JSON body into the target type", text);
    }

    [Fact]
    public async Task AddressBudget_Exhausted_TooManyCumulativeRequests()
    {
        using var h = new PaperHarness();
        var orders = string.Join(',', Enumerable.Repeat(Limit(Btc, true, "100000", "0.001", "Ioc"), 10_001));
        var answer = await h.ExchangeAsync(OrderJson([orders]));
        Assert.Equal("ok", answer.GetProperty("status").GetString()); // the first over-budget request passes (one per 10 s)
        var next = await h.ExchangeAsync("{\"type\":\"noop\"}");
        Assert.StartsWith("Too many cumulative requests sent (10002 > 10000)", next.GetProperty("response").GetString(), StringComparison.Ordinal);
        h.Advance(TimeSpan.FromSeconds(10));
        var later = await h.ExchangeAsync("{\"type\":\"noop\"}");
        Assert.True(later.GetProperty("status").GetString() == "ok", later.ToString());
        var limit = await h.InfoAsync("{\"type\":\"userRateLimit\",\"user\":\"" + Alice + "\"}");
        Assert.Equal(10_000, limit.GetProperty("nRequestsCap").GetInt64());
    }

    private static string ApproveAgent(string agent, string name, long nonce) =>
        "{\"type\":\"approveAgent\",\"signatureChainId\":\"0x66eee\",\"hyperliquidChain\":\"Mainnet\",\"agentAddress\":\"" + agent
        + "\",\"agentName\":\"" + name + "\",\"nonce\":" + nonce + "}";
}

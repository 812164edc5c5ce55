using System.Text.Json;
using Halyard.Decisions;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Halyard.Tests.Decisions.Parsing;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Decisions.Llm;

/// <summary>
/// The real OpenAI-compatible client (OpenAIClient → GetChatClient → AsIChatClient) and the official
/// Anthropic client against a loopback server replaying real model replies from the 236.
/// </summary>
public sealed class OpenAiCompatibleLoopbackTests : IAsyncLifetime
{
    private const string KeyVariable = "HALYARD_TEST_LLM_KEY";
    private LoopbackLlmServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackLlmServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task DecideAsync_RealReplyWithReferencePrice_ParsesThroughTheOpenAiClient()
    {
        server.Enqueue(RealRepliesTests.Replies[1]);
        var ctx = Some.Context(snapshots: [Some.Uptrend("BNB", 1100m)]);

        var outcome = await CreateSut(LlmProvider.OpenAiCompatible).DecideAsync(ctx, CancellationToken.None);

        var d = Assert.Single(outcome.Decisions);
        Assert.Equal(new TradingDecision("BNB", DecisionAction.OpenLong, 12, 9900m, null, 1000m, 1150m, 72, 800m), d with { Reasoning = null, InvalidationCondition = null });
        Assert.Equal(new TokenUsage(1200, 340, 1540), outcome.Usage);
        Assert.Equal(0, outcome.Retries);
        var request = Assert.Single(server.Requests).RootElement;
        Assert.Equal("test-model", request.GetProperty("model").GetString());
        Assert.Equal("system", request.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal(outcome.PromptDigest, RenderedPrompt.DigestOf(
            request.GetProperty("messages")[0].GetProperty("content").ToString(),
            request.GetProperty("messages")[1].GetProperty("content").ToString()));
    }

    [Fact]
    public async Task DecideAsync_AmbiguousRealReplyThenRealHolds_TakesTheRetryPath()
    {
        server.Enqueue(RealRepliesTests.Replies[72]);
        server.Enqueue(RealRepliesTests.Replies[157]);

        var outcome = await CreateSut(LlmProvider.OpenAiCompatible).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(1, outcome.Retries);
        Assert.Equal(["ETH", "BTC", "BNB", "SOL", "XRP", "DOGE"], outcome.Decisions.Select(d => d.Symbol));
        Assert.All(outcome.Decisions, d => Assert.Equal(DecisionAction.Hold, d.Action));
        Assert.Equal(ParseOutcome.Repaired, outcome.ParseOutcome);
        Assert.Equal(new TokenUsage(2400, 680, 3080), outcome.Usage);
        var retry = server.Requests.Last().RootElement.GetProperty("messages");
        Assert.Equal(4, retry.GetArrayLength());
        Assert.Equal("assistant", retry[2].GetProperty("role").GetString());
        Assert.Contains("ambiguous decisions: 'trading_decision' (CLOSE_POSITION SOL/USDT:USDT) disagrees", retry[3].GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_StructuredOutput_SendsJsonSchemaResponseFormat()
    {
        server.Enqueue("""{"decisions":[{"symbol":"SOL","action":"wait","leverage":null,"position_size_usd":null,"entry_price":null,"stop_loss":null,"take_profit":null,"confidence":40,"risk_usd":null,"reasoning":"chop","invalidation_condition":null}]}""");

        var outcome = await CreateSut(LlmProvider.OpenAiCompatible, structured: true).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(ParseOutcome.Parsed, outcome.ParseOutcome);
        Assert.Equal(DecisionAction.Wait, Assert.Single(outcome.Decisions).Action);
        var format = Assert.Single(server.Requests).RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(DecisionSchema.Name, format.GetProperty("json_schema").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DecideAsync_RateLimited_IsARateLimitedProviderError()
    {
        server.Enqueue("slow down", status: 429);

        var outcome = await CreateSut(LlmProvider.OpenAiCompatible).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(DecisionErrorKind.Provider, outcome.Error?.Kind);
        Assert.Equal(ErrorClass.RateLimited, outcome.Error?.Class);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DecideAsync_Anthropic_ParsesARealReplyThroughTheOfficialClient()
    {
        server.Enqueue(RealRepliesTests.Replies[146]);

        var outcome = await CreateSut(LlmProvider.Anthropic).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(6, outcome.Decisions.Count);
        Assert.Equal(new TokenUsage(900, 210, 1110), outcome.Usage);
        var request = Assert.Single(server.Requests).RootElement;
        Assert.Equal("test-model", request.GetProperty("model").GetString());
        Assert.Contains("Hard rules (enforced)", request.GetProperty("system").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingKeyVariable_IsAConfigurationError()
    {
        var result = ChatClientFactory.Create(Options(LlmProvider.OpenAiCompatible, false), _ => null);

        Assert.False(result.IsSuccess);
        Assert.Contains(KeyVariable, result.Error?.Message, StringComparison.Ordinal);
    }

    private LlmOptions Options(LlmProvider provider, bool structured) => new()
    {
        Provider = provider,
        Model = "test-model",
        BaseUrl = provider == LlmProvider.OpenAiCompatible ? new Uri(server.BaseUrl, "v1") : server.BaseUrl,
        ApiKeyEnvironmentVariable = KeyVariable,
        Timeout = TimeSpan.FromSeconds(30),
        StalenessBound = TimeSpan.FromMinutes(5),
        StructuredOutput = structured,
    };

    private LlmDecisionMaker CreateSut(LlmProvider provider, bool structured = false)
    {
        var options = Options(provider, structured);
        var client = ChatClientFactory.Create(options, name => name == KeyVariable ? "sk-loopback" : null);
        Assert.True(client.IsSuccess, client.Error?.Message);
        return new LlmDecisionMaker(client.Value, options, new PromptBuilder(PromptTemplate.Default, new PromptOptions { StructuredOutput = structured }), new FakeTimeProvider(Some.Now));
    }
}

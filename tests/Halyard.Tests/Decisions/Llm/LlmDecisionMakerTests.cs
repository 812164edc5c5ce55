using Halyard.Decisions;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Decisions.Llm;

public class LlmDecisionMakerTests
{
    private const string Good = """Reasoning. <decisions>{"decisions":[{"symbol":"SOL","action":"hold","confidence":70}]}</decisions>""";
    private const string Bad = """I would buy SOL with confidence 60-70 but let me think more.""";

    private readonly FakeTimeProvider time = new(Some.Now);

    [Fact]
    public async Task DecideAsync_GoodReply_NoRetryAndUsageRecorded()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply(Good, 1000, 50));

        var outcome = await CreateSut(client).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(new TradingDecision("SOL", DecisionAction.Hold, Confidence: 70), Assert.Single(outcome.Decisions));
        Assert.Equal((0, ParseOutcome.Parsed, "Reasoning."), (outcome.Retries, outcome.ParseOutcome, outcome.Cot));
        Assert.Equal(new TokenUsage(1000, 50, 1050), outcome.Usage);
        Assert.Null(outcome.Error);
        Assert.Equal(64, outcome.PromptDigest.Length);
        Assert.Null(outcome.Prompt);
        Assert.Single(client.Requests);
    }

    [Fact]
    public async Task DecideAsync_UnparseableThenGood_RetriesOnceSayingWhatWasWrong()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply(Bad), ScriptedChatClient.Reply(Good));

        var outcome = await CreateSut(client).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(1, outcome.Retries);
        Assert.Single(outcome.Decisions);
        Assert.Equal(Good, outcome.Raw);
        Assert.Equal([Bad, Good], outcome.Attempts.Select(a => a.Raw));
        Assert.Equal(new TokenUsage(200, 40, 240), outcome.Usage);
        var retry = client.Requests[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], retry.Select(m => m.Role));
        Assert.Equal(Bad, retry[2].Text);
        Assert.Contains("no decision JSON found", retry[3].Text, StringComparison.Ordinal);
        Assert.Contains("<decisions></decisions>", retry[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_UnparseableTwice_HoldsWithTheErrorAndBothRaws()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply(Bad), ScriptedChatClient.Reply("still thinking"));

        var outcome = await CreateSut(client).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.True(outcome.IsHold);
        Assert.Equal(DecisionErrorKind.Unparseable, outcome.Error?.Kind);
        Assert.Equal(ParseOutcome.Failed, outcome.ParseOutcome);
        Assert.Equal("still thinking", outcome.Raw);
        Assert.Equal(2, outcome.Attempts.Count);
    }

    [Fact]
    public async Task DecideAsync_RepairedWithInvalidDecision_RetriesAndKeepsTheFirstWhenTheRetryFails()
    {
        const string partial = """[{"symbol":"SOL","action":"hold"},{"symbol":"ETH","action":"open_long","leverage":3,"position_size_usd":"6,000","stop_loss":2800,"take_profit":3300}]""";
        var client = new ScriptedChatClient(ScriptedChatClient.Reply(partial), ScriptedChatClient.Reply("no json"));

        var outcome = await CreateSut(client).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal("SOL", Assert.Single(outcome.Decisions).Symbol);
        Assert.Equal("ETH", Assert.Single(outcome.Flagged).Decision.Symbol);
        Assert.Contains("thousands separators", client.Requests[1].Messages[3].Text, StringComparison.Ordinal);
        Assert.Equal(partial, outcome.Raw);
    }

    [Fact]
    public async Task DecideAsync_NoAnswerWithinTimeout_HoldsWithTimeout()
    {
        var client = new ScriptedChatClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        var sut = CreateSut(client, new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", Timeout = TimeSpan.FromSeconds(90) });

        var pending = sut.DecideAsync(Some.Context(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(91));
        var outcome = await pending;

        Assert.Equal(DecisionErrorKind.Timeout, outcome.Error?.Kind);
        Assert.Equal(ErrorClass.Temporary, outcome.Error?.Class);
        Assert.True(outcome.IsHold);
    }

    [Fact]
    public async Task DecideAsync_AnswerAfterStalenessBound_IsDiscardedButKept()
    {
        var client = new ScriptedChatClient((m, ct) =>
        {
            time.Advance(TimeSpan.FromMinutes(5));
            return ScriptedChatClient.Reply(Good)(m, ct);
        });
        var sut = CreateSut(client, new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", Timeout = TimeSpan.FromMinutes(10), StalenessBound = TimeSpan.FromMinutes(4) });

        var outcome = await sut.DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(DecisionErrorKind.Stale, outcome.Error?.Kind);
        Assert.True(outcome.IsHold);
        Assert.Equal(Good, outcome.Raw);
        Assert.Equal(TimeSpan.FromMinutes(5), outcome.Latency);
    }

    [Fact]
    public async Task DecideAsync_ContextAlreadyOld_CountsAgeFromTheMarketData()
    {
        var client = new ScriptedChatClient((m, ct) =>
        {
            time.Advance(TimeSpan.FromMinutes(2));
            return ScriptedChatClient.Reply(Good)(m, ct);
        });
        var sut = CreateSut(client, new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", StalenessBound = TimeSpan.FromMinutes(4) });

        var fresh = await sut.DecideAsync(Some.Context() with { Time = time.GetUtcNow() }, CancellationToken.None);
        var old = await sut.DecideAsync(Some.Context() with { Time = time.GetUtcNow().AddMinutes(-3) }, CancellationToken.None);

        Assert.Null(fresh.Error);
        Assert.Equal(DecisionErrorKind.Stale, old.Error?.Kind);
        Assert.Contains("answer arrived 300s after the cycle's market data", old.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_CallerCancels_Propagates()
    {
        using var cts = new CancellationTokenSource();
        var client = new ScriptedChatClient(async (_, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new ChatResponse();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(client).DecideAsync(Some.Context(), cts.Token));
    }

    [Fact]
    public async Task DecideAsync_NetworkFailure_IsATemporaryProviderError()
    {
        var client = new ScriptedChatClient((_, _) => Task.FromException<ChatResponse>(new HttpRequestException("connection refused")));

        var outcome = await CreateSut(client).DecideAsync(Some.Context(), CancellationToken.None);

        Assert.Equal(new DecisionError(DecisionErrorKind.Provider, ErrorClass.Temporary, "network: connection refused"), outcome.Error);
        Assert.Empty(outcome.Attempts);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task DecideAsync_StructuredOutput_SendsTheDecisionSchema(bool structured, bool expectSchema)
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply("""{"decisions":[]}"""));
        var options = new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", StructuredOutput = structured, IncludeFullPrompt = true };

        var outcome = await CreateSut(client, options).DecideAsync(Some.Context(), CancellationToken.None);

        var format = client.Requests[0].Options?.ResponseFormat as ChatResponseFormatJson;
        Assert.Equal(expectSchema, format?.Schema is not null);
        Assert.Equal(ParseOutcome.Parsed, outcome.ParseOutcome);
        Assert.NotNull(outcome.Prompt);
        Assert.Equal(outcome.PromptDigest, RenderedPrompt.DigestOf(outcome.Prompt!.System, outcome.Prompt.User));
    }

    [Fact]
    public async Task DecideAsync_BareClose_IsResolvedFromTheHeldPosition()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Reply("""<decisions>[{"coin":"SOL","signal":"close_position"}]</decisions>"""));
        var ctx = Some.Context(positions: [Some.Short("SOL", 3m, 170m)]);

        var outcome = await CreateSut(client).DecideAsync(ctx, CancellationToken.None);

        Assert.Equal(DecisionAction.CloseShort, Assert.Single(outcome.Decisions).Action);
    }

    private LlmDecisionMaker CreateSut(IChatClient client, LlmOptions? options = null) =>
        new(client, options ?? new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "m", StructuredOutput = false }, new PromptBuilder(), time);
}

using Halyard.Decisions;
using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Decisions.Recorded;
using Halyard.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Decisions.Recorded;

public class RecordedDecisionMakerTests
{
    private static readonly string Cassette = Path.Combine(AppContext.BaseDirectory, "Fixtures", "llm", "trading_agent_raw_responses.jsonl");

    [Fact]
    public void LoadCassette_TheRealRepliesFile_ReadsAll236()
    {
        Assert.Equal(236, RecordedDecisionMaker.LoadCassette(Cassette).Count);
    }

    [Fact]
    public async Task DecideAsync_ReplaysInOrderThroughTheParserAndWrapsAround()
    {
        var sut = new RecordedDecisionMaker(
            ["""[{"symbol":"SOL","action":"hold"}]""", "no json here", """{"decisions":[]}"""],
            new PromptBuilder(),
            new FakeTimeProvider(Some.Now));
        var ctx = Some.Context();

        var outcomes = new List<DecisionOutcome>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await sut.DecideAsync(ctx, CancellationToken.None));
        }

        Assert.Equal([ParseOutcome.Parsed, ParseOutcome.Failed, ParseOutcome.Parsed, ParseOutcome.Parsed], outcomes.Select(o => o.ParseOutcome));
        Assert.Equal([1, 0, 0, 1], outcomes.Select(o => o.Decisions.Count));
        Assert.Equal(DecisionErrorKind.Unparseable, outcomes[1].Error?.Kind);
        Assert.Equal("no json here", outcomes[1].Raw);
        Assert.All(outcomes, o => Assert.Equal(new PromptBuilder().Build(ctx).Digest, o.PromptDigest));
        Assert.All(outcomes, o => Assert.Equal(0, o.Retries));
    }

    [Fact]
    public async Task DecideAsync_RealCassette_UsesTheContextToResolveCloses()
    {
        var replies = RecordedDecisionMaker.LoadCassette(Cassette);
        var sut = new RecordedDecisionMaker([replies[2]], new PromptBuilder(), new FakeTimeProvider(Some.Now));
        var ctx = Some.Context(positions: [Some.Long("BNB", 9m, 1000m)], snapshots: [Some.Uptrend("BNB", 1050m)]);

        var outcome = await sut.DecideAsync(ctx, CancellationToken.None);

        Assert.Equal(DecisionAction.CloseLong, Assert.Single(outcome.Decisions).Action);
    }

    [Theory]
    [InlineData("{\"raw\": \"ok\"}\nnot json\n", ":2: not JSON")]
    [InlineData("{\"text\": \"ok\"}\n", ":1: expected an object with a string field \"raw\"")]
    [InlineData("\n\n", "the cassette is empty")]
    public void LoadCassette_BadLine_NamesTheLine(string content, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"halyard-cassette-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, content);
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => RecordedDecisionMaker.LoadCassette(path));
            Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Journal;
using Halyard.Tests.Decisions.Llm;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

public class LlmReplayTests
{
    [Fact]
    public async Task Replay_ConfigNamingAnLlmWithItsKeyInTheEnvironment_AsksTheModelEveryCycle()
    {
        await using var llm = await LoopbackLlmServer.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            llm.Enqueue("Nothing convincing.\n<decisions>[{\"symbol\":\"BTC\",\"action\":\"wait\",\"reasoning\":\"no edge\"}]</decisions>");
        }

        using var dir = new TempDirectory();
        var config = HalyardConfig.Default() with
        {
            DecisionMaker = new DecisionMakerConfig
            {
                Provider = DecisionMakerProvider.OpenAI,
                Model = "loopback-model",
                BaseUrl = new Uri(llm.BaseUrl, "/v1"),
                ApiKeyEnv = "HALYARD_TEST_LLM_KEY",
                StructuredOutput = StructuredOutputMode.Off,
            },
        };

        var run = await ReplayRunner.RunAsync(
            new ReplayRequest
            {
                Config = config,
                From = ReplayScenario.From,
                To = ReplayScenario.From.AddMinutes(30),
                OutDirectory = dir.Path,
                Environment = name => name == "HALYARD_TEST_LLM_KEY" ? "sk-test-not-a-real-key" : null,
            },
            null,
            CancellationToken.None);

        Assert.True(run.IsSuccess, run.Error?.Message);
        var result = run.Value;
        Assert.Equal(["openai:loopback-model"], result.Summary.DecisionMakers);
        var records = JsonlJournal.Read(Path.Combine(result.RunFolder, CompositeJournal.JsonlFileName)).Records;
        Assert.Equal(10, records.Count);
        Assert.Equal(10, llm.Requests.Count);
        Assert.All(records, r =>
        {
            Assert.NotEqual(ParseOutcomes.NotAsked, r.ParseOutcome);
            Assert.StartsWith("sha256:", r.InputPromptDigest, StringComparison.Ordinal);
            Assert.Equal(1540, r.TokenUsage?.TotalTokens);
            Assert.Contains("Nothing convincing", r.CotTrace, StringComparison.Ordinal);
            Assert.Equal("BTC", Assert.Single(r.Decisions).Symbol);
        });
        Assert.DoesNotContain("sk-test-not-a-real-key", await File.ReadAllTextAsync(Path.Combine(result.RunFolder, CompositeJournal.JsonlFileName)), StringComparison.Ordinal);
    }
}

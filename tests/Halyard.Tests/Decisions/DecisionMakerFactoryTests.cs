using Halyard.Decisions;
using Halyard.Decisions.Baseline;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Recorded;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Decisions;

public class DecisionMakerFactoryTests
{
    private readonly FakeTimeProvider time = new(Some.Now);

    [Fact]
    public void Create_Default_IsTheBaseline() =>
        Assert.IsType<BaselineDecisionMaker>(DecisionMakerFactory.Create(new DecisionMakerOptions(), time, _ => null).Value);

    [Fact]
    public void Create_RecordedWithCassette_ReplaysIt()
    {
        var options = new DecisionMakerOptions
        {
            Kind = DecisionMakerKind.Recorded,
            CassettePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "llm", "trading_agent_raw_responses.jsonl"),
        };

        Assert.IsType<RecordedDecisionMaker>(DecisionMakerFactory.Create(options, time, _ => null).Value);
    }

    [Theory]
    [InlineData(DecisionMakerKind.Recorded, "decision_maker.cassette is required")]
    [InlineData(DecisionMakerKind.OpenAi, "decision_maker.model and the LLM settings are required")]
    public void Create_MissingSetting_IsAnError(DecisionMakerKind kind, string message)
    {
        var result = DecisionMakerFactory.Create(new DecisionMakerOptions { Kind = kind }, time, _ => null);

        Assert.Null(result.Value);
        Assert.Contains(message, result.Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionMakerKind.OpenAi, "OpenAiCompatible")]
    [InlineData(DecisionMakerKind.Anthropic, "Anthropic")]
    public void Create_LlmWithKeyVariableSet_BuildsTheLlmMaker(DecisionMakerKind kind, string provider)
    {
        var options = new DecisionMakerOptions
        {
            Kind = kind,
            Llm = new LlmOptions { Provider = LlmProvider.OpenAiCompatible, Model = "some-model", ApiKeyEnvironmentVariable = "MY_KEY" },
        };

        var result = DecisionMakerFactory.Create(options, time, name => name == "MY_KEY" ? "secret" : null);

        Assert.Equal($"llm:{provider}:some-model", Assert.IsType<LlmDecisionMaker>(result.Value).Name);
    }

    [Fact]
    public void Create_LlmWithKeyVariableUnset_NamesTheVariable()
    {
        var options = new DecisionMakerOptions
        {
            Kind = DecisionMakerKind.Anthropic,
            Llm = new LlmOptions { Provider = LlmProvider.Anthropic, Model = "claude", ApiKeyEnvironmentVariable = "ANTHROPIC_KEY_FOR_T01" },
        };

        var result = DecisionMakerFactory.Create(options, time, _ => null);

        Assert.Equal("decision_maker: the API key environment variable 'ANTHROPIC_KEY_FOR_T01' is not set", result.Error?.Message);
    }

    [Fact]
    public void Create_BadPromptTemplatePath_IsAnError()
    {
        var result = DecisionMakerFactory.Create(new DecisionMakerOptions { PromptTemplatePath = "/nonexistent/prompt.txt" }, time, _ => null);

        Assert.StartsWith("decision_maker.prompt_template: ", result.Error?.Message, StringComparison.Ordinal);
    }
}

namespace Halyard.Tests.Cycle.Configuration;

public class ConfigSecretTests
{
    private const string OpenAiLikeKey = "sk-proj-AbCdEf0123456789AbCdEf0123456789";
    private const string HexKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    public static TheoryData<string, string, string> Literals => new()
    {
        { $"decision_maker:\n  api_key: {OpenAiLikeKey}\n", "decision_maker.api_key", OpenAiLikeKey },
        { $"decision_maker:\n  api_key_env: {OpenAiLikeKey}\n", "decision_maker.api_key_env", OpenAiLikeKey },
        { $"decision_maker:\n  api_key_env: AbCdEf0123456789AbCdEf0123\n", "decision_maker.api_key_env", "AbCdEf0123456789AbCdEf0123" },
        { $"exchange:\n  private_key: {HexKey}\n", "exchange.private_key", HexKey },
        { $"exchange:\n  signer:\n    key: {HexKey}\n", "exchange.signer.key", HexKey },
        { $"exchange:\n  signer:\n    key_env: {HexKey}\n", "exchange.signer.key_env", HexKey },
        { $"traders:\n  - id: a\n    decision_maker:\n      api_key_env: \"{OpenAiLikeKey}\"\n", "traders[0].decision_maker.api_key_env", OpenAiLikeKey },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Parse_LiteralSecret_ErrorThatNeverEchoesIt(string yaml, string path, string secret)
    {
        var result = ConfigTestText.Parse(yaml);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == path);
        Assert.DoesNotContain(secret, result.Describe(), StringComparison.Ordinal);
        Assert.All(result.Issues, i => Assert.True(i.Value is null || !i.Value.Contains(secret[4..20], StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("DEEPSEEK_API_KEY")]
    [InlineData("my_key_2")]
    public void Parse_EnvironmentVariableName_Accepted(string name) =>
        Assert.Equal(name, ConfigTestText.Valid($"decision_maker:\n  provider: anthropic\n  model: m\n  api_key_env: {name}\n").DecisionMaker.ApiKeyEnv);

    [Fact]
    public void Parse_LiteralKeyKey_MessageSaysWhereSecretsGo()
    {
        var error = ConfigTestText.SingleError($"decision_maker:\n  api_key: {OpenAiLikeKey}\n");
        Assert.Equal("<redacted>", error.Value);
        Assert.Contains("api_key_env", error.Message, StringComparison.Ordinal);
    }
}

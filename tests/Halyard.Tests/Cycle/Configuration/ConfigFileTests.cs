using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public sealed class ConfigFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "halyard-config-" + Guid.NewGuid().ToString("N"));

    public ConfigFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_MissingFile_ErrorNotException()
    {
        var result = HalyardConfigLoader.Load(Path.Combine(_dir, "absent.yaml"));
        Assert.False(result.Succeeded);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StarterFile_Loads()
    {
        var result = HalyardConfigLoader.Load(Write("halyard.yaml", HalyardConfig.Default().ToYaml()));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Load_RelativeCassette_ResolvedAgainstTheFilesDirectory()
    {
        Write("cassettes/run.jsonl", "{\"raw\": \"[]\"}\n");
        var result = HalyardConfigLoader.Load(Write("conf/../halyard.yaml", "decision_maker:\n  provider: recorded\n  cassette: cassettes/run.jsonl\n"));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(Path.Combine(_dir, "cassettes", "run.jsonl"), result.Config.DecisionMaker.Cassette);
    }

    [Fact]
    public void Load_MissingInputFiles_ErrorEach()
    {
        var result = HalyardConfigLoader.Load(Write("halyard.yaml", """
            decision_maker:
              provider: recorded
              cassette: nope.jsonl
              prompt_template: nope.txt
            exchange:
              signer:
                key_file: nope.key
            paper_exchange:
              data_dir: nope/
            """));
        Assert.Equal(
            ["decision_maker.cassette", "decision_maker.prompt_template", "exchange.signer.key_file", "paper_exchange.data_dir"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains("not found", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithoutBaseDirectory_PathsKeptAsWritten() =>
        Assert.Equal("nope.jsonl", ConfigTestText.Valid("decision_maker:\n  provider: recorded\n  cassette: nope.jsonl\n").DecisionMaker.Cassette);

    [Fact]
    public void Parse_KeyVariableUnset_Warned()
    {
        var options = new ConfigLoadOptions { Environment = name => name == "SET_KEY" ? "x" : null };
        var unset = HalyardConfigLoader.Parse("decision_maker:\n  provider: anthropic\n  model: m\n  api_key_env: UNSET_KEY\ntraders:\n  - id: a\n    risk_params:\n      max_position_size_usd: 1000000\n", options);
        Assert.True(unset.Succeeded);
        var warning = Assert.Single(unset.Warnings);
        Assert.Equal(("decision_maker.api_key_env", "UNSET_KEY"), (warning.Path, warning.Value));

        var set = HalyardConfigLoader.Parse("exchange:\n  signer:\n    key_env: SET_KEY\ntraders:\n  - id: a\n    risk_params:\n      max_position_size_usd: 1000000\n", options);
        Assert.Empty(set.Issues);
    }
}

using Halyard.Cycle.Configuration;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cli;

public class ConfigCommandTests
{
    [Fact]
    public async Task Init_WritesTheStarterFileThatChecksClean()
    {
        using var dir = new TempDirectory();
        var path = dir.File("halyard.yaml");

        var (code, output) = await Cli.RunAsync("config", "init", path);

        Assert.Equal(0, code);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        var loaded = HalyardConfigLoader.Load(path);
        Assert.True(loaded.Succeeded, loaded.Describe());
        Assert.Equal(HalyardConfig.Default().ToYaml(), loaded.Config.ToYaml());
        Assert.Equal(ExchangeProvider.Paper, loaded.Config.Exchange.Provider);
        Assert.Equal(DecisionMakerProvider.Baseline, loaded.Config.DecisionMaker.Provider);

        var check = await Cli.RunAsync("config", "check", path);
        Assert.Equal(0, check.Code);
        Assert.Contains("OK", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_ExistingFile_RefusesWithoutForce()
    {
        using var dir = new TempDirectory();
        var path = dir.File("halyard.yaml");
        await File.WriteAllTextAsync(path, "keep me");

        var (code, _) = await Cli.RunAsync("config", "init", path);

        Assert.Equal(1, code);
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
        Assert.Equal(0, (await Cli.RunAsync("config", "init", path, "--force")).Code);
    }

    [Fact]
    public async Task Check_FileWithErrors_PrintsEveryIssueWithItsPathAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.yaml");
        await File.WriteAllTextAsync(path, """
            traders:
              - id: t01
                exec_guards:
                  cooldown_after_clsoe: 15m
                  max_margin_usage_pct: 150
            market_data:
              intraday_interval: 7m
            """);

        var (code, output) = await Cli.RunAsync("config", "check", path);

        Assert.Equal(1, code);
        Assert.Contains("traders[0].exec_guards.cooldown_after_clsoe", output, StringComparison.Ordinal);
        Assert.Contains("traders[0].exec_guards.max_margin_usage_pct", output, StringComparison.Ordinal);
        Assert.Contains("market_data.intraday_interval", output, StringComparison.Ordinal);
        Assert.Contains("3 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WarningsOnly_ExitsZero()
    {
        using var dir = new TempDirectory();
        var path = dir.File("warn.yaml");
        await File.WriteAllTextAsync(path, "features:\n  cooldown: false\n");

        var (code, output) = await Cli.RunAsync("config", "check", path);

        Assert.Equal(0, code);
        Assert.Contains("warning: features.cooldown", output, StringComparison.Ordinal);
    }
}

namespace Halyard.Tests.Cli;

public class VerbTests
{
    [Theory]
    [InlineData("nosuchverb", "--help")]
    [InlineData("nosuchverb")]
    [InlineData("replays", "--from", "2025-01-01")]
    public async Task UnknownVerb_IsAnErrorWithNonZeroExit(params string[] args)
    {
        var (code, output) = await Cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains($"unknown command '{args[0]}'", output, StringComparison.Ordinal);
        Assert.Contains("replay", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownVerbHelp_ExitsZero()
    {
        var (code, output) = await Cli.RunAsync("replay", "--help");

        Assert.Equal(0, code);
        Assert.DoesNotContain("unknown command", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_ExitsZero() => Assert.Equal(0, (await Cli.RunAsync("--help")).Code);
}

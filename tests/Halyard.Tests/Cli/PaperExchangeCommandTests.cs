using System.CommandLine;
using Halyard.Cli.Commands;

namespace Halyard.Tests.Cli;

public sealed class PaperExchangeCommandTests
{
    [Theory]
    [InlineData("paper-exchange --fund bad")]
    [InlineData("paper-exchange --fund 0x14791697260e4c9a71f18484c9f997b308e59325:-5")]
    [InlineData("paper-exchange --speed 0")]
    [InlineData("paper-exchange --from 2025-07-02 --to 2025-07-01")]
    [InlineData("paper-exchange --to yesterday")]
    public async Task InvalidArguments_ExitCodeTwoWithoutListening(string line)
    {
        var root = new RootCommand { PaperExchangeCommand.Create() };
        var output = new StringWriter();
        var code = await root.Parse(line).InvokeAsync(new InvocationConfiguration { Error = output, Output = output });
        Assert.Equal(2, code);
    }

    [Fact]
    public void Options_ParseTheDocumentedFlags()
    {
        var root = new RootCommand { PaperExchangeCommand.Create() };
        var result = root.Parse("paper-exchange --port 9000 --fund 0x14791697260e4c9a71f18484c9f997b308e59325:10000 --fund 0x0000000000000000000000000000000000000b0b:5 --speed 100 --from 2025-07-01 --to 2025-07-10");
        Assert.Empty(result.Errors);
    }
}

using System.Text.Json;

namespace Halyard.Tests.Cli;

/// <summary>
/// The runtime settings the `halyard` command ships in its runtimeconfig (docs/performance.md): each was measured on
/// the default replay, and losing one silently costs seconds per replay.
/// </summary>
public class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredPGO", "false")]
    [InlineData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", "0")]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "0")]
    public void TheCliRuntimeConfig_CarriesTheMeasuredSetting(string name, string expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Halyard.Cli.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var value = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(name);

        Assert.Equal(expected, value.ToString().ToLowerInvariant());
    }
}

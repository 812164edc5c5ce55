using System.Text.Json;
using Halyard.Cycle.Replay;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// The summary's <c>code</c> figures: whether the engine ran precompiled (ReadyToRun) and what the JIT compiled during
/// the cycles. The framework's own assemblies ship as ReadyToRun images; the tests run the IL (Debug) build of the
/// engine. The Release build of the CLI is checked end to end by <c>.ci/checks/ready-to-run.sh</c>.
/// </summary>
public class ReadyToRunImageTests(ReplayScenario scenario) : IClassFixture<ReplayScenario>
{
    [Fact]
    public void Holds_TheFrameworksCoreLibrary_IsAReadyToRunImage() =>
        Assert.True(ReadyToRunImage.Holds(typeof(object).Assembly));

    [Fact]
    public void Holds_TheEngineAsTheTestsBuildIt_IsIlOnly() =>
        Assert.False(ReadyToRunImage.Holds(typeof(ReplayRunner).Assembly));

    [Fact]
    public void Summary_SaysHowTheCodeRan_InItsJson()
    {
        var code = scenario.Result.Summary.Code;
        Assert.NotNull(code);
        Assert.False(code.ReadyToRun);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(scenario.Result.RunFolder, ReplayRunner.SummaryFileName)));
        var written = json.RootElement.GetProperty("code");
        Assert.False(written.GetProperty("ready_to_run").GetBoolean());
        Assert.Equal(code.JitMethods, written.GetProperty("jit_methods").GetInt64());
    }
}

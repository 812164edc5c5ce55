using Halyard.Sweeps.Definition;
using Halyard.Sweeps.Planning;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Sweeps;

public class SweepPlannerTests
{
    [Fact]
    public void Plan_Grid_IsEveryCombinationNamedFromItsAxes()
    {
        using var dir = new TempDirectory();
        var plan = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);

        Assert.Equal(["lev=5_window=d2", "lev=5_window=d3", "lev=10_window=d2", "lev=10_window=d3"], plan.Jobs.Select(j => j.Name));
        Assert.Equal(["lev", "window"], plan.AxisNames);
        Assert.All(plan.Jobs, j => Assert.Equal(TimeSpan.FromHours(2), j.Window.To - j.Window.From));
        Assert.Equal(5, plan.Jobs[0].Config.Traders[0].RiskParams.AltcoinLeverage);
        Assert.Equal(10, plan.Jobs[2].Config.Traders[0].RiskParams.AltcoinLeverage);
        Assert.Equal(4, plan.Jobs.Select(j => j.Digest).Distinct().Count());
    }

    [Fact]
    public void Plan_SameSweepTwice_GivesTheSameDigests()
    {
        using var dir = new TempDirectory();
        var first = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);
        var second = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);

        Assert.Equal(first.Jobs.Select(j => j.Digest), second.Jobs.Select(j => j.Digest));
    }

    [Fact]
    public void Plan_BaseFileWrittenDifferentlyButEqual_KeepsTheDigest()
    {
        using var dir = new TempDirectory();
        var starter = Halyard.Cycle.Configuration.HalyardConfig.Default().ToYaml();
        var bare = string.Join("\n", starter.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))) + "\n# a comment of our own\n";
        File.WriteAllText(dir.File("base.yaml"), bare);
        var withoutBase = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);
        var withBase = SweepFiles.Plan("base: base.yaml\n" + SweepFiles.Grid(dir.Path), dir.Path);

        Assert.Equal(withoutBase.Jobs.Select(j => j.Digest), withBase.Jobs.Select(j => j.Digest));
    }

    [Fact]
    public void Plan_KeyTheLoaderDoesNotKnow_IsRefusedNamingTheJobAndKey()
    {
        using var dir = new TempDirectory();
        var text = $"out: {dir.Path}\naxes:\n  - key: traders[0].risk_params.altcoin_leverag\n    values: [5]\n";
        var (plan, errors) = SweepPlanner.Plan(SweepFiles.Definition(text, dir.Path));

        Assert.Null(plan);
        Assert.Contains(errors, e => e.Contains("job altcoin-leverag=5", StringComparison.Ordinal) && e.Contains("altcoin_leverag", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ExplicitJobs_AreCrossedWithTheGrid()
    {
        using var dir = new TempDirectory();
        var text = $$"""
            out: {{dir.Path}}
            jobs:
              - name: calm
                set: { "traders[0].exec_guards.max_new_positions_per_hour": 1, "paper_exchange.faults.seed": 7 }
              - name: busy
                set: { "traders[0].exec_guards.max_new_positions_per_hour": 8 }
            axes:
              - key: replay.from
                name: from
                values: ["2025-07-02T00:00:00Z"]
              - key: replay.to
                name: to
                values: ["2025-07-02T01:00:00Z"]
            """;
        var plan = SweepFiles.Plan(text, dir.Path);

        Assert.Equal(["calm_from=2025-07-02T00-00-00Z_to=2025-07-02T01-00-00Z", "busy_from=2025-07-02T00-00-00Z_to=2025-07-02T01-00-00Z"], plan.Jobs.Select(j => j.Name));
        Assert.Equal("calm", plan.Jobs[0].Axes[SweepPlanner.VariantAxis]);
        Assert.Equal(1, plan.Jobs[0].Config.Traders[0].ExecGuards.MaxNewPositionsPerHour);
        Assert.Equal(7, plan.Jobs[0].Config.PaperExchange.Faults.Seed);
        Assert.Equal(8, plan.Jobs[1].Config.Traders[0].ExecGuards.MaxNewPositionsPerHour);
    }

    [Fact]
    public void Read_UnknownSweepKey_IsAnError()
    {
        var (definition, errors) = SweepFileReader.Parse("axis: []\n", Path.GetTempPath(), "s");

        Assert.Null(definition);
        Assert.Contains(errors, e => e.StartsWith("axis: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Endpoints_AreNormalized()
    {
        var (definition, errors) = SweepFileReader.Parse("endpoints:\n  - { endpoint: \"HTTP://127.0.0.1:11434/v1/\", max_concurrency: 2, requests_per_minute: 30 }\n", Path.GetTempPath(), "s");

        Assert.Empty(errors);
        Assert.Equal(new EndpointLimitView("http://127.0.0.1:11434/v1", 2, 30), EndpointLimitView.Of(definition!.Endpoints[0]));
    }

    private sealed record EndpointLimitView(string Endpoint, int MaxConcurrency, int? RequestsPerMinute)
    {
        public static EndpointLimitView Of(Halyard.Sweeps.Endpoints.EndpointLimit l) => new(l.Endpoint, l.MaxConcurrency, l.RequestsPerMinute);
    }
}

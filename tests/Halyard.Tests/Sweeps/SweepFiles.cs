using Halyard.Sweeps.Definition;
using Halyard.Sweeps.Planning;

namespace Halyard.Tests.Sweeps;

/// <summary>Sweep texts for tests: short replay windows (two hours of 2025-07-02) of the starter configuration.</summary>
internal static class SweepFiles
{
    public const string TwoWindows = """
        - { from: "2025-07-02T00:00:00Z", to: "2025-07-02T02:00:00Z" }
        - { from: "2025-07-03T00:00:00Z", to: "2025-07-03T02:00:00Z" }
        """;

    /// <summary>A grid of altcoin leverage (5, 10) × two 2-hour windows: four jobs.</summary>
    public static string Grid(string outDir, string leverages = "[5, 10]") => $"""
        name: grid
        out: {outDir}
        axes:
          - key: traders[*].risk_params.altcoin_leverage
            name: lev
            values: {leverages}
          - key: replay
            name: window
            labels: [d2, d3]
            values:
        {Indent(TwoWindows, 6)}
        """;

    public static SweepDefinition Definition(string text, string directory)
    {
        var (definition, errors) = SweepFileReader.Parse(text, directory, "sweep");
        Assert.True(definition is not null, string.Join("\n", errors));
        return definition;
    }

    public static SweepPlan Plan(string text, string directory)
    {
        var (plan, errors) = SweepPlanner.Plan(Definition(text, directory));
        Assert.True(plan is not null, string.Join("\n", errors));
        return plan;
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l.TrimStart()));
}

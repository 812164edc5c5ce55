using Halyard.Operations.Reports;
using Halyard.Tests.Journal;
using CliRunner = Halyard.Tests.Cli.Cli;

namespace Halyard.Tests.Operations;

/// <summary>A known replay: two traders (half the account each) with the baseline over six hours of 2 July 2025.</summary>
public sealed class ReplayRunFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public string Folder => _dir.File("run");

    public IReadOnlyList<TraderRun> Runs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var config = _dir.File("two.yaml");
        await File.WriteAllTextAsync(config, """
            traders:
              - id: alpha
                allocation_pct: 50
                risk_params:
                  max_position_size_usd: 100000
              - id: beta
                allocation_pct: 50
                decision_interval: 5m
                risk_params:
                  max_position_size_usd: 100000
            """);
        var (code, output) = await CliRunner.RunAsync("replay", "--config", config, "--from", "2025-07-02", "--to", "2025-07-02T06:00:00Z", "--out", Folder);
        Assert.True(code == 0, output);
        Runs = RunFolders.Load([Folder]);
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Replay;

/// <summary>
/// One short replay of the starter configuration (baseline, paper exchange, bundled data):
/// 2025-07-02 00:00 → 08:00 UTC, 160 cycles with opens, closes, a stop and the hourly cap. Run once per
/// test class (it takes a few seconds); the run folder is deleted afterwards.
/// </summary>
public sealed class ReplayScenario : IAsyncLifetime
{
    public static readonly DateTimeOffset From = new(2025, 7, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddHours(8);

    private readonly TempDirectory _dir = new();

    public ReplayResult Result { get; private set; } = null!;

    public IReadOnlyList<DecisionCycleRecord> Records { get; private set; } = [];

    public static async Task<ReplayResult> RunAsync(string folder, HalyardConfig? config = null, DateTimeOffset? to = null)
    {
        var result = await ReplayRunner.RunAsync(
            new ReplayRequest { Config = config ?? HalyardConfig.Default(), From = From, To = to ?? To, OutDirectory = folder },
            null,
            CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public async Task InitializeAsync()
    {
        Result = await RunAsync(_dir.Path);
        Records = JsonlJournal.Read(Path.Combine(Result.RunFolder, CompositeJournal.JsonlFileName)).Records;
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

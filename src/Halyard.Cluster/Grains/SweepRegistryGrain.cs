using Halyard.Cluster.Contracts;
using Halyard.Cluster.Hosting;
using Orleans.Runtime;

namespace Halyard.Cluster.Grains;

/// <summary>The persisted set of sweeps with work.</summary>
[GenerateSerializer]
public sealed class SweepRegistryState
{
    [Id(0)] public List<string> Sweeps { get; set; } = [];
}

/// <inheritdoc cref="ISweepRegistryGrain"/>
public sealed class SweepRegistryGrain([PersistentState("registry", ClusterNames.Storage)] IPersistentState<SweepRegistryState> state) : Grain, ISweepRegistryGrain
{
    public async Task Register(string sweep)
    {
        if (!state.State.Sweeps.Contains(sweep, StringComparer.Ordinal))
        {
            state.State.Sweeps.Add(sweep);
            await state.WriteStateAsync().ConfigureAwait(true);
        }
    }

    public async Task Unregister(string sweep)
    {
        if (state.State.Sweeps.Remove(sweep))
        {
            await state.WriteStateAsync().ConfigureAwait(true);
        }
    }

    public Task<IReadOnlyList<string>> Active() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Sweeps]);
}

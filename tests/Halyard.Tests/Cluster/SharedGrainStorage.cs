using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Halyard.Tests.Cluster;

/// <summary>
/// Grain storage for the in-process test cluster that survives the loss of a silo, like Redis would: one
/// store per test cluster (by service id) shared by its silos, holding deep copies. Orleans' memory storage
/// keeps state in grains that die with their silo, which would hide what the tests check.
/// </summary>
internal sealed class SharedGrainStorage(DeepCopier copier, string store) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (object State, string ETag)>> Stores = new();

    private ConcurrentDictionary<string, (object State, string ETag)> Items => Stores.GetOrAdd(store, _ => new());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Items.TryGetValue(stateName + "/" + grainId, out var item))
        {
            grainState.State = copier.Copy((T)item.State);
            grainState.ETag = item.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        Items[stateName + "/" + grainId] = (copier.Copy(grainState.State)!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Items.TryRemove(stateName + "/" + grainId, out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

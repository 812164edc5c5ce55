namespace Halyard.Cluster.Hosting;

/// <summary>Names shared by silos and clients.</summary>
public static class ClusterNames
{
    /// <summary>The grain storage of the sweep and registry grains (the clustering store: Redis, ADO.NET, or memory on one machine).</summary>
    public const string Storage = "halyard";
}

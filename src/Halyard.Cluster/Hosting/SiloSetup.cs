using System.Net;
using Halyard.Cluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Halyard.Cluster.Hosting;

/// <summary>How a silo and a client are put together from <see cref="ClusterConfig"/> (shared with the in-process test cluster).</summary>
public static class SiloSetup
{
    /// <summary>The workers and the grains' services (every silo, test silos included).</summary>
    public static ISiloBuilder AddSweepWorkers(this ISiloBuilder silo, WorkerOptions workers) => silo.AddSweepWorkers(_ => workers);

    /// <summary>The workers, with options made from the silo's services (e.g. named after the silo).</summary>
    public static ISiloBuilder AddSweepWorkers(this ISiloBuilder silo, Func<IServiceProvider, WorkerOptions> workers)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(workers);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddHostedService<SweepWorkers>();
        return silo;
    }

    /// <summary>Membership, endpoints and the grain storage of the configuration.</summary>
    public static ISiloBuilder UseClusterConfig(this ISiloBuilder silo, ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(config);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = config.ClusterId;
            o.ServiceId = config.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = config.ProbeTimeout ?? o.ProbeTimeout;
            o.NumMissedProbesLimit = config.MissedProbes ?? o.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = config.DeathVotes ?? o.NumVotesForDeathDeclaration;
        });
        switch (config.Clustering)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(config.SiloPort, config.GatewayPort, new IPEndPoint(IPAddress.Loopback, config.PrimarySiloPort), config.ServiceId, config.ClusterId);
                silo.AddMemoryGrainStorage(ClusterNames.Storage);
                break;
            case ClusteringKind.Redis:
                silo.ConfigureEndpoints(IPAddress.Parse(config.Host), config.SiloPort, config.GatewayPort, listenOnAnyHostAddress: false);
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(config.Connection!));
                silo.AddRedisGrainStorage(ClusterNames.Storage, (Orleans.Persistence.RedisStorageOptions o) => o.ConfigurationOptions = ConfigurationOptions.Parse(config.Connection!));
                break;
            default:
                silo.ConfigureEndpoints(IPAddress.Parse(config.Host), config.SiloPort, config.GatewayPort, listenOnAnyHostAddress: false);
                silo.UseAdoNetClustering((AdoNetClusteringSiloOptions o) =>
                {
                    o.Invariant = config.AdoNetInvariant;
                    o.ConnectionString = config.Connection;
                });
                silo.AddAdoNetGrainStorage(ClusterNames.Storage, (AdoNetGrainStorageOptions o) =>
                {
                    o.Invariant = config.AdoNetInvariant;
                    o.ConnectionString = config.Connection;
                });
                break;
        }

        return silo;
    }

    public static IClientBuilder UseClusterConfig(this IClientBuilder client, ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(config);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = config.ClusterId;
            o.ServiceId = config.ServiceId;
        });
        switch (config.Clustering)
        {
            case ClusteringKind.Localhost:
                var gateways = config.Gateways.Count > 0 ? config.Gateways : [config.GatewayPort];
                client.UseStaticClustering(gateways.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray());
                break;
            case ClusteringKind.Redis:
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(config.Connection!));
                break;
            default:
                client.UseAdoNetClustering((AdoNetClusteringClientOptions o) =>
                {
                    o.Invariant = config.AdoNetInvariant;
                    o.ConnectionString = config.Connection;
                });
                break;
        }

        return client;
    }

    /// <summary>Grain type kept referenced so trimming never drops the grains (they are found by the Orleans SDK's generated manifest).</summary>
    internal static readonly Type[] Grains = [typeof(SweepGrain), typeof(SweepRegistryGrain), typeof(JobGrain), typeof(EndpointGrain)];
}

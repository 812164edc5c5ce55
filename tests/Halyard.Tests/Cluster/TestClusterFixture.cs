using Halyard.Cluster.Hosting;
using Halyard.PaperExchange.Data;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Halyard.Tests.Cluster;

/// <summary>Three silos in this process (Orleans TestingHost), one sweep worker each, fast failure detection.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.Options.ServiceId = "halyard-test-" + Guid.NewGuid().ToString("N")[..8];
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(ClusterNames.Storage, (sp, _) =>
                new SharedGrainStorage(sp.GetRequiredService<DeepCopier>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId));
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            siloBuilder.AddSweepWorkers(sp => new WorkerOptions
            {
                Workers = 1,
                Name = sp.GetRequiredService<ILocalSiloDetails>().Name,
                Poll = TimeSpan.FromMilliseconds(100),
                Data = MarketDataSet.Embedded,
            });
        }
    }
}

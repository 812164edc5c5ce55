using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Hosting;

/// <summary><c>halyard silo</c>: one Orleans silo with its sweep workers, until stopped.</summary>
public static class SiloHost
{
    public static IHost Build(ClusterConfig config, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(config);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.UseOrleans(silo => silo
            .UseClusterConfig(config)
            .AddSweepWorkers(new WorkerOptions { Workers = config.Workers, Name = config.SiloName, Poll = config.Poll }));
        return builder.Build();
    }

    public static IHost BuildClient(ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseClusterConfig(config));
        return builder.Build();
    }
}

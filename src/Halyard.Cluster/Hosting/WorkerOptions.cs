using Halyard.PaperExchange.Data;

namespace Halyard.Cluster.Hosting;

/// <summary>A silo's workers: how many replays at once, how it names itself in the index, how often idle workers ask for work.</summary>
public sealed record WorkerOptions
{
    public int Workers { get; init; } = Environment.ProcessorCount;

    public required string Name { get; init; }

    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The market data every replay of this silo shares (parsed once); null: each configuration's own.</summary>
    public MarketDataSet? Data { get; init; }

    public TimeProvider Wall { get; init; } = TimeProvider.System;
}

using Halyard.MarketData;

namespace Halyard.Cycle.Configuration;

/// <summary><c>market_data</c>: how each cycle's candidates and market snapshots are drawn.</summary>
public sealed record MarketDataConfig
{
    /// <summary>
    /// The intraday candle interval of the snapshots (it must divide one hour). The default is 5m because
    /// the bundled data covers 30 days only at 5 minutes (its 3m files span 12 days).
    /// </summary>
    public CandleInterval IntradayInterval { get; init; } = CandleInterval.FiveMinutes;

    /// <summary>Ranked coins offered to the model each cycle (held coins come on top).</summary>
    public int MaxCandidates { get; init; } = 10;

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(TimeSpan.FromHours(1).Ticks % TimeSpan.FromMilliseconds(IntradayInterval.Milliseconds).Ticks == 0, "intraday_interval", IntradayInterval.Name, "an interval that divides one hour");
        p.Require(MaxCandidates >= 1, "max_candidates", MaxCandidates, ">= 1");
        return p.ToList();
    }
}

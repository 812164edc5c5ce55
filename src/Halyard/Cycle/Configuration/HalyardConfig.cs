using Halyard.Cycle.Configuration.Writing;

namespace Halyard.Cycle.Configuration;

/// <summary>
/// The whole configuration document (one YAML file). Immutable; produced by
/// <see cref="HalyardConfigLoader"/> or <see cref="Default"/>. Every default is the design's or is
/// documented in <c>docs/configuration.md</c>.
/// </summary>
public sealed record HalyardConfig
{
    public IReadOnlyList<TraderConfig> Traders { get; init; } = [new TraderConfig()];
    public DecisionMakerConfig DecisionMaker { get; init; } = new();
    public FeatureFlags Features { get; init; } = new();
    public ExchangeConfig Exchange { get; init; } = new();
    public PaperExchangeConfig PaperExchange { get; init; } = new();
    public ExecutionConfig Execution { get; init; } = new();
    public MarketDataConfig MarketData { get; init; } = new();
    public JournalConfig Journal { get; init; } = new();
    public ReplayConfig Replay { get; init; } = new();
    public LoggingConfig Logging { get; init; } = new();
    public AlertsConfig Alerts { get; init; } = new();
    public ControlConfig Control { get; init; } = new();

    /// <summary>
    /// The starter configuration (<c>halyard config init</c>, and <c>halyard replay</c> without a file):
    /// the paper exchange funded with $10,000, the baseline decision maker and one trader. It differs from
    /// the design's defaults in one value: <c>max_position_size_usd</c> is raised to 100,000 so that the
    /// BTC/ETH value band (5–10 × equity = $50,000–100,000) is reachable on a $10,000 account.
    /// </summary>
    public static HalyardConfig Default() => new()
    {
        Traders =
        [
            new TraderConfig
            {
                Id = "t01",
                Name = "Default",
                RiskParams = new RiskParams { MaxPositionSizeUsd = 100_000m },
            },
        ],
    };

    /// <summary>The decision maker that serves this trader (its override, else the top-level one).</summary>
    public DecisionMakerConfig DecisionMakerFor(TraderConfig trader)
    {
        ArgumentNullException.ThrowIfNull(trader);
        return trader.DecisionMaker ?? DecisionMaker;
    }

    /// <summary>
    /// Every options record's own problems, by section (<c>execution</c>, <c>market_data</c>, …; each trader's
    /// decision maker override under <c>traders[i].decision_maker</c>). The loader reports them after its
    /// per-key checks; empty for a valid configuration.
    /// </summary>
    public IReadOnlyList<(string Section, string Problem)> Validate()
    {
        var sections = new List<(string, IReadOnlyList<string>)>
        {
            ("decision_maker", DecisionMaker.Validate()),
            ("exchange", Exchange.Validate()),
            ("paper_exchange", PaperExchange.Validate()),
            ("execution", Execution.Validate()),
            ("market_data", MarketData.Validate()),
            ("journal", Journal.Validate()),
            ("replay", Replay.Validate()),
            ("operations.control", Control.Validate()),
        };
        for (var i = 0; i < Traders.Count; i++)
        {
            sections.Add(($"traders[{i}]", Traders[i].ToRiskLimits().Validate()));
            if (Traders[i].DecisionMaker is { } own)
            {
                sections.Add(($"traders[{i}].decision_maker", own.Validate()));
            }
        }

        return [.. sections.SelectMany(s => s.Item2.Select(problem => (s.Item1, problem)))];
    }

    /// <summary>A commented YAML document that loads back to this configuration.</summary>
    public string ToYaml() => ConfigYamlWriter.Write(this);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Cycle.Reporting;

/// <summary>Milliseconds at three percentiles (nearest rank); null with no sample.</summary>
public sealed record LatencyStats(int Samples, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);

/// <summary>One shadow trader's paper account over the run (docs/running.md, "Shadow traders").</summary>
public sealed record ShadowTraderFigures
{
    public required string TraderId { get; init; }

    /// <summary>The paper account's address (never the live account).</summary>
    public required string Account { get; init; }

    public decimal InitialEquityUsd { get; init; }

    public decimal FinalEquityUsd { get; init; }

    /// <summary>Final − initial equity: realized and unrealized PnL, net of fees and funding.</summary>
    public decimal NetPnlUsd { get; init; }

    public decimal NetPnlPct { get; init; }

    public decimal FeesUsd { get; init; }

    public decimal FundingUsd { get; init; }

    /// <summary>Orders sent to the paper account (entries, closes, stops, targets, flattens).</summary>
    public int OrdersSent { get; init; }

    public int ClosedTrades { get; init; }

    public decimal? WinRatePct { get; init; }

    /// <summary>Fills of the trader's own stop-loss and take-profit triggers, which fired on a live price move (a trigger filled through several book levels counts each fill).</summary>
    public int TriggerFills { get; init; }

    /// <summary>Positions still open at the end.</summary>
    public int OpenPositions { get; init; }
}

/// <summary>
/// <c>summary.json</c> of a run folder: what happened (cycles, decisions, verdicts, orders, venue
/// rejections, the hourly open peak), how well (PnL net of fees and funding, Sharpe, win rate,
/// drawdown) and how fast (decision-to-order latency and cycle overhead on the wall clock, wall
/// seconds, cycles per second). Definitions: <c>docs/running.md</c>.
/// </summary>
public sealed record RunSummary
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required IReadOnlyList<string> Traders { get; init; }

    /// <summary>The decision makers used (e.g. <c>baseline</c>, <c>openai:gpt-4o-mini</c>).</summary>
    public required IReadOnlyList<string> DecisionMakers { get; init; }

    public int Cycles { get; init; }

    public int CyclesFailed { get; init; }

    public IReadOnlyDictionary<string, int> DecisionsByAction { get; init; } = new Dictionary<string, int>();

    /// <summary>Verdicts by kind (<c>accepted</c>, <c>adjusted</c>, <c>rejected</c>).</summary>
    public IReadOnlyDictionary<string, int> Verdicts { get; init; } = new Dictionary<string, int>();

    /// <summary>Rejected verdicts by primary reason code.</summary>
    public IReadOnlyDictionary<string, int> VerdictsRejectedByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Orders that left the process (entries, closes, stops, targets, flattens).</summary>
    public int OrdersSent { get; init; }

    /// <summary>Every <c>/exchange</c> request the venue received (orders, cancels, leverage).</summary>
    public int ExchangeRequests { get; init; }

    /// <summary>
    /// The shadow traders, each on its own paper account at the live prices: their figures, to compare with the live
    /// ones before switching one on. The other figures of the summary are the live traders' only.
    /// </summary>
    public IReadOnlyList<ShadowTraderFigures> ShadowTraders { get; init; } = [];

    public IReadOnlyDictionary<string, int> VenueRejectionsByClass { get; init; } = new Dictionary<string, int>();

    /// <summary>(rejected decisions + rejected orders) ÷ (judged decisions + orders sent) × 100 (docs/analytics.md).</summary>
    public decimal? RejectionRatePct { get; init; }

    /// <summary>Venue rejections ÷ requests sent × 100.</summary>
    public decimal? VenueRejectionRatePct { get; init; }

    public int OpensFilled { get; init; }

    /// <summary>Cycles in which new opens were stopped (Sharpe pause, safe mode or a circuit breaker) ÷ cycles × 100.</summary>
    public decimal? OpensPausedPct { get; init; }

    /// <summary>Cycles with new opens stopped, by reason (<c>sharpe_pause</c>, <c>safe_mode</c>, <c>daily_loss</c>, <c>max_drawdown</c>); a cycle may count under several.</summary>
    public IReadOnlyDictionary<string, int> OpensPausedByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Circuit-breaker trips by breaker (<c>daily_loss</c>, <c>max_drawdown</c>).</summary>
    public IReadOnlyDictionary<string, int> CircuitBreakerTrips { get; init; } = new Dictionary<string, int>();

    public int MaxNewOpensInAnyHour { get; init; }

    public required LatencyStats DecisionToOrder { get; init; }

    public required LatencyStats CycleOverhead { get; init; }

    public decimal InitialEquityUsd { get; init; }

    public decimal FinalEquityUsd { get; init; }

    /// <summary>Final − initial equity: realized and unrealized PnL, net of fees and funding.</summary>
    public decimal NetPnlUsd { get; init; }

    public decimal NetPnlPct { get; init; }

    public decimal FeesUsd { get; init; }

    /// <summary>Replays on the paper exchange: what taker fills paid beyond the mark at each fill (half spread + levels walked), USD; null when unknown (live).</summary>
    public decimal? SlippageUsd { get; init; }

    /// <summary>Replays on the paper exchange: what market triggers (stops, targets) filled beyond their trigger price, USD; null when unknown.</summary>
    public decimal? TriggerSlippageUsd { get; init; }

    /// <summary>Funding received (+) or paid (−).</summary>
    public decimal FundingUsd { get; init; }

    public int ClosedTrades { get; init; }

    public decimal? WinRatePct { get; init; }

    public decimal? ProfitFactor { get; init; }

    /// <summary>Annualised from the per-cycle equity returns of the whole run (docs/analytics.md).</summary>
    public double? Sharpe { get; init; }

    public double? Sortino { get; init; }

    public decimal? MaxDrawdownPct { get; init; }

    public double WallSeconds { get; init; }

    public double CyclesPerSecond { get; init; }

    /// <summary>Processor time of the whole process during the cycles (all threads): steadier than wall time on a shared machine.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Bytes allocated by the process during the cycles ÷ cycles (GC.GetTotalAllocatedBytes).</summary>
    public long? AllocatedBytesPerCycle { get; init; }

    /// <summary>The secp256k1 implementation that signed and recovered (<c>native</c> or <c>managed</c>).</summary>
    public string? SigningBackend { get; init; }

    /// <summary>How the engine's code ran: precompiled (ReadyToRun) or not, and what the JIT still compiled during the cycles.</summary>
    public CodeFigures? Code { get; init; }

    /// <summary>The state reads: WebSocket or polling, /info requests per cycle, disagreements, reactions, how long a fired stop's sibling stayed live.</summary>
    public LiveStateFigures? LiveState { get; init; }

    /// <summary>SHA-256 of the run's <c>/exchange</c> actions in order (nonces and signatures left out): equal for equal runs.</summary>
    public string? ActionsSha256 { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunSummary FromJson(string json) =>
        JsonSerializer.Deserialize<RunSummary>(json, Json) ?? throw new JsonException("summary.json holds null.");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

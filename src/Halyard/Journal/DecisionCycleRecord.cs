namespace Halyard.Journal;

/// <summary>
/// One decision cycle of one trader, as written to the journal (design: "Decision-Cycle Logging").
/// Immutable and append-only: a record is written once and never updated. Everything outside
/// <see cref="WallClock"/> (and <see cref="ActionRecord.LatencyMs"/>) is a function of the cycle's
/// inputs, so a deterministic replay reproduces it byte for byte; <see cref="WithoutWallClock"/> is the
/// projection replays compare. Field-by-field schema: <c>docs/decision-log.md</c>.
/// </summary>
public sealed record DecisionCycleRecord
{
    /// <summary>
    /// The version of this schema; bumped only on a breaking change. 2: plans are stored when they change
    /// (<see cref="PlansSince"/>); readers read 1 and 2 alike.
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The cycle's time on the trader's clock (the replay clock in a replay).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required string TraderId { get; init; }

    /// <summary>The trader's cycle number, 1-based, unique per trader.</summary>
    public required long Cycle { get; init; }

    /// <summary><c>sha256:</c> + hex of the UTF-8 prompt (see <see cref="PromptDigest"/>); empty when no model was asked.</summary>
    public string InputPromptDigest { get; init; } = string.Empty;

    /// <summary>The full prompt, only when full-prompt logging is enabled.</summary>
    public string? InputPrompt { get; init; }

    /// <summary>The model's reasoning, always kept (even when parsing failed).</summary>
    public string? CotTrace { get; init; }

    /// <summary>The model's raw answer text.</summary>
    public string? RawOutput { get; init; }

    /// <summary>How the answer was parsed: one of <see cref="ParseOutcomes"/>.</summary>
    public string ParseOutcome { get; init; } = ParseOutcomes.NotAsked;

    /// <summary>The decisions as the model proposed them, before validation.</summary>
    public IReadOnlyList<DecisionRecord> Decisions { get; init; } = [];

    /// <summary>The Validator's verdict on each decision (by index into <see cref="Decisions"/>).</summary>
    public IReadOnlyList<VerdictRecord> Verdicts { get; init; } = [];

    public AccountRecord? AccountSnapshot { get; init; }

    public IReadOnlyList<PositionRecord> PositionsSnapshot { get; init; } = [];

    /// <summary>
    /// The plan of each position the trader remembers at the end of the cycle (the entry decision's reasoning,
    /// invalidation, stop and target in force): what a restarted trader reloads. Null when it remembers none.
    /// </summary>
    public IReadOnlyList<PlanRecord>? Plans { get; init; }

    /// <summary>
    /// Storage only (schema 2): the plans are those of this trader's record of that cycle, stored in full there.
    /// Set by the journal's writers in place of unchanged <see cref="Plans"/>; the readers fill <see cref="Plans"/>
    /// from it and clear it, so a record read back has its plans and no reference.
    /// </summary>
    public long? PlansSince { get; init; }

    /// <summary>The coins offered to the model this cycle.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>A few fields per candidate coin, to keep the record small.</summary>
    public IReadOnlyList<MarketDigestEntry> MarketSnapDigest { get; init; } = [];

    /// <summary>Every exchange action of the cycle, in the order it was taken.</summary>
    public IReadOnlyList<ActionRecord> Actions { get; init; } = [];

    /// <summary>Model token usage; null when no model was asked or the provider did not report it.</summary>
    public TokenUsageRecord? TokenUsage { get; init; }

    public GatingRecord Gating { get; init; } = GatingRecord.Open;

    /// <summary>True when the cycle ran to its end without a cycle-level failure.</summary>
    public required bool Success { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Everything measured on the real clock; excluded when replays are compared.</summary>
    public WallClockRecord WallClock { get; init; } = WallClockRecord.Empty;

    /// <summary>
    /// The deterministic projection: <see cref="WallClock"/> emptied and every action's latency zeroed.
    /// Two runs of a deterministic replay give equal projections.
    /// </summary>
    public DecisionCycleRecord WithoutWallClock() => this with
    {
        WallClock = WallClockRecord.Empty,
        Actions = [.. Actions.Select(a => a with { LatencyMs = 0 })],
    };
}

/// <summary>The stable strings of <see cref="DecisionCycleRecord.ParseOutcome"/>.</summary>
public static class ParseOutcomes
{
    /// <summary>No model was asked this cycle (baseline decision maker, safe mode, or an earlier failure).</summary>
    public const string NotAsked = "not_asked";

    /// <summary>Structured output parsed directly.</summary>
    public const string Structured = "structured";

    /// <summary>Parsed after tolerant extraction or repair.</summary>
    public const string Repaired = "repaired";

    /// <summary>Parsed after the single gentle retry.</summary>
    public const string Retried = "retried";

    /// <summary>No valid decision list: the cycle holds.</summary>
    public const string Failed = "failed";

    /// <summary>The model call itself failed (timeout, transport, provider error).</summary>
    public const string ModelError = "model_error";
}

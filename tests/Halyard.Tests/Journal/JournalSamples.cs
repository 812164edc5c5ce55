using System.Globalization;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

/// <summary>Deterministic, fully populated decision-cycle records: the same arguments always give the same record.</summary>
internal static class JournalSamples
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static DecisionCycleRecord Record(long cycle, string traderId = "t01", int cotChars = 64, bool withPrompt = false)
    {
        var at = Start.AddMinutes(3 * cycle);
        var prompt = string.Create(CultureInfo.InvariantCulture, $"cycle {cycle}: you are a trader. Candidates BTC, ETH.");
        var cloid = Halyard.Domain.Cloid.Derive(traderId, cycle.ToString(CultureInfo.InvariantCulture), "BTC", "buy").Value;
        return new DecisionCycleRecord
        {
            Timestamp = at,
            TraderId = traderId,
            Cycle = cycle,
            InputPromptDigest = PromptDigest.Of(prompt),
            InputPrompt = withPrompt ? prompt : null,
            CotTrace = Cot(cycle, cotChars),
            RawOutput = "[{\"symbol\":\"BTC\",\"action\":\"open_long\"}] “curly” ünïcode <html> & +",
            ParseOutcome = ParseOutcomes.Repaired,
            Decisions =
            [
                new DecisionRecord
                {
                    Symbol = "BTC", Action = DecisionAction.OpenLong, Leverage = 40, PositionSizeUsd = 1500.50m, EntryPrice = 64000.5m,
                    StopLoss = 63000m, TakeProfit = 67000.00m, Confidence = 80, RiskUsd = 25.10m, Reasoning = "trend", InvalidationCondition = "close < 62000",
                },
                new DecisionRecord { Symbol = "DOGE", Action = DecisionAction.OpenShort, Leverage = 5, PositionSizeUsd = 5m, StopLoss = 0.2m, TakeProfit = 0.1m, Confidence = 90 },
                new DecisionRecord { Symbol = "ETH", Action = DecisionAction.Hold },
            ],
            Verdicts =
            [
                new VerdictRecord
                {
                    DecisionIndex = 0, Symbol = "BTC", Action = DecisionAction.OpenLong, Verdict = VerdictKinds.Adjusted,
                    ReasonCodes = ["leverage_clamped"], Adjustments = [new AdjustmentRecord("leverage", 40m, 20m, "leverage_clamped")],
                },
                new VerdictRecord
                {
                    DecisionIndex = 1, Symbol = "DOGE", Action = DecisionAction.OpenShort, Verdict = VerdictKinds.Rejected,
                    ReasonCodes = ["liquidity_below_threshold", "position_value_below_band"],
                },
                new VerdictRecord { DecisionIndex = 2, Symbol = "ETH", Action = DecisionAction.Hold, Verdict = VerdictKinds.Accepted },
            ],
            AccountSnapshot = new AccountRecord(10_000m + cycle, 120.5m, 1500m, 9800.25m, at),
            PositionsSnapshot = [new PositionRecord("ETH", -0.5000m, 3000.1m, 1500m, -12.5m, 150m, 10, false, 3280.4m)],
            Candidates = ["BTC", "ETH", "DOGE"],
            MarketSnapDigest =
            [
                new MarketDigestEntry("BTC", 64000.5m, 0.35m, -1.2m, 0.0000125m, 25000.1m),
                new MarketDigestEntry("DOGE", 0.15m, null, null, -0.00001m, 1_000_000m),
            ],
            Actions =
            [
                new ActionRecord { Symbol = "BTC", Action = "set_leverage", Result = "ok", Attempts = 1, LatencyMs = 3.5 },
                new ActionRecord
                {
                    Symbol = "BTC", Action = "entry", Qty = 0.02345m, Price = 64064m, OrderId = 9_000_000_000L + cycle, Cloid = cloid,
                    Result = "filled", Attempts = 2, LatencyMs = 41.25,
                },
                new ActionRecord
                {
                    Symbol = "BTC", Action = "stop_loss", Qty = 0.02345m, Price = 63000m, Cloid = cloid, Result = "rejected",
                    ErrorClass = ErrorClassCodes.InvalidParam, ErrorDetail = "Order has invalid price.", Attempts = 1, LatencyMs = 9,
                },
            ],
            TokenUsage = new TokenUsageRecord(12_000, 800, 12_800),
            Gating = new GatingRecord(at.AddMinutes(10), SafeMode: false, Shadow: false, ConsecutiveLlmFailures: 1, OpensAllowed: false),
            Success = cycle % 7 != 0,
            ErrorMessage = cycle % 7 != 0 ? null : "exchange_down: 503",
            WallClock = new WallClockRecord
            {
                RecordedAt = at.AddSeconds(2),
                DecisionMs = 1234.5,
                ValidationMs = 0.25,
                ExecutionMs = 51.75,
                CycleOverheadMs = 60.5,
                OrderLatencies = [new OrderLatencyRecord("BTC", cloid, 0.4, 41.25)],
            },
        };
    }

    /// <summary>A reasoning text of exactly <paramref name="chars"/> characters that differs per cycle.</summary>
    private static string Cot(long cycle, int chars)
    {
        var seed = string.Create(CultureInfo.InvariantCulture, $"[cycle {cycle}] thinking about BTC \"quotes\", newlines\n and tabs\t; ");
        var builder = new System.Text.StringBuilder(chars);
        while (builder.Length < chars)
        {
            builder.Append(seed);
        }

        return builder.ToString(0, chars);
    }
}

using System.Globalization;
using Halyard.Cycle.Reporting;
using Spectre.Console;

namespace Halyard.Cli.Rendering;

/// <summary>A run summary as a two-column table (what happened, how well, how fast).</summary>
internal static class SummaryTable
{
    public static Table Build(RunSummary s, string? runFolder = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle(runFolder is null ? "Run summary" : "Run summary — " + runFolder);
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        void Section(string name) => table.AddRow(new Markup("[bold]" + Markup.Escape(name) + "[/]"), Text.Empty);

        Section("run");
        Row("window (UTC)", Inv($"{s.From:yyyy-MM-dd HH:mm} → {s.To:yyyy-MM-dd HH:mm}"));
        Row("traders", string.Join(", ", s.Traders));
        Row("decision makers", string.Join(", ", s.DecisionMakers));
        Row("cycles", Inv($"{s.Cycles} ({s.CyclesFailed} failed)"));
        Section("decisions and orders");
        Row("decisions by action", Pairs(s.DecisionsByAction));
        Row("verdicts", Pairs(s.Verdicts));
        Row("rejected by reason", Pairs(s.VerdictsRejectedByReason));
        Row("orders sent", Inv($"{s.OrdersSent} ({s.ExchangeRequests} /exchange requests)"));
        Row("venue rejections by class", Pairs(s.VenueRejectionsByClass));
        Row("rejection rate", Pct(s.RejectionRatePct) + " (venue only: " + Pct(s.VenueRejectionRatePct) + ")");
        Row("opens filled", Inv($"{s.OpensFilled}, at most {s.MaxNewOpensInAnyHour} in any hour"));
        Row("cycles with opens paused", Pct(s.OpensPausedPct) + (s.OpensPausedByReason.Count == 0 ? "" : " (" + Pairs(s.OpensPausedByReason) + ")"));
        Row("circuit breaker trips", Pairs(s.CircuitBreakerTrips));
        Section("performance");
        Row("equity", Inv($"{s.InitialEquityUsd:N2} → {s.FinalEquityUsd:N2} USD"));
        Row("net PnL (after fees and funding)", Inv($"{s.NetPnlUsd:N2} USD ({s.NetPnlPct:0.00} %)"));
        Row("fees / funding", Inv($"{s.FeesUsd:N2} / {s.FundingUsd:N2} USD"));
        if (s.SlippageUsd is { } slippage)
        {
            Row("slippage: takers vs mark / triggers vs trigger", Inv($"{slippage:N2} / {s.TriggerSlippageUsd ?? 0m:N2} USD"));
        }

        Row("closed trades, win rate", Inv($"{s.ClosedTrades}, {Pct(s.WinRatePct)}"));
        Row("profit factor", s.ProfitFactor is { } pf ? Inv($"{pf:0.00}") : "n/a");
        Row("Sharpe / Sortino (annualised)", Num(s.Sharpe) + " / " + Num(s.Sortino));
        Row("max drawdown", Pct(s.MaxDrawdownPct));
        if (s.ShadowTraders.Count > 0)
        {
            // Beside the live figures above: each shadow trader on its own paper account at the live prices.
            Section("shadow traders (own paper account, live prices)");
            foreach (var t in s.ShadowTraders)
            {
                Row(t.TraderId + ": equity", Inv($"{t.InitialEquityUsd:N2} → {t.FinalEquityUsd:N2} USD (live: {s.InitialEquityUsd:N2} → {s.FinalEquityUsd:N2})"));
                Row(t.TraderId + ": net PnL", Inv($"{t.NetPnlUsd:N2} USD ({t.NetPnlPct:0.00} %; live {s.NetPnlPct:0.00} %), fees {t.FeesUsd:N2}, funding {t.FundingUsd:N2}"));
                Row(t.TraderId + ": trades, win rate", Inv($"{t.ClosedTrades}, {Pct(t.WinRatePct)} (live: {s.ClosedTrades}, {Pct(s.WinRatePct)}); {t.OrdersSent} paper orders, {t.OpenPositions} open"));
            }
        }
        if (s.LiveState is { } live)
        {
            Section("state reads");
            Row("account state", live.WebSocket ? "WebSocket shadow state (features.websocket), pushes " + (live.Pushes == "typed" ? "typed (replay.pushes, in process, no JSON)" : "as JSON frames") : "polled each cycle");
            Row("/info requests", Inv($"{live.InfoRequests} ({live.InfoRequestsPerCycle:0.00} per cycle)"));
            if (live.Reads == "typed")
            {
                Row("typed reads (replay.reads)", Inv($"{live.TypedReads} ({live.TypedReadsPerCycle:0.00} per cycle, in process, no HTTP)"));
            }
            var sibling = live.SiblingLiveAfterFire;
            Row("fired stop's sibling live", sibling.Samples == 0 ? "no stop or target fired" : Inv($"median {sibling.MedianSeconds:0.###} s, max {sibling.MaxSeconds:0.###} s ({sibling.Samples} fired)"));
            if (live.WebSocket)
            {
                Row("reactions", live.Reactions.Count == 0 ? "none" : Pairs(live.Reactions));
                Row("cross-checks disagreed", Inv($"{live.CrossChecksDisagreed} of {live.CrossChecks}; resyncs {live.Resyncs} ({live.ResyncsWithDifferences} with differences); cycles {live.CyclesDisagreedPct:0.###} %"));
            }
        }

        Section("speed (wall clock)");
        Row("decision → order p50 / p95 / p99", Ms(s.DecisionToOrder.P50Ms) + " / " + Ms(s.DecisionToOrder.P95Ms) + " / " + Ms(s.DecisionToOrder.P99Ms) + Inv($" ({s.DecisionToOrder.Samples} orders)"));
        Row("cycle overhead p50 / p95 (no LLM)", Ms(s.CycleOverhead.P50Ms) + " / " + Ms(s.CycleOverhead.P95Ms));
        Row("wall time", Inv($"{s.WallSeconds:0.0} s, {s.CyclesPerSecond:0} cycles/s"));
        if (s.CpuSeconds is { } cpu && s.Cycles > 0)
        {
            Row("processor time", Inv($"{cpu:0.0} s, {s.Cycles / Math.Max(cpu, 0.001):0} cycles per processor second"));
        }

        if (s.AllocatedBytesPerCycle is { } allocated)
        {
            Row("allocated per cycle", Inv($"{allocated / 1024.0:N1} KB"));
        }

        if (s.SigningBackend is { } backend)
        {
            Row("signing", backend == "native" ? "native libsecp256k1" : "managed BouncyCastle (native library unavailable)");
        }

        if (s.Code is { } code)
        {
            Row("code", (code.ReadyToRun ? "precompiled (ReadyToRun)" : "JIT only (not a Release build of the CLI)") + Inv($"; JIT during the cycles: {code.JitMethods:N0} methods, {code.JitSeconds:0.0} s"));
        }

        if (s.ActionsSha256 is { } sha)
        {
            Row("orders sha256", sha[..16] + "…");
        }

        return table;
    }

    private static string Pairs(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Inv($"{kv.Key} {kv.Value}")));

    private static string Pct(decimal? value) => value is { } v ? Inv($"{v:0.00} %") : "n/a";

    private static string Num(double? value) => value is { } v ? Inv($"{v:0.00}") : "n/a";

    private static string Ms(double? value) => value is { } v ? Inv($"{v:0.000} ms") : "n/a";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

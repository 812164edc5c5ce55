using System.Text;
using Halyard.Domain;
using Halyard.Decisions;
using Halyard.Operations.Control;
using Halyard.Operations.Reports;

namespace Halyard.Operations.Web.Pages;

/// <summary>The arena: every trader side by side (figures, equity curves), the open positions, and the controls when live.</summary>
internal static class ArenaPage
{
    public static async Task<string> RenderAsync(IDashboardSource source, CancellationToken ct)
    {
        var runs = source.Runs();
        var sb = new StringBuilder();
        sb.Append("<h2>Arena</h2>").Append(EquitySvg.Render(runs));
        sb.Append("<table id=\"arena\"><thead><tr><th>trader</th><th>cycles</th><th>equity</th><th>net PnL</th><th>net %</th><th>Sharpe</th><th>max DD</th><th>trades</th><th>win rate</th><th>fees</th><th>paused</th><th></th></tr></thead><tbody>");
        foreach (var (run, f) in runs.Select(r => (r, ArenaFigures.Of(r))))
        {
            sb.Append("<tr data-trader=\"").Append(Html.E(run.Label)).Append("\"><td>").Append(Html.E(run.Label)).Append("</td>")
                .Append("<td>").Append(f.Cycles).Append("</td>")
                .Append("<td>").Append(Html.Usd(f.FinalEquityUsd)).Append("</td>")
                .Append("<td class=\"net ").Append(Html.Signed(f.NetPnlUsd)).Append("\">").Append(Html.Usd(f.NetPnlUsd)).Append("</td>")
                .Append("<td>").Append(Html.Pct(f.NetPnlPct)).Append("</td>")
                .Append("<td>").Append(Html.D(f.Sharpe)).Append("</td>")
                .Append("<td>").Append(Html.Pct(f.MaxDrawdownPct)).Append("</td>")
                .Append("<td class=\"trades\">").Append(f.Trades).Append(f.TradesFromFills ? string.Empty : "*").Append("</td>")
                .Append("<td>").Append(Html.Pct(f.WinRatePct)).Append("</td>")
                .Append("<td>").Append(Html.Usd(f.FeesUsd)).Append("</td>")
                .Append("<td>").Append(Html.Pct(f.PausedSharePct)).Append("</td>")
                .Append("<td><a href=\"/timeline/").Append(Uri.EscapeDataString(run.Label)).Append("\">timeline</a></td></tr>");
        }

        sb.Append("</tbody></table><div class=\"muted\">Net PnL = final − initial account value (after fees and funding). * trades inferred from the journal's positions (no fills at hand): fees unknown.</div>");
        if (source.Control is { } control)
        {
            await LiveAsync(sb, control, ct).ConfigureAwait(false);
        }
        else
        {
            Finished(sb, runs);
        }

        return sb.ToString();
    }

    private static async Task LiveAsync(StringBuilder sb, ControlCenter control, CancellationToken ct)
    {
        var status = await control.StatusAsync(ct).ConfigureAwait(false);
        sb.Append("<h2>Traders</h2><table id=\"traders\"><thead><tr><th>trader</th><th>state</th><th>cycle</th><th>last cycle</th><th>equity</th><th>gating</th><th>last error</th><th>controls</th></tr></thead><tbody>");
        foreach (var t in status.Traders)
        {
            var id = Uri.EscapeDataString(t.Id);
            sb.Append("<tr data-trader=\"").Append(Html.E(t.Id)).Append("\"><td>").Append(Html.E(t.Id)).Append("</td>")
                .Append("<td class=\"state\">").Append(t.Running ? (t.Paused ? "paused" : "running") : "stopped").Append("</td>")
                .Append("<td>").Append(t.Cycle).Append("</td><td>").Append(Html.Time(t.LastCycleAt)).Append("</td>")
                .Append("<td>").Append(Html.Usd(t.Equity)).Append("</td><td class=\"gating\">").Append(Html.E(t.Gating)).Append("</td>")
                .Append("<td>").Append(Html.E(t.LastError)).Append("</td><td>")
                .Append(t.Paused
                    ? Button($"/api/traders/{id}/resume", "resume", $"Resume {t.Id}: allow new opens again?", false)
                    : Button($"/api/traders/{id}/pause", "pause", $"Pause {t.Id}: no new opens until resumed?", false))
                .Append(' ')
                .Append(Button($"/api/traders/{id}/flatten", "flatten", $"Flatten {t.Id}: pause it, cancel its orders and close its positions reduce-only?", true))
                .Append("</td></tr>");
        }

        sb.Append("</tbody></table><div class=\"card\">Account ").Append(Html.Usd(status.AccountValue)).Append(status.Error is { } e ? " · venue: " + Html.E(e) : string.Empty).Append(" &nbsp; ")
            .Append(Button("/api/flatten", "kill switch: flatten all", "KILL SWITCH: pause every trader, cancel every order and close every position reduce-only?", true)).Append(' ')
            .Append(Button("/api/cancel-all", "cancel all orders", "Cancel every open order on the account (protective stops included)?", true)).Append("</div>");
        sb.Append("<h2>Positions</h2><table id=\"positions\"><thead><tr><th>trader</th><th>coin</th><th>size</th><th>entry</th><th>stop</th><th>target</th><th>liquidation</th><th>uPnL</th></tr></thead><tbody>");
        foreach (var t in status.Traders)
        {
            foreach (var p in t.Positions)
            {
                PositionRow(sb, t.Id, p);
            }
        }

        sb.Append("</tbody></table>");
    }

    private static void Finished(StringBuilder sb, IReadOnlyList<TraderRun> runs)
    {
        sb.Append("<h2>Positions at the last cycle</h2><table id=\"positions\"><thead><tr><th>trader</th><th>coin</th><th>size</th><th>entry</th><th>stop</th><th>target</th><th>liquidation</th><th>uPnL</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            if (run.Records.LastOrDefault(r => r.AccountSnapshot is not null) is not { } last)
            {
                continue;
            }

            foreach (var p in last.PositionsSnapshot)
            {
                // Stop and target as the opening decision asked for them (the journal holds no open orders).
                var open = run.Records.Reverse().SelectMany(r => r.Decisions)
                    .FirstOrDefault(d => d.Symbol == p.Coin && d.Action is DecisionAction.OpenLong or DecisionAction.OpenShort);
                PositionRow(sb, run.Label, new PositionStatus(p.Coin, p.Size, p.EntryPrice, open?.StopLoss, open?.TakeProfit, p.LiquidationPrice, p.UnrealizedPnl, p.Leverage));
            }
        }

        sb.Append("</tbody></table>");
    }

    private static void PositionRow(StringBuilder sb, string trader, PositionStatus p) =>
        sb.Append("<tr><td>").Append(Html.E(trader)).Append("</td><td>").Append(Html.E(p.Coin)).Append("</td><td>").Append(Html.Num(p.Size))
            .Append("</td><td>").Append(Html.Num(p.EntryPrice)).Append("</td><td>").Append(Html.Num(p.StopLoss)).Append("</td><td>").Append(Html.Num(p.TakeProfit))
            .Append("</td><td>").Append(Html.Num(p.LiquidationPrice)).Append("</td><td class=\"").Append(Html.Signed(p.UnrealizedPnl)).Append("\">").Append(Html.Usd(p.UnrealizedPnl)).Append("</td></tr>");

    private static string Button(string action, string label, string confirm, bool danger) =>
        $"<button type=\"button\" class=\"{(danger ? "danger" : string.Empty)}\" data-action=\"{Html.E(action)}\" data-confirm=\"{Html.E(confirm)}\">{Html.E(label)}</button>";
}

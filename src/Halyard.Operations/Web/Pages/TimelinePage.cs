using System.Globalization;
using System.Text;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Operations.Reports;

namespace Halyard.Operations.Web.Pages;

/// <summary>What the timeline shows: a coin, an action, only cycles with a rejection.</summary>
internal sealed record TimelineFilter(string? Coin, string? Action, bool RejectedOnly)
{
    public const int MaxCycles = 200;

    public bool Matches(DecisionCycleRecord r) =>
        (Coin is null || r.Decisions.Any(d => d.Symbol == Coin && d.Action is not (DecisionAction.Hold or DecisionAction.Wait)) || r.Actions.Any(a => a.Symbol == Coin))
        && (Action is null || r.Decisions.Any(d => TimelinePage.ActionName(d.Action) == Action))
        && (!RejectedOnly || r.Verdicts.Any(v => v.IsRejected) || r.Actions.Any(a => a.IsVenueRejection));
}

/// <summary>One trader's decision timeline: each cycle's decisions, reasoning and raw reply, verdicts, orders, latency.</summary>
internal static class TimelinePage
{
    public static string ActionName(DecisionAction action) => action switch
    {
        DecisionAction.OpenLong => "open_long",
        DecisionAction.OpenShort => "open_short",
        DecisionAction.CloseLong => "close_long",
        DecisionAction.CloseShort => "close_short",
        DecisionAction.Hold => "hold",
        _ => "wait",
    };

    public static string Render(TraderRun run, TimelineFilter filter)
    {
        var sb = new StringBuilder();
        var coins = run.Records.SelectMany(r => r.Decisions.Select(d => d.Symbol)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var actions = run.Records.SelectMany(r => r.Decisions.Select(d => ActionName(d.Action))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        sb.Append("<h2>Decision timeline · ").Append(Html.E(run.Label)).Append("</h2>");
        sb.Append("<form class=\"filters\" method=\"get\">coin <select name=\"coin\"><option value=\"\">all</option>");
        foreach (var c in coins)
        {
            sb.Append("<option").Append(c == filter.Coin ? " selected" : string.Empty).Append('>').Append(Html.E(c)).Append("</option>");
        }

        sb.Append("</select> action <select name=\"action\"><option value=\"\">all</option>");
        foreach (var a in actions)
        {
            sb.Append("<option").Append(a == filter.Action ? " selected" : string.Empty).Append('>').Append(Html.E(a)).Append("</option>");
        }

        sb.Append("</select><label><input type=\"checkbox\" name=\"rejected\" value=\"1\"").Append(filter.RejectedOnly ? " checked" : string.Empty)
            .Append("> with a rejection</label><button type=\"submit\">filter</button><a href=\"/\">arena</a></form>");
        var shown = run.Records.Where(filter.Matches).Reverse().Take(TimelineFilter.MaxCycles).ToArray();
        sb.Append("<div class=\"muted\">").Append(shown.Length).Append(" most recent matching cycle(s) of ").Append(run.Records.Count).Append(", newest first</div>");
        foreach (var r in shown)
        {
            Cycle(sb, r);
        }

        return sb.ToString();
    }

    private static void Cycle(StringBuilder sb, DecisionCycleRecord r)
    {
        var rejected = r.Verdicts.Count(v => v.IsRejected);
        var sent = r.Actions.Count(a => a.Attempts > 0);
        var decisions = string.Join(", ", r.Decisions.Where(d => d.Action is not (DecisionAction.Hold or DecisionAction.Wait)).Select(d => ActionName(d.Action) + " " + d.Symbol));
        sb.Append("<details class=\"cycle\" id=\"c").Append(r.Cycle.ToString(CultureInfo.InvariantCulture)).Append("\"><summary>#").Append(r.Cycle).Append(" · ").Append(Html.Time(r.Timestamp))
            .Append(" · equity ").Append(Html.Usd(r.AccountSnapshot?.AccountValue)).Append(" · ")
            .Append(decisions.Length == 0 ? "no trade" : Html.E(decisions))
            .Append(rejected > 0 ? $" · <span class=\"rej\">{rejected} rejected</span>" : string.Empty)
            .Append(sent > 0 ? $" · {sent} order action(s)" : string.Empty)
            .Append(" · decision ").Append(Html.D(r.WallClock.DecisionMs, "0")).Append(" ms")
            .Append(r.Success ? string.Empty : " · <span class=\"rej\">FAILED</span>").Append("</summary>");
        if (r.ErrorMessage is { } error)
        {
            sb.Append("<p class=\"rej\">").Append(Html.E(error)).Append("</p>");
        }

        sb.Append("<div class=\"muted\">parse: ").Append(Html.E(r.ParseOutcome)).Append(" · gating: ").Append(Html.E(Control.ControlCenter.Gating(false, r.Gating)))
            .Append(r.TokenUsage is { } t ? $" · tokens {t.InputTokens} in / {t.OutputTokens} out" : string.Empty).Append("</div>");
        // The model's chain of thought when it gave one, else each decision's own reasoning (the baseline's).
        var reasoning = r.CotTrace ?? string.Join("\n", r.Decisions.Where(d => d.Reasoning is not null).Select(d => $"{ActionName(d.Action)} {d.Symbol}: {d.Reasoning}"));
        sb.Append("<h3>Reasoning</h3><pre class=\"reasoning\">").Append(Html.E(reasoning.Length == 0 ? "(none)" : reasoning)).Append("</pre>");
        if (r.RawOutput is { } raw)
        {
            sb.Append("<details class=\"raw\" id=\"raw").Append(r.Cycle.ToString(CultureInfo.InvariantCulture)).Append("\"><summary>raw reply</summary><pre>").Append(Html.E(raw)).Append("</pre></details>");
        }

        sb.Append("<table class=\"decisions\"><thead><tr><th>decision</th><th>coin</th><th>lev</th><th>size USD</th><th>stop</th><th>target</th><th>conf</th><th>verdict</th><th>reasons</th><th style=\"text-align:left\">reasoning</th></tr></thead><tbody>");
        for (var i = 0; i < r.Decisions.Count; i++)
        {
            var d = r.Decisions[i];
            var v = r.Verdicts.FirstOrDefault(x => x.DecisionIndex == i);
            var cls = v is null ? string.Empty : v.IsRejected ? "rej" : v.Verdict == VerdictKinds.Adjusted ? "adj" : "acc";
            var reasons = v is null ? string.Empty : string.Join(", ", v.ReasonCodes.Concat(v.Adjustments.Select(a => $"{a.Field} {Html.Num(a.From)}→{Html.Num(a.To)}")));
            sb.Append("<tr><td>").Append(ActionName(d.Action)).Append("</td><td>").Append(Html.E(d.Symbol)).Append("</td><td>").Append(d.Leverage?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td>").Append(Html.Usd(d.PositionSizeUsd)).Append("</td><td>").Append(Html.Num(d.StopLoss)).Append("</td><td>").Append(Html.Num(d.TakeProfit))
                .Append("</td><td>").Append(d.Confidence?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td><td class=\"").Append(cls).Append("\">").Append(Html.E(v?.Verdict ?? "–"))
                .Append("</td><td>").Append(Html.E(reasons)).Append("</td><td style=\"white-space:normal;text-align:left\">").Append(Html.E(d.Reasoning)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (r.Actions.Count > 0)
        {
            sb.Append("<table class=\"orders\"><thead><tr><th>order</th><th>coin</th><th>qty</th><th>price</th><th>result</th><th>error</th><th>attempts</th><th>latency ms</th></tr></thead><tbody>");
            foreach (var a in r.Actions)
            {
                sb.Append("<tr><td>").Append(Html.E(a.Action)).Append("</td><td>").Append(Html.E(a.Symbol)).Append("</td><td>").Append(Html.Num(a.Qty)).Append("</td><td>").Append(Html.Num(a.Price))
                    .Append("</td><td class=\"").Append(a.ErrorClass is null ? string.Empty : "rej").Append("\">").Append(Html.E(a.Result)).Append("</td><td>").Append(Html.E(a.ErrorClass is null ? null : a.ErrorClass + ": " + a.ErrorDetail))
                    .Append("</td><td>").Append(a.Attempts).Append("</td><td>").Append(Html.D(a.LatencyMs, "0.0")).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</details>");
    }
}

using System.Globalization;
using System.Text;
using Halyard.Journal.Analytics;
using Halyard.Operations.Reports;

namespace Halyard.Operations.Web.Pages;

/// <summary>Every trader's equity curve on one server-rendered SVG chart (no script, no external asset).</summary>
internal static class EquitySvg
{
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    private const int Width = 1000;
    private const int Height = 320;
    private const int Left = 80;
    private const int Right = 20;
    private const int Top = 16;
    private const int Bottom = 30;
    private const int MaxPoints = 600;

    public static string Render(IReadOnlyList<TraderRun> runs)
    {
        var curves = runs.Select(r => JournalHistory.EquityCurve(r.Records)).ToArray();
        var points = curves.SelectMany(c => c).ToArray();
        if (points.Length < 2)
        {
            return "<p class=\"muted\">Fewer than two equity points: no chart yet.</p>";
        }

        var t0 = points.Min(p => p.Time);
        var t1 = points.Max(p => p.Time);
        var lo = points.Min(p => p.Equity);
        var hi = points.Max(p => p.Equity);
        if (hi == lo)
        {
            hi += 1m;
            lo -= 1m;
        }

        var span = Math.Max(1d, (t1 - t0).TotalSeconds);
        string X(DateTimeOffset t) => F(Left + ((t - t0).TotalSeconds / span * (Width - Left - Right)));
        string Y(decimal e) => F(Top + ((double)((hi - e) / (hi - lo)) * (Height - Top - Bottom)));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"equity-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"equity curves\" style=\"background:#fff;border:1px solid #e3e6ea;border-radius:6px\">");
        for (var i = 0; i <= 4; i++)
        {
            var v = lo + ((hi - lo) * i / 4m);
            var y = Y(v);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#eef1f5\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"#52606d\">{v:N0}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\" fill=\"#52606d\">{Html.Time(t0)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"11\" fill=\"#52606d\">{Html.Time(t1)}</text>");
        for (var i = 0; i < curves.Length; i++)
        {
            var curve = curves[i];
            if (curve.Count == 0)
            {
                continue;
            }

            var step = Math.Max(1, curve.Count / MaxPoints);
            var path = string.Join(' ', curve.Where((_, k) => k % step == 0 || k == curve.Count - 1).Select(p => X(p.Time) + "," + Y(p.Equity)));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline class=\"curve\" data-trader=\"{Html.E(runs[i].Label)}\" fill=\"none\" stroke=\"{Palette[i % Palette.Length]}\" stroke-width=\"1.6\" points=\"{path}\"/>");
        }

        sb.Append("</svg><div class=\"muted\">");
        for (var i = 0; i < runs.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<span style=\"color:{Palette[i % Palette.Length]}\">■</span> {Html.E(runs[i].Label)} &nbsp; ");
        }

        return sb.Append("</div>").ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}

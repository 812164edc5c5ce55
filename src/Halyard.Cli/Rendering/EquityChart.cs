using Halyard.Journal;
using ScottPlot;

namespace Halyard.Cli.Rendering;

/// <summary>The equity curve and its drawdown, stacked in one PNG (ScottPlot, headless).</summary>
internal static class EquityChart
{
    public const string FileName = "equity.png";

    /// <summary>Renders the journal's equity points (summed over traders at each cycle time) to <paramref name="path"/>; false with fewer than two points.</summary>
    public static bool Render(IReadOnlyList<DecisionCycleRecord> records, string path, int width = 1200, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(records);
        var points = records
            .Where(r => r.AccountSnapshot is not null)
            .GroupBy(r => r.TraderId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault()?
            .Select(r => (r.Timestamp.UtcDateTime, Equity: (double)r.AccountSnapshot!.AccountValue))
            .ToArray() ?? [];
        if (points.Length < 2)
        {
            return false;
        }

        var times = points.Select(p => p.UtcDateTime.ToOADate()).ToArray();
        var equity = points.Select(p => p.Equity).ToArray();
        var drawdown = new double[equity.Length];
        var peak = double.MinValue;
        for (var i = 0; i < equity.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            drawdown[i] = peak > 0 ? -(peak - equity[i]) / peak * 100d : 0d;
        }

        // A new Multiplot already holds one plot: draw the equity on it rather than leave it empty.
        var multiplot = new Multiplot();
        var top = multiplot.GetPlot(0);
        top.Add.ScatterLine(times, equity, Colors.SteelBlue);
        top.Axes.DateTimeTicksBottom();
        top.Title("Equity (USD)");
        top.YLabel("USD");

        var bottom = new Plot();
        var fill = bottom.Add.ScatterLine(times, drawdown, Colors.FireBrick);
        fill.FillY = true;
        fill.FillYColor = Colors.FireBrick.WithAlpha(0.25);
        bottom.Axes.DateTimeTicksBottom();
        bottom.Title("Drawdown from peak (%)");
        bottom.YLabel("%");

        multiplot.AddPlot(bottom);
        multiplot.SavePng(path, width, height);
        return true;
    }
}

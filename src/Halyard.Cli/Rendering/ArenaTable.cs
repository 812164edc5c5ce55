using System.Globalization;
using Halyard.Operations.Reports;
using Spectre.Console;

namespace Halyard.Cli.Rendering;

/// <summary>The arena as a console table: one row per trader (per run folder).</summary>
internal static class ArenaTable
{
    public static Table Build(IReadOnlyList<ArenaFigures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Title("Arena");
        foreach (var column in new[] { "trader", "cycles", "final equity", "net PnL", "net %", "Sharpe", "max DD %", "trades", "win %", "fees", "paused %" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column == "trader" ? Justify.Left : Justify.Right });
        }

        foreach (var f in rows)
        {
            table.AddRow(
                Markup.Escape(f.Label),
                f.Cycles.ToString(CultureInfo.InvariantCulture),
                N(f.FinalEquityUsd),
                N(f.NetPnlUsd),
                N(f.NetPnlPct),
                f.Sharpe is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "–",
                N(f.MaxDrawdownPct),
                f.Trades.ToString(CultureInfo.InvariantCulture) + (f.TradesFromFills ? string.Empty : "*"),
                N(f.WinRatePct),
                N(f.FeesUsd),
                N(f.PausedSharePct));
        }

        table.Caption("net PnL = final − initial account value (after fees and funding); * trades inferred from the journal (no fills): fees unknown");
        return table;
    }

    private static string N(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "–";
}

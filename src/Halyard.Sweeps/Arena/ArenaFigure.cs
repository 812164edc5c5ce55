using Halyard.Sweeps.Index;

namespace Halyard.Sweeps.Arena;

/// <summary>A figure the arena ranks by: its name in the index, how to read it from a job, and whether more is better.</summary>
public sealed record ArenaFigure(string Name, Func<JobFigures, double?> Read, bool HigherIsBetter)
{
    public static readonly IReadOnlyList<ArenaFigure> All =
    [
        new("net_pnl_usd", f => (double)f.NetPnlUsd, true),
        new("net_pnl_pct", f => (double)f.NetPnlPct, true),
        new("sharpe", f => f.Sharpe, true),
        new("sortino", f => f.Sortino, true),
        new("max_drawdown_pct", f => (double?)f.MaxDrawdownPct, false),
        new("win_rate_pct", f => (double?)f.WinRatePct, true),
        new("profit_factor", f => (double?)f.ProfitFactor, true),
        new("fees_usd", f => (double)f.FeesUsd, false),
        new("closed_trades", f => f.ClosedTrades, true),
        new("orders_sent", f => f.OrdersSent, true),
        new("rejection_rate_pct", f => (double?)f.RejectionRatePct, false),
    ];

    public static ArenaFigure? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

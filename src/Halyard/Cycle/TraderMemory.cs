using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Journal.Analytics;

namespace Halyard.Cycle;

/// <summary>
/// What the trader remembers for the model (the <see cref="TradeMemory"/> of each context): the plan each
/// position was opened with (kept while the coin is held), how each recent close happened (the
/// Orchestrator's close for a model decision or a breaker, or the venue's reason: stop_loss, take_profit,
/// liquidation, external), and the size-down suggestions of the last cycle. Owned by the trader's loop.
/// </summary>
public sealed class TraderMemory
{
    private readonly Dictionary<string, PositionPlan> _plans = new(StringComparer.Ordinal);
    private readonly List<(string Coin, DateTimeOffset At, string How)> _hows = [];
    private List<SizeDownSuggestion> _suggestions = [];
    private List<SizeDownSuggestion> _next = [];

    public void RememberPlan(string coin, PositionPlan plan) => _plans[coin] = plan;

    /// <summary>How a coin's position was closed (the trade's record is matched by coin and time).</summary>
    public void NoteClose(string coin, DateTimeOffset at, string how)
    {
        _hows.Add((coin, at, how));
        if (_hows.Count > 200)
        {
            _hows.RemoveRange(0, _hows.Count - 200);
        }
    }

    public void NoteSuggestion(SizeDownSuggestion suggestion) => _next.Add(suggestion);

    /// <summary>Starts a cycle: last cycle's suggestions become the ones shown; plans of coins no longer held are dropped.</summary>
    public void BeginCycle(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _suggestions = _next;
        _next = [];
        foreach (var coin in _plans.Keys.Where(c => account.PositionOf(c) is null).ToArray())
        {
            _plans.Remove(coin);
        }
    }

    /// <summary>The memory of this cycle's context.</summary>
    public TradeMemory View(IReadOnlyList<ClosedTrade> closed, IReadOnlyList<OpenPositionPnl> open, int recentTrades, int reasoningChars) => new()
    {
        Plans = new Dictionary<string, PositionPlan>(_plans, StringComparer.Ordinal),
        UnrealizedNetPnlUsd = open.GroupBy(p => p.Coin, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.NetPnlUsd), StringComparer.Ordinal),
        RecentTrades = [.. closed.TakeLast(recentTrades).Select(t => new RecentTrade(t.Coin, t.Side, t.ExitTime, HowClosed(t), t.NetPnlUsd))],
        Suggestions = _suggestions,
        ReasoningChars = reasoningChars,
    };

    private string HowClosed(ClosedTrade trade)
    {
        for (var i = _hows.Count - 1; i >= 0; i--)
        {
            var (coin, at, how) = _hows[i];
            if (coin == trade.Coin && at >= trade.EntryTime && at <= trade.ExitTime + TimeSpan.FromMinutes(10))
            {
                return how;
            }
        }

        return "unknown";
    }
}

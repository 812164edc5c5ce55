using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Journal;
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
    private IReadOnlyList<PlanRecord>? _planRecords;
    private bool _planRecordsStale = true;

    public void RememberPlan(string coin, PositionPlan plan)
    {
        _plans[coin] = plan;
        _planRecordsStale = true;
    }

    public PositionPlan? PlanOf(string coin) => _plans.GetValueOrDefault(coin);

    /// <summary>Every plan held now, by coin (journaled each cycle, reloaded after a restart).</summary>
    public IReadOnlyDictionary<string, PositionPlan> Plans => _plans;

    /// <summary>
    /// The plans as journaled (<see cref="CycleRecordMapping.ToRecords"/>), mapped again only after they changed: the
    /// same list while they stand still, so the journal's plan compaction recognises them at once.
    /// </summary>
    public IReadOnlyList<PlanRecord>? PlanRecords()
    {
        if (_planRecordsStale)
        {
            _planRecords = CycleRecordMapping.ToRecords(_plans);
            _planRecordsStale = false;
        }

        return _planRecords;
    }

    /// <summary>
    /// A scale-in filled: the plan keeps its entry reasoning and age; the add's stop and target (and its invalidation,
    /// when it gives one) are the combined position's now, and the add is counted.
    /// </summary>
    public void RememberAdd(string coin, PositionPlan add)
    {
        ArgumentNullException.ThrowIfNull(add);
        _plans[coin] = _plans.TryGetValue(coin, out var plan)
            ? plan with
            {
                Invalidation = string.IsNullOrWhiteSpace(add.Invalidation) ? plan.Invalidation : add.Invalidation,
                StopLoss = add.StopLoss ?? plan.StopLoss,
                TakeProfit = add.TakeProfit ?? plan.TakeProfit,
                Adds = plan.Adds + 1,
            }
            : add with { Adds = 1 };
        _planRecordsStale = true;
    }

    /// <summary>Adds made to each held position (the Validator's max_adds_per_position).</summary>
    public IReadOnlyDictionary<string, int> Adds()
    {
        Dictionary<string, int>? adds = null;
        foreach (var (coin, plan) in _plans)
        {
            if (plan.Adds > 0)
            {
                (adds ??= new(StringComparer.Ordinal))[coin] = plan.Adds;
            }
        }

        return adds is null ? System.Collections.ObjectModel.ReadOnlyDictionary<string, int>.Empty : adds;
    }

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
        List<string>? gone = null;
        foreach (var coin in _plans.Keys)
        {
            if (account.PositionOf(coin) is null)
            {
                (gone ??= []).Add(coin);
            }
        }

        foreach (var coin in gone ?? [])
        {
            _plans.Remove(coin);
            _planRecordsStale = true;
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

using System.Collections.Concurrent;
using Halyard.Cycle.Performance;
using Halyard.Risk;
using Halyard.Risk.Gating;

namespace Halyard.Cycle;

/// <summary>
/// What one trader carries from cycle to cycle: its cycle number, when each coin was last closed (cooldown),
/// when its recent opens were sent (hourly cap), its gate, trades and analytics history, and where the
/// next fill query starts. Owned by the trader's loop; not shared.
/// </summary>
public sealed class TraderState
{
    private readonly Dictionary<string, DateTimeOffset> _recentlyClosed = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _recentOpens = [];
    private readonly HashSet<string> _externalSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _atr = new(StringComparer.Ordinal);
    private bool _operatorPaused;

    private volatile string? _inHand;

    private readonly ConcurrentQueue<ResumeRequest> _resumes = new();

    public TraderState(Gate gate, int analyticsWindow, GateSharpe? gateSharpe = null)
    {
        Gate = gate ?? throw new ArgumentNullException(nameof(gate));
        History = new TraderHistory(analyticsWindow, gateSharpe);
    }

    /// <summary>The positions' plans, how recent trades closed, size-down suggestions: the model's memory.</summary>
    public TraderMemory Memory { get; } = new();

    /// <summary>The circuit breakers (daily loss, drawdown from the high-water mark).</summary>
    public BreakerState Breakers { get; set; } = BreakerState.Initial;

    /// <summary>Asks for an operator resume; thread-safe (the control path calls it), applied by the trader's loop at its next cycle.</summary>
    public void RequestResume(ResumeRequest request) => _resumes.Enqueue(request ?? throw new ArgumentNullException(nameof(request)));

    /// <summary>The resume requests waiting for the next cycle, in order (the loop takes them).</summary>
    public IReadOnlyList<ResumeRequest> TakeResumes()
    {
        var taken = new List<ResumeRequest>();
        while (_resumes.TryDequeue(out var request))
        {
            taken.Add(request);
        }

        return taken;
    }

    /// <summary>
    /// Set by the operator (control API): no new opens until resumed; closes, protection and reconciliation go on.
    /// Read by the trader's loop, written by the control API's thread.
    /// </summary>
    public bool OperatorPaused
    {
        get => Volatile.Read(ref _operatorPaused);
        set => Volatile.Write(ref _operatorPaused, value);
    }

    /// <summary>The intent being sent now (what a forced stop leaves unfinished); null between intents.</summary>
    public string? InHand
    {
        get => _inHand;
        set => _inHand = value;
    }

    /// <summary>Why the trader's journal cannot be written (records are held in memory); null: it can. No opens meanwhile.</summary>
    public string? JournalProblem { get; set; }

    /// <summary>The last cycle number used (the next cycle is this + 1).</summary>
    public long Cycle { get; set; }

    public Gate Gate { get; }

    public TradeBook Trades { get; } = new();

    public TraderHistory History { get; }

    /// <summary>Where the next fill query starts; null before the first cycle.</summary>
    public DateTimeOffset? FillCursor { get; set; }

    /// <summary>True when fills may have happened since the last query that the positions would not show (orders sent).</summary>
    public bool FillsPossible { get; set; } = true;

    /// <summary>The positions seen last cycle (coin and size); a change means fills to read.</summary>
    public string? PositionsFingerprint { get; set; }

    /// <summary>Where the next funding query starts.</summary>
    public DateTimeOffset? FundingCursor { get; set; }

    public IReadOnlyDictionary<string, DateTimeOffset> RecentlyClosed => _recentlyClosed;

    /// <summary>The 4h ATR14 of each coin at its last snapshot: the Orchestrator's default stop distance.</summary>
    public IReadOnlyDictionary<string, decimal> AtrBySymbol => _atr;

    public void RememberAtr(IEnumerable<MarketData.MarketSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            var atr = snapshot.FourHour.Atr14;
            if (atr.Count > 0 && double.IsFinite(atr[^1]) && atr[^1] > 0)
            {
                _atr[snapshot.Coin] = (decimal)atr[^1];
            }
        }
    }

    /// <summary>True the first time an external position on <paramref name="coin"/> is seen (it is surfaced once).</summary>
    public bool NoteExternal(string coin) => _externalSeen.Add(coin);

    /// <summary>Forgets external coins that are flat again (a new external position is surfaced anew).</summary>
    public void ForgetExternalsNotIn(Domain.AccountSnapshot account) => _externalSeen.RemoveWhere(coin => account.PositionOf(coin) is null);

    public IReadOnlyList<DateTimeOffset> RecentOpens => _recentOpens;

    public void MarkClosed(string coin, DateTimeOffset time)
    {
        if (!_recentlyClosed.TryGetValue(coin, out var known) || time > known)
        {
            _recentlyClosed[coin] = time;
        }
    }

    public void MarkOpened(DateTimeOffset time) => _recentOpens.Add(time);

    /// <summary>Drops opens older than an hour and closes older than <paramref name="cooldown"/>: they no longer constrain anything.</summary>
    public void Prune(DateTimeOffset now, TimeSpan cooldown)
    {
        if (_recentOpens.Count > 0)
        {
            var hourAgo = now - TimeSpan.FromHours(1);
            _recentOpens.RemoveAll(t => t <= hourAgo);
        }

        List<string>? expired = null;
        foreach (var (coin, closedAt) in _recentlyClosed)
        {
            if (closedAt + cooldown < now)
            {
                (expired ??= []).Add(coin);
            }
        }

        if (expired is not null)
        {
            foreach (var coin in expired)
            {
                _recentlyClosed.Remove(coin);
            }
        }
    }

    /// <summary>New opens sent in the hour before <paramref name="now"/> (now included).</summary>
    public int OpensInLastHour(DateTimeOffset now) => _recentOpens.Count(t => t > now - TimeSpan.FromHours(1) && t <= now);
}

/// <summary>An operator's request to resume a trader stopped by the drawdown breaker.</summary>
/// <param name="By">Who asked (operator name or the control API's caller), for the journal.</param>
/// <param name="Note">Why, for the journal; optional.</param>
public sealed record ResumeRequest(string By, string? Note, DateTimeOffset RequestedAt);

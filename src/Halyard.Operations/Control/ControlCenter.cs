using System.Globalization;
using Halyard.Cycle;
using Halyard.Cycle.Live;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Operations.Reports;

namespace Halyard.Operations.Control;

/// <summary>
/// The operator's handle on a running <c>halyard run</c>: status, pause / resume, flatten one trader or all
/// (the kill switch), cancel all orders. Every action is journaled in <c>control.jsonl</c> with who and when.
/// A trader's flatten runs between two of its cycles, through its own Orchestrator (its ledger stays right);
/// flatten-all first pauses every trader, then also closes what no trader owns.
/// </summary>
public sealed class ControlCenter
{
    private readonly LiveSession _session;
    private readonly ControlJournal _journal;
    private readonly KillSwitch _killSwitch;
    private readonly TimeProvider _wall;

    /// <param name="wall">The operator's clock for the control journal's "when" (the traders' clock may replay history).</param>
    public ControlCenter(LiveSession session, LiveRecords records, TimeProvider wall)
    {
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
        _session = session ?? throw new ArgumentNullException(nameof(session));
        Records = records ?? throw new ArgumentNullException(nameof(records));
        _journal = new ControlJournal(Path.Combine(session.JournalFolder, ControlJournal.FileName));
        _killSwitch = new KillSwitch(session.Venue.Reader, session.Venue.Exchange);
    }

    public LiveRecords Records { get; }

    public LiveSession Session => _session;

    public IReadOnlyList<TraderCycle> Traders => _session.Manager.Traders;

    /// <summary>Raised after each control action (alerts).</summary>
    public Action<ControlEntry>? Acted { get; init; }

    public TraderCycle? Find(string id) => Traders.FirstOrDefault(t => t.Setup.TraderId == id);

    /// <summary>The live runs of the arena (figures from the journal, trades from each trader's fills).</summary>
    public IReadOnlyList<TraderRun> Runs() =>
        [.. Traders.Select(t => new TraderRun
        {
            Label = t.Setup.TraderId,
            TraderId = t.Setup.TraderId,
            Records = Records.Of(t.Setup.TraderId),
            Trades = [.. t.State.Trades.Closed],
        })];

    public async Task<StatusReport> StatusAsync(CancellationToken ct)
    {
        var account = await _session.Venue.Reader.GetAccountAsync(ct).ConfigureAwait(false);
        var orders = await _session.Venue.Reader.GetOpenOrdersAsync(ct).ConfigureAwait(false);
        var running = _session.Manager.RunningTraders;
        var traders = new List<TraderStatus>(Traders.Count);
        foreach (var t in Traders)
        {
            var id = t.Setup.TraderId;
            var last = Records.Last(id);
            var failed = Records.LastFailed(id);
            var paper = _session.Shadows?.For(id);
            var (ownAccount, ownOrders) = paper is null
                ? (account, orders)
                : (await t.Services.Reader.GetAccountAsync(ct).ConfigureAwait(false), await t.Services.Reader.GetOpenOrdersAsync(ct).ConfigureAwait(false));
            var positions = ownAccount.IsSuccess
                ? ownAccount.Value.Positions
                    .Where(p => p.Size != 0 && (paper is not null || _session.Ownership.IsOwnedBy(p.Coin, id)))
                    .Select(p => Position(p, ownOrders.IsSuccess ? ownOrders.Value : []))
                    .ToArray()
                : [];
            decimal? paperEquity = ownAccount.IsSuccess ? ownAccount.Value.AccountValue : null;
            var readError = !ownAccount.IsSuccess ? "account: " + ownAccount.Error.Message
                : !ownOrders.IsSuccess ? "open orders: " + ownOrders.Error.Message : null;
            var closed = t.State.Trades.Closed;
            traders.Add(new TraderStatus
            {
                Id = id,
                Name = _session.Config.Traders.FirstOrDefault(c => c.Id == id)?.Name ?? id,
                Running = running.Contains(id),
                Paused = t.State.OperatorPaused,
                Cycle = t.State.Cycle,
                LastCycleAt = last?.Timestamp,
                Gating = Gating(t.State.OperatorPaused, last?.Gating),
                LastError = failed?.ErrorMessage,
                LastErrorAt = failed?.Timestamp,
                Positions = positions,
                ReadError = readError,
                Equity = paper is not null ? paperEquity : last?.AccountSnapshot?.AccountValue,
                Shadow = paper is null ? null : new ShadowStatus(
                    paper.Account,
                    paper.StartingEquity,
                    paperEquity,
                    paperEquity - paper.StartingEquity,
                    closed.Count,
                    closed.Count == 0 ? null : decimal.Round(closed.Count(c => c.NetPnlUsd > 0m) * 100m / closed.Count, 2)),
            });
        }

        return new StatusReport(
            _session.Clock.GetUtcNow(),
            _session.VenueDescription,
            _session.JournalFolder,
            account.IsSuccess ? account.Value.AccountValue : null,
            account.IsSuccess ? null : account.Error.Message,
            traders);
    }

    public ControlResult Pause(string id, string who) => SetPaused(id, who, true);

    public ControlResult Resume(string id, string who) => SetPaused(id, who, false);

    /// <summary>Flattens one trader (its positions and orders) or, with <paramref name="id"/> null, everything on the account.</summary>
    public async Task<ControlResult> FlattenAsync(string? id, string who, CancellationToken ct)
    {
        var target = id ?? "all";
        var decisionId = "flatten-" + _wall.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (id is not null && Find(id) is null)
        {
            return Journal(who, "flatten", target, false, $"no trader '{id}'");
        }

        var chosen = id is null ? Traders : [Find(id)!];
        foreach (var trader in chosen)
        {
            trader.State.OperatorPaused = true;
        }

        var steps = new List<string>();
        var ok = true;
        foreach (var trader in chosen)
        {
            var traderId = trader.Setup.TraderId;

            // A shadow trader's positions are on its own paper account: flattened there, every one of them its own.
            var report = _session.Shadows?.For(traderId) is { } paper
                ? await trader.ExclusiveAsync(
                    c => new KillSwitch(paper.Connection.Reader, paper.Connection.Exchange).FlattenAsync(_ => true, trader.Services.Orders.CloseAsync, traderId, decisionId, c),
                    ct).ConfigureAwait(false)
                : await trader.ExclusiveAsync(
                    c => _killSwitch.FlattenAsync(coin => _session.Ownership.IsOwnedBy(coin, traderId), trader.Services.Orders.CloseAsync, traderId, decisionId, c),
                    ct).ConfigureAwait(false);
            ok &= report.Ok;
            steps.Add(traderId + ": " + report.Detail);
        }

        if (id is null)
        {
            // What no trader owns (external positions, leftovers): the first live trader's Orchestrator closes it, all
            // loops held (a shadow trader's Orchestrator reaches only its own paper account).
            if (Traders.FirstOrDefault(t => !t.Setup.Shadow) is { } first)
            {
                var report = await HoldAllAsync(
                    c => _killSwitch.FlattenAsync(_ => true, first.Services.Orders.CloseAsync, first.Setup.TraderId, decisionId + "-rest", c),
                    ct).ConfigureAwait(false);
                ok &= report.Ok;
                steps.Add("account: " + report.Detail);
            }
        }

        return Journal(who, "flatten", target, ok, (ok ? "flat; trader(s) paused. " : "NOT flat; trader(s) paused. ") + string.Join(" | ", steps));
    }

    /// <summary>Cancels every open order on the account (protective triggers included), all loops held meanwhile.</summary>
    public async Task<ControlResult> CancelAllAsync(string who, CancellationToken ct)
    {
        var report = await HoldAllAsync(c => _killSwitch.CancelOrdersAsync(_ => true, c), ct).ConfigureAwait(false);
        return Journal(who, "cancel_all", "all", report.Ok, report.Detail);
    }

    private Task<KillSwitchReport> HoldAllAsync(Func<CancellationToken, Task<KillSwitchReport>> action, CancellationToken ct)
    {
        // Take every trader's turn, in id order (the same order everywhere: no deadlock), then act.
        Task<KillSwitchReport> Hold(int i, CancellationToken c) =>
            i == Traders.Count ? action(c) : Traders[i].ExclusiveAsync(cc => Hold(i + 1, cc), c);
        return Hold(0, ct);
    }

    private ControlResult SetPaused(string id, string who, bool paused)
    {
        var action = paused ? "pause" : "resume";
        if (Find(id) is not { } trader)
        {
            return Journal(who, action, id, false, $"no trader '{id}'");
        }

        var was = trader.State.OperatorPaused;
        trader.State.OperatorPaused = paused;
        return Journal(who, action, id, true, was == paused
            ? $"already {(paused ? "paused" : "running")}"
            : paused ? "no new opens until resumed; closes and protection go on" : "new opens allowed again");
    }

    private ControlResult Journal(string who, string action, string target, bool ok, string detail)
    {
        var entry = new ControlEntry(_wall.GetUtcNow(), who, action, target, ok, detail);
        _journal.Append(entry);
        Acted?.Invoke(entry);
        return new ControlResult(ok, action, target, detail);
    }

    internal static string Gating(bool operatorPaused, GatingRecord? gating) => (operatorPaused, gating) switch
    {
        (true, _) => "paused by operator",
        (_, { Shadow: true }) => "shadow",
        (_, { SafeMode: true }) => "safe mode",
        (_, { PausedUntil: { } until }) => "paused until " + until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Sharpe gate)",
        _ => "open",
    };

    internal static PositionStatus Position(Position p, IReadOnlyList<OpenOrder> orders)
    {
        var triggers = orders.Where(o => o.Coin == p.Coin && o.IsTrigger && o.TriggerPrice is not null).ToArray();
        var stop = triggers.FirstOrDefault(o => o.OrderType.StartsWith("Stop", StringComparison.OrdinalIgnoreCase))?.TriggerPrice;
        var target = triggers.FirstOrDefault(o => o.OrderType.StartsWith("Take Profit", StringComparison.OrdinalIgnoreCase))?.TriggerPrice;
        return new PositionStatus(p.Coin, p.Size, p.EntryPrice, stop, target, p.LiquidationPrice, p.UnrealizedPnl, p.Leverage);
    }
}

using System.Collections.Immutable;
using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Execution.Retry;
using Halyard.Execution.Workflows;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution.Reconciliation;

/// <summary>
/// Compares the venue (the source of truth) with the ledger, at start and every cycle:
/// <list type="number">
/// <item>entries whose outcome is unknown are settled by cloid (a resting leftover is cancelled);</item>
/// <item>positions of ours that are gone were closed on the venue: reported with time, PnL and reason from the fills;</item>
/// <item>reduce-only triggers on coins without a position (orphans) are cancelled: ours always, others only with <c>adopt</c>;</item>
/// <item>every position must have a stop covering its size: ours are re-protected from the ledger's stop/take-profit,
/// external ones are surfaced, and with <c>adopt</c> protected with the default distance and managed from then on;</item>
/// <item>the dead man's switch is refreshed; the fill checkpoint advances.</item>
/// </list>
/// </summary>
internal sealed class Reconciler(WorkflowServices s, ProtectionWorkflow protection, PositionCloser closer, EntryOrders entries)
{
    private const string ClosedNote = "closed on the venue: ";

    /// <summary>The venue's definite refusal of <c>scheduleCancel</c>: it is not sent again by this process.</summary>
    private string? _deadMansSwitchRefused;

    /// <summary>The entries <see cref="Active"/> was last filtered from, and the result.</summary>
    private ActiveEntries? _active;

    public async Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        var log = new ActionLog("*", s.Time);
        var report = new ReportBuilder(request.Cycle);
        var settling = await SettleEntriesAsync(log, report, ct).ConfigureAwait(false);

        // The cycle's own reads, when they are still what the venue says: same instant, and no settling since.
        var reuse = request.Read is { } read && !settling && read.At == s.Now ? read : null;
        var account = reuse is not null ? Result<AccountSnapshot>.Success(reuse.Account) : await s.Venue.StateAccountAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        var open = reuse is not null ? Result<IReadOnlyList<OpenOrder>>.Success(reuse.Orders) : await s.Venue.StateOpenOrdersAsync(RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!account.IsSuccess || !open.IsSuccess)
        {
            var error = account.Error ?? open.Error!;
            log.ReadFailed(account.IsSuccess ? OrderEventAction.ReadOpenOrders : OrderEventAction.ReadAccount, error with { Attempts = (account.Error?.Attempts ?? 0) + (open.Error?.Attempts ?? 0) });
            return report.Build(log) with { FailsCycle = true, Error = error.Message };
        }

        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var p in account.Value.Positions)
        {
            if (p.Size != 0m)
            {
                positions.Add(p.Coin, p); // a coin twice throws, as ToDictionary did
            }
        }

        SettleWithoutCloid(positions, report);
        var fills = await ReadFillsAsync(log, ct).ConfigureAwait(false);
        DetectClosed(positions, fills, report);
        report.OrphansCancelled = await CancelOrphansAsync(positions, open.Value, log, ct).ConfigureAwait(false);
        await CheckPositionsAsync(positions.Values, open.Value, request, log, report, ct).ConfigureAwait(false);
        await RefreshDeadMansSwitchAsync(log, report, ct).ConfigureAwait(false);
        if (fills is { Count: > 0 })
        {
            var newest = fills.Max(f => f.Time);
            if (s.Ledger.Checkpoint(s.TraderId) is not { } old || newest > old)
            {
                s.Ledger.SaveCheckpoint(s.TraderId, newest);
            }
        }

        return report.Build(log);
    }

    /// <summary>
    /// <see cref="IntentLedgerExtensions.Active"/> of the trader, filtered again only when the ledger hands other entries
    /// (a ledger hands the same read-only list until its next save: reconciliation asks several times a cycle).
    /// </summary>
    private IReadOnlyList<LedgerEntry> Active()
    {
        var entries = s.Ledger.Entries(s.TraderId);
        if (Volatile.Read(ref _active) is { } kept && ReferenceEquals(kept.Source, entries))
        {
            return kept.Active;
        }

        var active = IntentLedgerExtensions.ActiveOf(entries);
        Volatile.Write(ref _active, new ActiveEntries(entries, active));
        return active;
    }

    /// <summary>Settles the entries whose outcome is unknown; true when there was any (the venue may have changed since the cycle read it).</summary>
    private async Task<bool> SettleEntriesAsync(ActionLog log, ReportBuilder report, CancellationToken ct)
    {
        var any = false;
        foreach (var entry in Active().Where(e => e.NeedsSettling && e.CloidSent))
        {
            any = true;
            var (rules, _) = await s.Instruments.ResolveAsync(entry.Symbol, RetryProfile.Protective, ct).ConfigureAwait(false);
            var settled = rules is null ? null : await entries.SettleAsync(rules, entry, log, ct).ConfigureAwait(false);
            if (settled is null)
            {
                report.EntriesUnresolved++;
                continue;
            }

            report.EntriesSettled++;
            s.Save(settled switch
            {
                { NeverPlaced: true } => entry with { Status = LedgerStatus.Failed, Note = "settled: never placed" },
                { Size: > 0m } => entry with { Status = LedgerStatus.Open, FilledSize = settled.Size, AveragePrice = settled.Price, Note = "settled: filled" },
                _ => entry with { Status = LedgerStatus.NotFilled, Note = "settled: no fill" },
            });
        }

        return any;
    }

    /// <summary>An entry sent without a cloid is settled from the position: one of its side on the symbol is its fill.</summary>
    private void SettleWithoutCloid(Dictionary<string, Position> positions, ReportBuilder report)
    {
        foreach (var entry in Active().Where(e => e.NeedsSettling && !e.CloidSent))
        {
            report.EntriesSettled++;
            s.Save(positions.TryGetValue(entry.Symbol, out var position) && position.Side == entry.Side
                ? entry with { Status = LedgerStatus.Open, FilledSize = position.AbsSize, AveragePrice = position.EntryPrice, Note = "settled from the position (no cloid)" }
                : entry with { Status = LedgerStatus.Failed, Note = "settled: no position (no cloid)" });
        }
    }

    private async Task<IReadOnlyList<UserFill>?> ReadFillsAsync(ActionLog log, CancellationToken ct)
    {
        var since = s.Ledger.Checkpoint(s.TraderId)
            ?? Active().Select(e => (DateTimeOffset?)e.CreatedAt).Min()
            ?? s.Now - s.Options.InitialFillLookback;
        var read = await s.Venue.FillsAsync(since, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (!read.IsSuccess)
        {
            log.ReadFailed(OrderEventAction.ReadFills, read.Error);
            return null;
        }

        return read.Value;
    }

    /// <summary>
    /// Our entries that held a position the venue no longer shows (or shows on the other side) were closed there,
    /// but only on proof: the venue's closing fill, or <c>closed_after_missing_reads</c> consecutive reads without
    /// the position (one stale read must not close the entry nor cancel its stop as an orphan).
    /// </summary>
    private void DetectClosed(Dictionary<string, Position> positions, IReadOnlyList<UserFill>? fills, ReportBuilder report)
    {
        foreach (var entry in Active().Where(e => e.Status is LedgerStatus.Open or LedgerStatus.Protected))
        {
            if (positions.TryGetValue(entry.Symbol, out var position) && position.Side == entry.Side)
            {
                if (entry.MissingReads > 0)
                {
                    s.Save(entry with { MissingReads = 0 });
                }

                continue;
            }

            var closing = (fills ?? [])
                .Where(f => f.Coin == entry.Symbol && f.Time >= entry.CreatedAt && (f.IsLiquidation || f.Direction.StartsWith("Close", StringComparison.Ordinal)))
                .ToArray();
            var missing = entry.MissingReads + 1;
            if (closing.Length == 0 && missing < s.Options.ClosedAfterMissingReads)
            {
                s.Save(entry with { MissingReads = missing, Note = $"position not shown by {missing} read(s); kept until a closing fill or {s.Options.ClosedAfterMissingReads} reads" });
                report.AwaitingProof.Add(entry.Symbol);
                continue;
            }

            var reason = closing.Length == 0 ? "unknown"
                : closing.Any(f => f.IsLiquidation) ? "liquidation"
                : closing.Any(f => f.Cloid?.Value == entry.StopCloid) ? "stop_loss"
                : closing.Any(f => f.Cloid?.Value == entry.TakeProfitCloid) ? "take_profit"
                : closing.Any(f => f.Cloid is { } c && entry.OrderCloids.Contains(c.Value)) ? "stop_loss"
                : "external";
            report.Closed.Add(new ClosedOnVenue(
                entry.Symbol,
                entry.Side,
                closing.Length > 0 ? closing.Max(f => f.Time) : s.Now,
                closing.Length > 0 ? closing.Sum(f => f.Size) : entry.FilledSize,
                fills is null ? null : closing.Sum(f => f.NetPnl),
                reason,
                entry.Cloid));
            s.Save(entry with { Status = LedgerStatus.Closed, MissingReads = 0, Note = ClosedNote + reason });
        }
    }

    private async Task<int> CancelOrphansAsync(Dictionary<string, Position> positions, IReadOnlyList<OpenOrder> open, ActionLog log, CancellationToken ct)
    {
        // The sets are built when an order needs them (a protected position's triggers need none of them); nothing is
        // saved meanwhile, so each is what it would have been when built first.
        IReadOnlySet<string>? known = null;
        HashSet<string>? resting = null;
        HashSet<string>? held = null;
        var adopt = s.Options.ExternalPositions == ExternalPositionPolicy.Adopt;
        List<OpenOrder>? orphans = null;
        foreach (var o in open)
        {
            var ours = o.Cloid is { } c && (known ??= s.Ledger.KnownCloids(s.TraderId)).Contains(c.Value);
            // A coin an entry of ours may still hold (a read without the position, not yet proven closed; an entry
            // not settled yet) keeps its triggers: they are reduce-only, harmless without a position.
            var orphanTrigger = o.IsTrigger && o.ReduceOnly && !positions.ContainsKey(o.Coin) && !(held ??= Held()).Contains(o.Coin) && (ours || adopt);
            var staleEntry = ours && !o.IsTrigger && !o.ReduceOnly && !(resting ??= Resting()).Contains(o.Cloid!.Value.Value);
            if (orphanTrigger || staleEntry)
            {
                (orphans ??= []).Add(o);
            }
        }

        if (orphans is null)
        {
            return 0;
        }

        await closer.CancelOrdersAsync([.. orphans], OrderEventAction.CancelOrphan, log, ct).ConfigureAwait(false);
        return orphans.Count;

        HashSet<string> Resting() => Active().Where(e => e.Status == LedgerStatus.Resting).Select(e => e.Cloid).ToHashSet(StringComparer.Ordinal);

        HashSet<string> Held() => Active().Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal);
    }

    private async Task CheckPositionsAsync(IEnumerable<Position> positions, IReadOnlyList<OpenOrder> open, ReconcileRequest request, ActionLog log, ReportBuilder report, CancellationToken ct)
    {
        var active = Active();
        foreach (var position in positions)
        {
            var entry = active.LastOrDefault(e => e.Symbol == position.Coin && e.Side == position.Side && e.Status is LedgerStatus.Open or LedgerStatus.Protected)
                ?? Reappeared(position);
            var covered = StopCoverage(position, open) >= position.AbsSize;
            var unsettled = entry is null ? active.LastOrDefault(e => e.Symbol == position.Coin && e.Side == position.Side && e.NeedsSettling) : null;
            if (unsettled is not null)
            {
                // An entry whose outcome is not settled yet (or a GTC whose cancel was not confirmed) may have filled:
                // protect what the venue shows, and keep the entry unsettled (the cycle opens nothing until it is).
                var guarded = covered
                    ? new ProtectionState(ProtectionStatus.Protected, position.AbsSize, unsettled.StopLoss, unsettled.TakeProfit)
                    : await ProtectUnsettledAsync(unsettled, position, open, request, log, ct).ConfigureAwait(false);
                report.PositionsProtected += !covered && guarded.Status is ProtectionStatus.Protected or ProtectionStatus.StopOnly ? 1 : 0;
                report.Positions.Add(new PositionCheck(position.Coin, position.Side, position.AbsSize, true, guarded));
                continue;
            }

            if (entry is null)
            {
                var adopt = s.Options.ExternalPositions == ExternalPositionPolicy.Adopt;
                report.External.Add(new ExternalPosition(position.Coin, position.Side, position.AbsSize, position.EntryPrice, adopt));
                if (!adopt)
                {
                    report.Positions.Add(new PositionCheck(position.Coin, position.Side, position.AbsSize, false, Unchecked(covered)));
                    continue;
                }

                var key = IntentCloids.Adopted(s.TraderId, position.Coin, position.Side, s.Now);
                entry = s.Save(new LedgerEntry
                {
                    Cloid = key.Value,
                    TraderId = s.TraderId,
                    Symbol = position.Coin,
                    Side = position.Side,
                    Kind = LedgerEntryKind.Adopted,
                    RequestedSize = position.AbsSize,
                    FilledSize = position.AbsSize,
                    AveragePrice = position.EntryPrice,
                    OrderCloids = [key.Value],
                    Status = covered ? LedgerStatus.Protected : LedgerStatus.Open,
                    CreatedAt = s.Now,
                    UpdatedAt = s.Now,
                    Note = "adopted external position",
                });
            }

            if (covered)
            {
                if (entry.Status != LedgerStatus.Protected)
                {
                    s.Save(entry with { Status = LedgerStatus.Protected });
                }

                report.Positions.Add(new PositionCheck(position.Coin, position.Side, position.AbsSize, true, new ProtectionState(ProtectionStatus.Protected, position.AbsSize, entry.StopLoss, entry.TakeProfit)));
                continue;
            }

            var state = await ProtectAsync(entry, position, open, request, log, ct).ConfigureAwait(false);
            report.PositionsProtected += state.Status is ProtectionStatus.Protected or ProtectionStatus.StopOnly ? 1 : 0;
            report.PositionsFlattened += state.Status == ProtectionStatus.Flattened ? 1 : 0;
            report.Positions.Add(new PositionCheck(position.Coin, position.Side, position.AbsSize, true, state));
        }
    }

    /// <summary>Replaces our too-small (or missing) protection with a stop (and take-profit) for the whole position.</summary>
    private async Task<ProtectionState> ProtectAsync(LedgerEntry entry, Position position, IReadOnlyList<OpenOrder> open, ReconcileRequest request, ActionLog log, CancellationToken ct)
    {
        if (!s.Options.Features.SltpOrchestration)
        {
            return new ProtectionState(ProtectionStatus.Disabled, Reason: "sltp_orchestration is off");
        }

        var (rules, error) = await s.Instruments.ResolveAsync(position.Coin, RetryProfile.Protective, ct).ConfigureAwait(false);
        var mid = await s.Venue.MidAsync(position.Coin, RetryProfile.Protective, ct).ConfigureAwait(false);
        if (rules is null || !mid.IsSuccess)
        {
            var why = error?.Message ?? mid.Error?.Message ?? "no price";
            log.Refused(OrderEventAction.StopLoss, error?.Class ?? mid.Error?.Class ?? ErrorClass.Unknown, why);
            return new ProtectionState(ProtectionStatus.Unprotected, Reason: why);
        }

        // The new protection goes out first; the old (too small) triggers are cancelled only once the new stop
        // rests, so the position is never without a stop in between. Until then both are reduce-only.
        var ours = open.Where(o => o.Coin == position.Coin && o.IsTrigger && o.Cloid is { } c && entry.OrderCloids.Contains(c.Value)).ToArray();
        var atr = request.AtrBySymbol is { } map && map.TryGetValue(position.Coin, out var a) ? a : (decimal?)null;
        var resized = entry with { FilledSize = position.AbsSize, Status = LedgerStatus.Open };
        var (state, _) = await protection.ProtectAsync(resized, rules, mid.Value, atr, log, ct).ConfigureAwait(false);
        if (state.Status is ProtectionStatus.Protected or ProtectionStatus.StopOnly)
        {
            await closer.CancelOrdersAsync(ours, OrderEventAction.CancelStaleProtection, log, ct).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>Protects the position an unsettled entry may have produced, leaving the entry's status as it is.</summary>
    private async Task<ProtectionState> ProtectUnsettledAsync(LedgerEntry entry, Position position, IReadOnlyList<OpenOrder> open, ReconcileRequest request, ActionLog log, CancellationToken ct)
    {
        var state = await ProtectAsync(entry, position, open, request, log, ct).ConfigureAwait(false);
        if (s.Ledger.Find(entry.Cloid) is { } saved && saved.Status != entry.Status && saved.Status is LedgerStatus.Open or LedgerStatus.Protected)
        {
            s.Save(saved with { Status = entry.Status, FilledSize = entry.FilledSize, Note = "protected while unsettled: " + position.AbsSize + " shown by the venue" });
        }

        return state;
    }

    /// <summary>
    /// Our entry closed for lack of the position (no closing fill) whose position shows again: a stale read, not an
    /// external position. The entry is reopened and managed again.
    /// </summary>
    private LedgerEntry? Reappeared(Position position)
    {
        var entry = s.Ledger.Entries(s.TraderId).LastOrDefault(e =>
            e.Symbol == position.Coin && e.Side == position.Side && e.Status == LedgerStatus.Closed && e.Note == ClosedNote + "unknown");
        return entry is null ? null : s.Save(entry with { Status = LedgerStatus.Open, Note = "reopened: the position shows again after reads without it" });
    }

    private async Task RefreshDeadMansSwitchAsync(ActionLog log, ReportBuilder report, CancellationToken ct)
    {
        if (s.Options.DeadMansSwitch is not { } window)
        {
            return;
        }

        var action = new ScheduleCancelAction((s.Now + window).ToUnixTimeMilliseconds());
        if (_deadMansSwitchRefused is { } refused)
        {
            // Each request counts against the account's address-based budget; a refusal (volume required) does
            // not change from one cycle to the next.
            report.DeadMansSwitch = "not sent: refused earlier: " + refused;
            return;
        }

        var run = await s.Venue.ScheduleCancelAsync(action, ct).ConfigureAwait(false);
        log.Simple(OrderEventAction.ScheduleCancel, run);
        report.DeadMansSwitch = run.Succeeded ? "ok" : run.Error.Class + ": " + run.Error.Message;
        if (!run.Succeeded && run.Error.Class is ErrorClass.RiskRejected or ErrorClass.InvalidParam)
        {
            _deadMansSwitchRefused = report.DeadMansSwitch;
        }
    }

    /// <summary>Total size of reduce-only stop triggers on the closing side of <paramref name="position"/>.</summary>
    internal static decimal StopCoverage(Position position, IReadOnlyList<OpenOrder> open)
    {
        // Summed from 0 in the orders' order, as Enumerable.Sum does (the same value and scale).
        var closing = position.Side.ClosingSide();
        var sum = 0m;
        for (var i = 0; i < open.Count; i++)
        {
            var o = open[i];
            if (o.Coin == position.Coin && o.IsTrigger && o.Side == closing && IsStop(o, position))
            {
                sum += o.Size;
            }
        }

        return sum;
    }

    /// <summary>A stop by the venue's order type ("Stop Market", "Stop Limit"); otherwise by its trigger on the losing side of the entry.</summary>
    internal static bool IsStop(OpenOrder order, Position position)
    {
        if (order.OrderType.StartsWith("Stop", StringComparison.Ordinal))
        {
            return true;
        }

        if (order.OrderType.StartsWith("Take Profit", StringComparison.Ordinal))
        {
            return false;
        }

        return order.TriggerPrice is { } trigger && Pricing.StopCrossed(position.Side, position.EntryPrice, trigger);
    }

    private static ProtectionState Unchecked(bool covered) =>
        covered ? new ProtectionState(ProtectionStatus.Protected) : new ProtectionState(ProtectionStatus.Unprotected, Reason: "external position left alone");

    private sealed class ReportBuilder(long cycle)
    {
        public List<ClosedOnVenue> Closed { get; } = [];

        public List<ExternalPosition> External { get; } = [];

        public List<PositionCheck> Positions { get; } = [];

        public List<string> AwaitingProof { get; } = [];

        public int EntriesSettled { get; set; }

        public int EntriesUnresolved { get; set; }

        public int OrphansCancelled { get; set; }

        public int PositionsProtected { get; set; }

        public int PositionsFlattened { get; set; }

        public string? DeadMansSwitch { get; set; }

        public ReconcileReport Build(ActionLog log) => new()
        {
            Cycle = cycle,
            Actions = log.ToImmutable(),
            Closed = [.. Closed],
            External = [.. External],
            Positions = [.. Positions],
            EntriesSettled = EntriesSettled,
            EntriesUnresolved = EntriesUnresolved,
            OrphansCancelled = OrphansCancelled,
            PositionsProtected = PositionsProtected,
            PositionsFlattened = PositionsFlattened,
            DeadMansSwitch = DeadMansSwitch,
            AwaitingCloseProof = [.. AwaitingProof],
            OpensBlocked = EntriesUnresolved > 0 ? $"{EntriesUnresolved} entr(y/ies) not settled with the venue yet" : null,
            FailsCycle = Positions.Any(p => p.Managed && p.Protection.Status == ProtectionStatus.Unprotected),
        };
    }

    private sealed record ActiveEntries(IReadOnlyList<LedgerEntry> Source, IReadOnlyList<LedgerEntry> Active);
}

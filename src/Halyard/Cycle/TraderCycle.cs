using Halyard.Decisions;
using Halyard.Decisions.Baseline;
using Halyard.Domain;
using Halyard.Execution.Reconciliation;
using Halyard.Journal;
using Halyard.Journal.Analytics;
using Halyard.Risk;
using Halyard.Risk.Gating;

namespace Halyard.Cycle;

/// <summary>
/// One trader's decision cycle (design "Manager Cycle"): read the account, orders and universe; bring
/// trades up to date and reconcile; rank candidates and refresh only the new candles; feed the
/// performance to the DecisionStep and the gate; ask for decisions and validate them; execute closes before
/// opens, the opens capped and re-validated against fresh prices; journal everything. The same code runs
/// live and in a replay: only the clock differs.
/// </summary>
public sealed class TraderCycle
{
    private readonly TraderSetup _setup;
    private readonly TraderServices _s;
    private readonly TradeSync _sync;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ResilientJournal _journal;
    private readonly LastVenueView _lastVenue = new();
    private IReadOnlyDictionary<string, InstrumentRules>? _instrumentsHanded;

    public TraderCycle(TraderSetup setup, TraderServices services, TraderState? state = null)
    {
        _setup = setup ?? throw new ArgumentNullException(nameof(setup));
        _s = services ?? throw new ArgumentNullException(nameof(services));
        State = state ?? new TraderState(
            new Gate(GateOptions.From(setup.Limits, setup.SafeModeAfterLlmFailures), services.Clock),
            setup.AnalyticsWindow,
            new GateSharpe(setup.Limits.SharpeWindow, setup.Limits.SharpeMinReturns));
        _sync = new TradeSync(setup, services.Reader, services.Ownership, State);
        _journal = new ResilientJournal(services.Journal);
        Reactions = new Reactions.TraderReactions(
            setup.TraderId,
            services.Orders,
            _turn,
            () => new ReconcileRequest(State.Cycle, State.AtrBySymbol),
            ReactedAsync,
            services.Clock,
            services.Wall);
    }

    /// <summary>The reactions between cycles (fed by the WebSocket shadow state when <c>features.websocket</c> is on); their actions join the next cycle's record.</summary>
    public Reactions.TraderReactions Reactions { get; }

    public TraderSetup Setup => _setup;

    public TraderState State { get; }

    /// <summary>An operator's resume after the drawdown breaker (thread-safe); applied and journaled at the next cycle.</summary>
    public void RequestResume(string by, string? note) => State.RequestResume(new ResumeRequest(by, note, _s.Clock.GetUtcNow()));

    /// <summary>What the cycle works with (the operator's kill switch uses the trader's own Orchestrator).</summary>
    public TraderServices Services => _s;

    /// <summary>Runs <paramref name="action"/> between two cycles of this trader, never during one (operator actions).</summary>
    public async Task<T> ExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The last pass of a stopping run (after the loop ended): every position protected, or flattened; journaled.</summary>
    public Task<string> FinishAsync(StopPolicy policy, CancellationToken force) => new TraderShutdown(_setup, _s, State, _journal).RunAsync(policy, force);

    /// <summary>Runs one cycle and journals its record (also when the cycle fails); returns the record.</summary>
    public Task<DecisionCycleRecord> RunCycleAsync(CancellationToken cancellationToken) => ExclusiveAsync(RunCycleCoreAsync, cancellationToken);

    private async Task<DecisionCycleRecord> RunCycleCoreAsync(CancellationToken cancellationToken)
    {
        var started = _s.Wall.GetTimestamp();
        var wasSafeMode = State.Gate.Evaluate().SafeMode;
        var now = _s.Clock.GetUtcNow();
        State.Cycle++;
        State.Prune(now, _setup.Limits.CooldownAfterClose);
        State.JournalProblem = _journal.TryFlush() ? null : _journal.Problem;
        var record = new DecisionCycleRecord { Timestamp = now, TraderId = _setup.TraderId, Cycle = State.Cycle, Success = false };
        var timing = new CycleTiming(_s.Wall, started);
        try
        {
            record = await RunStepsAsync(record, now, timing, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug, not a venue failure: journal it and let the next cycle start clean.
            record = record with { Success = false, ErrorMessage = "internal error: " + ex.GetType().Name + ": " + ex.Message };
        }

        var gating = ReferenceEquals(record.Gating, GatingRecord.Open) ? GatingNow() : record.Gating;
        record = record with { Gating = State.OperatorPaused ? gating with { OpensAllowed = false } : gating, WallClock = timing.Finish() };
        record = ActionVenues.Stamp(record, _setup.Shadow);
        // A failing disk does not stop the trader: the record is held in memory (and written when the disk is back),
        // the orders of this cycle (protection first) are already out, and the trader opens nothing meanwhile.
        record = _journal.Append(record).Record;
        State.JournalProblem = _journal.Problem;
        State.History.Add(record);
        CycleLog.Cycle(_s.Log, record, wasSafeMode);
        return record;
    }

    private async Task<DecisionCycleRecord> RunStepsAsync(DecisionCycleRecord record, DateTimeOffset now, CycleTiming timing, CancellationToken ct)
    {
        // 1–2. Account, positions, orders and the universe (rules and asset contexts); pushed when the
        // WebSocket state is on (its periodic cross-check with a poll and its resyncs are journaled first).
        var liveState = _s.LiveState is { } live ? await live.CheckAsync(ct).ConfigureAwait(false) : [];
        var readFrom = _s.Clock.GetUtcNow();
        var read = await CycleReads.ReadVenueAsync(_s.Reader, _lastVenue, ct).ConfigureAwait(false);
        var readTo = _s.Clock.GetUtcNow();
        if (!read.IsSuccess)
        {
            return record with { Actions = [.. Reactions.DrainActions(), .. liveState], ErrorMessage = read.Error.Message };
        }

        var venue = read.Value;

        // The rules by coin are the same dictionary while the universe stands still (every cycle of a replay): handed once.
        if (!ReferenceEquals(venue.Instruments, _instrumentsHanded))
        {
            _s.Orders.UpdateInstruments(venue.Instruments.Values);
            _instrumentsHanded = venue.Instruments;
        }
        // The reconciliation reuses these reads when they were taken at one instant (a replay: its clock stands
        // still within a cycle) and it finds that instant still on its clock; otherwise (live) it reads again.
        var reconcile = await _s.Orders.ReconcileAsync(
            new ReconcileRequest(State.Cycle, State.AtrBySymbol) { Read = readFrom == readTo ? new CycleRead(venue.Account, venue.Orders, readTo) : null },
            ct).ConfigureAwait(false);
        var reconciled = Reconciled(reconcile, venue.Account);
        if (reconcile.FailsCycle)
        {
            return record with { Actions = [.. Reactions.DrainActions(), .. liveState, .. reconciled], ErrorMessage = "reconciliation failed the cycle: " + reconcile.Error };
        }

        var syncProblem = await _sync.RunAsync(venue.Account, now, ct).ConfigureAwait(false);
        var account = venue.TraderAccount(coin => _s.Ownership.IsOwnedBy(coin, _setup.TraderId), _setup.AllocationPct);
        State.Memory.BeginCycle(account);

        // 3. Candidates and snapshots (only new candles are fetched).
        var market = await CycleReads.ReadMarketAsync(_s, venue, account, _setup, ct).ConfigureAwait(false);
        State.RememberAtr(market.Snapshots.Values);

        // 4. Performance → Executor, gate and circuit breakers. The gate reads its own Sharpe (per cycle, over
        // cycles with exposure) only when a new return came in: an idle trader's old loss never re-arms it.
        // A maker that does not read the figures (the baseline without its prompt) gets the gate's state only.
        var report = _s.DecisionStep.Maker.ReadsPerformance
            ? PerformanceAnalyzer.AnalyzePerformance(State.History.Inputs(State.Trades, account.Positions), _setup.AnalyticsWindow)
            : null;
        var gateSharpe = State.History.GateSharpe;
        var gate = _setup.Gating ? State.Gate.ObserveSharpe(gateSharpe.Fresh ? gateSharpe.Sharpe : null) : State.Gate.Evaluate();
        var breakerActions = await new BreakerStep(_setup, _s, State).RunAsync(account, now, ct).ConfigureAwait(false);
        var breakers = State.Breakers.Tripped;
        var gated = _setup.Gating && gate.SharpePaused;
        var view = report?.ToView(gated) ?? PerformanceView.Empty with { Gated = gated };
        _s.DecisionStep.UpdatePerformance(view with { GateSharpe = gateSharpe.Sharpe });

        // 5. Decisions, then the Validator (first check). While opens are paused the model is told its
        // budget of new opens is zero, so it does not propose what the Validator would refuse.
        var pausedBefore = gate.SafeMode || (_setup.Gating && gate.SharpePaused) || breakers.Count > 0 || State.OperatorPaused;
        var context = new DecisionContext
        {
            Time = now,
            TraderId = _setup.TraderId,
            Cycle = State.Cycle,
            Account = account,
            OpenOrders = OrdersOfHeld(venue.Orders, account),
            Candidates = market.Candidates,
            Snapshots = market.Snapshots,
            AssetMeta = venue.Instruments,
            RecentlyClosed = State.RecentlyClosed,
            Limits = pausedBefore ? _setup.Limits with { MaxNewPositionsPerCycle = 0 } : _setup.Limits,
            Gated = _setup.Gating && gate.SharpePaused,
            GatingEnabled = _setup.Gating,
            BreakersTripped = breakers,
            OpensInLastHour = State.OpensInLastHour(now),
            Memory = _s.DecisionStep.Maker.ReadsMemory
                ? State.Memory.View(State.Trades.Closed, State.Trades.OpenPositions(account.Positions), _setup.RecentTrades, _setup.PlanReasoningChars)
                : TradeMemory.Empty,
            TakerFeeBps = _setup.TakerFeeBps,
            MakerFeeBps = _setup.MakerFeeBps,
            SlippageBps = _setup.SlippageBps,
            ScaleIn = _setup.Guards.ScaleIn,
        };
        timing.DecisionStarted();
        var outcome = await _s.DecisionStep.GetFullDecisionAsync(context, ct).ConfigureAwait(false);
        timing.DecisionEnded();
        if (_setup.AsksModel)
        {
            gate = State.Gate.ObserveLlmOutcome(Answered(outcome));
        }

        var considered = Considered(outcome.Decisions, _setup.MultiDecision);
        var validation = new ValidationContext
        {
            Account = account,
            Equity = account.AccountValue,
            Assets = venue.Assets,
            Instruments = venue.Instruments,
            RecentlyClosed = State.RecentlyClosed,
            RecentOpens = State.RecentOpens,
            AddsBySymbol = State.Memory.Adds(),
            Now = now,
            Limits = _setup.Limits,
            Gated = context.IsGated,
            OpensPaused = _setup.Gating && gate.SharpePaused,
            SafeMode = gate.SafeMode || State.OperatorPaused,
            BreakersTripped = State.Breakers.Tripped,
            Guards = _setup.Guards,
            TakerFeeBps = _setup.TakerFeeBps,
            SlippageBps = _setup.SlippageBps,
            MarginMode = _setup.MarginMode,
        };
        var (decisions, indexes) = Unzip(considered);
        var verdicts = _s.Validator.ValidateBatch(decisions, validation);
        timing.Validated();

        // 6–7. Closes first, opens capped and re-checked against fresh prices, then sent.
        var execution = await new OrderStep(_setup, _s, State).RunAsync(
            new OrderStepInput(venue, account, market.Snapshots, validation, verdicts, indexes, reconcile.OpensBlocked),
            ct).ConfigureAwait(false);
        timing.Executed(execution.Latencies);

        // 8. The record.
        return CycleRecordMapping.Compose(record, new CycleRecordParts(
            outcome,
            _s.DecisionStep.Maker is BaselineDecisionMaker,
            execution.Verdicts,
            account,
            market,
            Concat(Reactions.DrainActions(), liveState, reconciled, breakerActions, OrderEventNames.ToRecords(execution.Actions)),
            GatingNow(),
            Problem(syncProblem, market.Problem, execution.Problem),
            execution.VenueDown,
            State.Memory.PlanRecords()));
    }

    /// <summary>
    /// A reaction's reconciliation applied (under the cycle gate): cooldowns from the fill times, ownership,
    /// external positions; and when something closed, the trades brought up to date from the fills at once, so
    /// the close's PnL is in the trader's performance before the next cycle.
    /// </summary>
    private async Task<IReadOnlyList<ActionRecord>> ReactedAsync(ReconcileReport report, CancellationToken ct)
    {
        var records = Reconciled(report, account: null);
        if (report.Closed.Length > 0)
        {
            var account = await _s.Reader.GetAccountAsync(ct).ConfigureAwait(false);
            if (account.IsSuccess)
            {
                await _sync.RunAsync(account.Value, _s.Clock.GetUtcNow(), ct).ConfigureAwait(false);
            }
        }

        return records;
    }

    /// <summary>The gating section of the record: the gate's state, the breakers, and why new opens were stopped.</summary>
    private GatingRecord GatingNow()
    {
        var gate = State.Gate.Evaluate();
        var pausedBy = new List<string>(4);
        if (_setup.Gating && gate.SharpePaused)
        {
            pausedBy.Add(GateReasons.SharpePause);
        }

        if (gate.SafeMode)
        {
            pausedBy.Add(GateReasons.SafeMode);
        }

        pausedBy.AddRange(State.Breakers.Tripped);
        if (State.OperatorPaused)
        {
            pausedBy.Add("operator_pause");
        }

        if (State.JournalProblem is not null)
        {
            pausedBy.Add("journal_unwritable");
        }

        var b = State.Breakers;
        return State.Gate.ToRecord(_setup.Shadow) with
        {
            PausedUntil = _setup.Gating && gate.SharpePaused ? gate.PausedUntil : null,
            OpensAllowed = pausedBy.Count == 0,
            PausedBy = pausedBy,
            GateSharpe = State.History.GateSharpe.Sharpe is { } sharpe ? Math.Round(sharpe, 6) : null,
            DailyLossPct = b.Day is null ? null : decimal.Round(b.DailyLossPct(b.LastEquity), 4),
            DrawdownPct = b.Day is null ? null : decimal.Round(b.DrawdownPct(b.LastEquity), 4),
        };
    }

    /// <summary>
    /// Applies a reconciliation: stops and targets that fired start the coin's cooldown, the positions the
    /// Orchestrator manages are this trader's, and a position nobody here opened is surfaced once as an
    /// <c>external_position</c> action (adopted or left alone, per <c>execution.external_positions</c>).
    /// </summary>
    private IReadOnlyList<ActionRecord> Reconciled(ReconcileReport report, AccountSnapshot? account)
    {
        foreach (var closed in report.Closed)
        {
            State.MarkClosed(closed.Symbol, closed.ClosedAt);
            State.Memory.NoteClose(closed.Symbol, closed.ClosedAt, closed.Reason);
        }

        foreach (var position in report.Positions.Where(p => p.Managed))
        {
            _s.Ownership.Claim(position.Symbol, _setup.TraderId);
        }

        var records = new List<ActionRecord>(OrderEventNames.ToRecords(report.Actions));
        foreach (var external in report.External.Where(e => _s.Ownership.OwnerOf(e.Symbol) is null || e.Adopted))
        {
            if (external.Adopted)
            {
                _s.Ownership.Claim(external.Symbol, _setup.TraderId);
            }

            if (State.NoteExternal(external.Symbol))
            {
                records.Add(new ActionRecord
                {
                    Symbol = external.Symbol,
                    Action = ActionNames.ExternalPosition,
                    Qty = external.Side == PositionSide.Long ? external.Size : -external.Size,
                    Price = external.EntryPrice,
                    Result = external.Adopted ? ActionNames.Adopted : ActionNames.Left,
                    ErrorDetail = external.Adopted ? null : "a position this trader did not open; left alone (execution.external_positions: leave)",
                });
            }
        }

        if (account is not null)
        {
            State.ForgetExternalsNotIn(account);
        }

        foreach (var finding in records)
        {
            CycleLog.ReconciliationFinding(_s.Log, _setup.TraderId, State.Cycle, finding.Action, finding.Symbol, finding.Result, finding.ErrorDetail);
        }

        return records;
    }

    /// <summary>True when the model answered (parsed or not); false for a failed call (timeout, transport, provider, configuration).</summary>
    internal static bool Answered(DecisionOutcome outcome) =>
        outcome.Error is null || outcome.Error.Kind is DecisionErrorKind.Unparseable or DecisionErrorKind.Stale;

    /// <summary>The decisions to judge, with their index in the proposed list: all, or only the first open or close.</summary>
    internal static IReadOnlyList<(int Index, TradingDecision Decision)> Considered(IReadOnlyList<TradingDecision> decisions, bool multiDecision)
    {
        if (multiDecision)
        {
            var all = new (int, TradingDecision)[decisions.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = (i, decisions[i]);
            }

            return all;
        }

        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].IsOpen || decisions[i].IsClose)
            {
                return [(i, decisions[i])];
            }
        }

        return [];
    }

    /// <summary>The open orders on coins the trader holds, in the venue's order (the decision context's).</summary>
    internal static IReadOnlyList<OpenOrder> OrdersOfHeld(IReadOnlyList<OpenOrder> orders, AccountSnapshot account)
    {
        List<OpenOrder>? held = null;
        for (var i = 0; i < orders.Count; i++)
        {
            if (account.PositionOf(orders[i].Coin) is not null)
            {
                (held ??= new List<OpenOrder>(orders.Count - i)).Add(orders[i]);
            }
        }

        return held is null ? [] : held;
    }

    /// <summary>The considered decisions and their proposed indexes, each in order.</summary>
    private static (TradingDecision[] Decisions, int[] Indexes) Unzip(IReadOnlyList<(int Index, TradingDecision Decision)> considered)
    {
        var decisions = new TradingDecision[considered.Count];
        var indexes = new int[considered.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            (indexes[i], decisions[i]) = considered[i];
        }

        return (decisions, indexes);
    }

    /// <summary>The record's actions, in the order given: one array sized once (most cycles have none).</summary>
    internal static IReadOnlyList<ActionRecord> Concat(params ReadOnlySpan<IReadOnlyList<ActionRecord>> parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += part.Count;
        }

        if (count == 0)
        {
            return [];
        }

        var all = new ActionRecord[count];
        var at = 0;
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                all[at++] = part[i];
            }
        }

        return all;
    }

    private static string? Problem(params string?[] problems)
    {
        string? text = null;
        foreach (var problem in problems)
        {
            if (problem is not null)
            {
                text = text is null ? problem : text + "; " + problem;
            }
        }

        return text is { Length: > 0 } ? text : null;
    }
}

using System.Collections.Immutable;
using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Execution.Workflows;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution;

/// <summary>What one trader's <see cref="Orchestrator"/> is built from.</summary>
/// <param name="TraderId">The trader whose intents this Orchestrator executes (intents of another trader are a bug).</param>
/// <param name="Exchange">Signs and sends the trader's actions.</param>
/// <param name="Info">Reads the venue; user queries use the account of <paramref name="Exchange"/>'s identity (vault, else master).</param>
/// <param name="Ledger">The intent ledger (persisted by the Manager's choice).</param>
/// <param name="Time">Waits (backoff, GTC timeout) and latency timestamps.</param>
/// <param name="Jitter">Seeded randomness for the backoff jitter; null: seeded from the trader id.</param>
/// <param name="CloidScope">Put into every intent cloid (the journal folder's scope); null: unscoped.</param>
/// <param name="Pushed">The pushed (WebSocket) state read instead of polling where that is safe; null: always poll.</param>
public sealed record OrchestratorSetup(
    string TraderId,
    ExchangeClient Exchange,
    InfoClient Info,
    IIntentLedger Ledger,
    TimeProvider Time,
    OrchestratorOptions Options,
    Random? Jitter = null,
    Microsoft.Extensions.Logging.ILogger? Log = null,
    string? CloidScope = null,
    IPushedState? Pushed = null,
    IPolledState? Polled = null);

/// <summary>
/// The Execution Orchestrator (design: "Execution Orchestrator"): approved intents in, outcomes out. Opens
/// place a protective IOC or GTC entry with a cloid recorded before it leaves, then a reduce-only stop-loss and
/// take-profit for the filled quantity (or flatten); closes cancel the symbol's orders, close reduce-only and
/// verify flat; reconciliation keeps the venue and the ledger in agreement. Every venue failure is retried per
/// class and reported as a value; only bugs throw. One instance per trader; calls are serialised.
/// </summary>
public sealed class Orchestrator
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WorkflowServices _services;
    private readonly EntryWorkflow _entry;
    private readonly CloseWorkflow _close;
    private readonly ReduceWorkflow _reduce;
    private readonly Reconciler _reconciler;
    private readonly ResilientLedger _ledger;

    public Orchestrator(OrchestratorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentException.ThrowIfNullOrWhiteSpace(setup.TraderId);
        ArgumentNullException.ThrowIfNull(setup.Exchange);
        ArgumentNullException.ThrowIfNull(setup.Info);
        ArgumentNullException.ThrowIfNull(setup.Ledger);
        ArgumentNullException.ThrowIfNull(setup.Time);
        ArgumentNullException.ThrowIfNull(setup.Options);
        var problems = setup.Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid orchestrator options: " + string.Join(" ", problems), nameof(setup));
        }

        var identity = setup.Exchange.Identity;
        var account = (identity.VaultAddress ?? identity.Account).Value;
        var random = setup.Jitter ?? new Random(JitterSeed(setup.TraderId));
        var runner = new RetryRunner(setup.Options, setup.Time, random, setup.Log, setup.TraderId);
        var venue = new VenueGateway(setup.Exchange, setup.Info, account, runner, setup.Time, setup.Pushed, setup.Polled);
        _ledger = new ResilientLedger(setup.Ledger);
        _services = new WorkflowServices
        {
            TraderId = setup.TraderId,
            CloidScope = setup.CloidScope,
            Options = setup.Options,
            Time = setup.Time,
            Venue = venue,
            Submitter = new OrderSubmitter(venue),
            Ledger = _ledger,
            Instruments = new InstrumentDirectory(venue),
            Leverage = new LeverageCache(venue, setup.Options),
        };
        var closer = new PositionCloser(_services);
        var protection = new ProtectionWorkflow(_services, closer);
        var orders = new EntryOrders(_services, closer);
        _entry = new EntryWorkflow(_services, protection, orders);
        _close = new CloseWorkflow(_services, closer);
        _reduce = new ReduceWorkflow(_services, closer, protection, _close);
        _reconciler = new Reconciler(_services, protection, closer, orders);
    }

    public string TraderId => _services.TraderId;

    public OrchestratorOptions Options => _services.Options;

    /// <summary>Hands over the instrument rules the Manager already read (saves a <c>meta</c> request).</summary>
    public void UpdateInstruments(IEnumerable<InstrumentRules> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _services.Instruments.Update(instruments);
    }

    /// <summary>Why the intent ledger is not durable now (a failing disk; entries are held in memory); null: it is.</summary>
    public string? LedgerProblem => _ledger.Problem;

    /// <summary>
    /// Opens a position: leverage, entry, protection of the filled quantity. Refused (nothing sent) while the
    /// intent ledger cannot be written: a cloid must be durable before its order leaves.
    /// </summary>
    public Task<ExecutionOutcome> OpenAsync(OpenIntent intent, CancellationToken cancellationToken)
    {
        Check(intent);
        return Serialised(
            async () =>
            {
                if (!_ledger.TryFlush())
                {
                    return WithLedgerChanges(new ExecutionOutcome
                    {
                        Intent = intent,
                        Result = IntentResult.Rejected,
                        ErrorClass = ErrorClass.Temporary,
                        Detail = _ledger.Problem,
                        Actions = [new OrderEvent { Symbol = intent.Symbol, Action = OrderEventAction.Entry, Result = OrderEventResult.LedgerUnwritable, ErrorDetail = _ledger.Problem }],
                    });
                }

                return WithLedgerChanges(await _entry.OpenAsync(intent, cancellationToken).ConfigureAwait(false));
            },
            cancellationToken);
    }

    /// <summary>
    /// Closes the symbol's position of the intent's side, cancelling its orders and triggers; with a
    /// <see cref="CloseIntent.Fraction"/>, closes that share of it and resizes its stop and target to what remains.
    /// </summary>
    public Task<ExecutionOutcome> CloseAsync(CloseIntent intent, CancellationToken cancellationToken)
    {
        Check(intent);
        return Serialised(
            async () => WithLedgerChanges(intent.Fraction is null
                ? await _close.CloseAsync(intent, cancellationToken).ConfigureAwait(false)
                : await _reduce.ReduceAsync(intent, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
    }

    /// <summary>Reconciles the venue with the ledger (at start and every cycle); see <see cref="ReconcileReport"/>.</summary>
    public async Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Serialised as every call is, without the closure and the second state machine of Serialised (every cycle).
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _ledger.TryFlush();
            var report = await _reconciler.ReconcileAsync(request, cancellationToken).ConfigureAwait(false);
            var changes = LedgerRecords();
            var problem = _ledger.Problem;
            return changes.Length == 0 && problem is null ? report : report with
            {
                Actions = report.Actions.AddRange(changes),
                OpensBlocked = problem is null ? report.OpensBlocked : string.Join("; ", new[] { report.OpensBlocked, problem }.Where(p => p is not null)),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    private ExecutionOutcome WithLedgerChanges(ExecutionOutcome outcome)
    {
        var changes = LedgerRecords();
        return changes.Length == 0 ? outcome : outcome with { Actions = outcome.Actions.AddRange(changes) };
    }

    /// <summary>The ledger's changes of state as journal lines (<c>ledger</c>: <c>unwritable</c> or <c>writable_again</c>).</summary>
    private ImmutableArray<OrderEvent> LedgerRecords() =>
        _ledger.DrainChanges() is not { Count: > 0 } drained ? [] : [.. drained.Select(c => new OrderEvent
        {
            Symbol = "*",
            Action = OrderEventAction.Ledger,
            Result = c.Writable ? OrderEventResult.WritableAgain : OrderEventResult.Unwritable,
            ErrorDetail = c.Message,
        })];

    private static int JitterSeed(string traderId)
    {
        var bytes = Cloid.Derive("halyard.jitter.v1", traderId).Value;
        return int.Parse(bytes.AsSpan(2, 8), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Check(ExecutionIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        intent.Check();
        if (intent.TraderId != TraderId)
        {
            throw new ArgumentException($"Intent of trader '{intent.TraderId}' given to the orchestrator of '{TraderId}'.", nameof(intent));
        }
    }

    private async Task<T> Serialised<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Halyard.Cycle;
using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Journal;

namespace Halyard.Tests.Cycle.Support;

/// <summary>
/// A scripted venue that also plays the trader's Orchestrator: opens that it executes become positions,
/// closes remove them (with fills), so the Manager's cycles see the consequences of what they sent.
/// Records every intent and reconcile call in order.
/// </summary>
internal sealed class FakeVenue(TimeProvider clock) : IVenueReader, IOrderGateway
{
    public static readonly IReadOnlyList<InstrumentRules> Rules =
    [
        new("BTC", 0, 5, 40),
        new("ETH", 1, 4, 25),
        new("SOL", 5, 2, 20),
        new("DOGE", 12, 0, 10),
        new("AVAX", 6, 2, 10),
        new("LINK", 18, 1, 10),
    ];

    private readonly List<Position> _positions = [];
    private readonly List<UserFill> _fills = [];
    private long _oid = 1000;

    public Dictionary<string, decimal> Prices { get; } = new(StringComparer.Ordinal)
    {
        ["BTC"] = 100_000m,
        ["ETH"] = 3_000m,
        ["SOL"] = 150m,
        ["DOGE"] = 0.2m,
        ["AVAX"] = 20m,
        ["LINK"] = 15m,
    };

    /// <summary>The account value each cycle (default: 10,000 plus unrealized PnL of nothing).</summary>
    public Func<decimal> AccountValue { get; set; } = () => 10_000m;

    /// <summary>Prices served to the pre-trade re-check (allMids) instead of <see cref="Prices"/>, once each.</summary>
    public Queue<Dictionary<string, decimal>> FreshMids { get; } = new();

    /// <summary>When set, clearinghouseState fails with it.</summary>
    public Error? AccountFailure { get; set; }

    public List<ExecutionIntent> Intents { get; } = [];

    /// <summary>Called with each intent as it is executed (e.g. to stop the trader meanwhile).</summary>
    public Action<ExecutionIntent>? Executing { get; set; }

    public int Reconciles { get; private set; }

    public int MidsReads { get; private set; }

    public IReadOnlyList<Position> Positions => _positions;

    public void Hold(string coin, decimal size, decimal entry) =>
        _positions.Add(new Position(coin, size, entry, Math.Abs(size) * entry, 0m, Math.Abs(size) * entry / 5m, 5, true, null));

    public Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken)
    {
        if (AccountFailure is { } failure)
        {
            return Task.FromResult(Result<AccountSnapshot>.Failure(failure));
        }

        var value = AccountValue();
        var account = new AccountSnapshot(value, _positions.Sum(p => p.MarginUsed), _positions.Sum(p => p.PositionValue), value, [.. _positions], clock.GetUtcNow());
        return Task.FromResult(Result<AccountSnapshot>.Success(account));
    }

    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Result<IReadOnlyList<OpenOrder>>.Success([]));

    public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken)
    {
        var contexts = Rules.Select(r => new AssetContext(r.Name, Prices[r.Name], Prices[r.Name], Prices[r.Name], 1_000_000_000m / Prices[r.Name], 0.0000125m, Prices[r.Name], 500_000_000m, 0m)).ToArray();
        return Task.FromResult(Result<PerpUniverse>.Success(new PerpUniverse(Rules, contexts)));
    }

    public Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken)
    {
        MidsReads++;
        IReadOnlyDictionary<string, decimal> mids = FreshMids.Count > 0 ? FreshMids.Dequeue() : new Dictionary<string, decimal>(Prices);
        return Task.FromResult(Result<IReadOnlyDictionary<string, decimal>>.Success(mids));
    }

    public Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Task.FromResult(Result<IReadOnlyList<UserFill>>.Success([.. _fills.Where(f => f.Time >= start && f.Time <= end)]));

    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Task.FromResult(Result<IReadOnlyList<UserFundingEntry>>.Success([]));

    public void UpdateInstruments(IEnumerable<InstrumentRules> instruments)
    {
    }

    /// <summary>When true, reconciliation reports every held position as managed and protected.</summary>
    public bool ReportsPositions { get; set; }

    public Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Reconciles++;
        var positions = ReportsPositions
            ? _positions.Select(p => new PositionCheck(p.Coin, p.Side, p.AbsSize, true, new ProtectionState(ProtectionStatus.Protected, p.AbsSize))).ToImmutableArray()
            : [];
        return Task.FromResult(new ReconcileReport { Cycle = request.Cycle, Positions = positions });
    }

    /// <summary>When set and it returns an outcome for an open, that outcome is returned and nothing is held.</summary>
    public Func<OpenIntent, ExecutionOutcome?>? OpenOutcome { get; set; }

    public Task<ExecutionOutcome> OpenAsync(OpenIntent intent, CancellationToken cancellationToken)
    {
        Intents.Add(intent);
        if (OpenOutcome?.Invoke(intent) is { } scripted)
        {
            return Task.FromResult(scripted);
        }

        Executing?.Invoke(intent);
        Assert.False(cancellationToken.IsCancellationRequested, "an intent in hand must not be cancelled");
        var price = Prices[intent.Symbol];
        var rules = Rules.First(r => r.Name == intent.Symbol);
        var size = decimal.Round(intent.Size.CoinsAt(price), rules.SzDecimals, MidpointRounding.ToZero);
        var signed = intent.Side == PositionSide.Long ? size : -size;
        var held = _positions.FirstOrDefault(p => p.Coin == intent.Symbol);
        if (held is not null)
        {
            // A scale-in: the venue nets it into the held position.
            _positions.Remove(held);
            var total = held.Size + signed;
            _positions.Add(held with { Size = total, PositionValue = Math.Abs(total) * price, MarginUsed = held.MarginUsed + (size * price / intent.Leverage) });
        }
        else
        {
            _positions.Add(new Position(intent.Symbol, signed, price, size * price, 0m, size * price / intent.Leverage, intent.Leverage, true, null));
        }

        _fills.Add(Fill(intent.Symbol, price, size, signed > 0 ? OrderSide.Buy : OrderSide.Sell, 0m));
        return Task.FromResult(Outcome(intent, IntentResult.Filled, OrderEventAction.Entry, size, price));
    }

    public Task<ExecutionOutcome> CloseAsync(CloseIntent intent, CancellationToken cancellationToken)
    {
        Intents.Add(intent);
        var held = _positions.First(p => p.Coin == intent.Symbol);
        _positions.Remove(held);
        if (intent.Fraction is { } fraction)
        {
            var part = decimal.Round(held.AbsSize * fraction, Rules.First(r => r.Name == intent.Symbol).SzDecimals, MidpointRounding.ToZero);
            var left = held.Size - (held.Size > 0m ? part : -part);
            _positions.Add(held with { Size = left, PositionValue = Math.Abs(left) * held.EntryPrice, MarginUsed = held.MarginUsed * Math.Abs(left) / held.AbsSize });
            _fills.Add(Fill(intent.Symbol, Prices[intent.Symbol], part, held.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy, held.Size));
            return Task.FromResult(Outcome(intent, IntentResult.Reduced, OrderEventAction.Reduce, part, Prices[intent.Symbol]));
        }

        var price = Prices[intent.Symbol];
        _fills.Add(Fill(intent.Symbol, price, held.AbsSize, held.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy, held.Size));
        return Task.FromResult(Outcome(intent, IntentResult.Closed, OrderEventAction.Close, held.AbsSize, price));
    }

    private ExecutionOutcome Outcome(ExecutionIntent intent, IntentResult result, OrderEventAction role, decimal size, decimal price)
    {
        var cloid = Cloid.Derive(intent.TraderId, intent.Cycle.ToString(CultureInfo.InvariantCulture), intent.Symbol).Value;
        var action = new OrderEvent { Symbol = intent.Symbol, Action = role, Qty = size, Price = price, OrderId = ++_oid, Cloid = cloid, Result = OrderEventResult.Filled, Attempts = 1 };
        return new ExecutionOutcome
        {
            Intent = intent,
            Result = result,
            Actions = [action],
            FilledSize = size,
            AveragePrice = price,
            EntryCloid = cloid,
            Latency = new OrderLatency(TimeSpan.FromMilliseconds(0.1), TimeSpan.FromMilliseconds(0.2)),
        };
    }

    private UserFill Fill(string coin, decimal price, decimal size, OrderSide side, decimal start, decimal closedPnl = 0m) =>
        new(coin, price, size, side, clock.GetUtcNow(), start, start == 0m ? "Open" : "Close", closedPnl, size * price * 0.00045m, true, ++_oid, null, _oid, "0x", null, false);
}

using System.Globalization;
using Halyard.Cycle.Orders;
using Halyard.Cycle.Venue;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Journal;

namespace Halyard.Tests.Cycle.Support;

/// <summary>
/// A scripted venue that is also the order router: opens that it executes become positions, closes
/// remove them (with fills), so the Manager's cycles see the consequences of what they sent. Records
/// every intent and reconcile call in order.
/// </summary>
internal sealed class FakeVenue(TimeProvider clock) : IVenueReader, IOrderRouter
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
    public VenueError? AccountFailure { get; set; }

    public List<OrderIntent> Intents { get; } = [];

    public int Reconciles { get; private set; }

    public int MidsReads { get; private set; }

    public IReadOnlyList<Position> Positions => _positions;

    public void Hold(string coin, decimal size, decimal entry) =>
        _positions.Add(new Position(coin, size, entry, Math.Abs(size) * entry, 0m, Math.Abs(size) * entry / 5m, 5, true, null));

    public Task<VenueResult<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken)
    {
        if (AccountFailure is { } failure)
        {
            return Task.FromResult(VenueResult<AccountSnapshot>.Failure(failure));
        }

        var value = AccountValue();
        var account = new AccountSnapshot(value, _positions.Sum(p => p.MarginUsed), _positions.Sum(p => p.PositionValue), value, [.. _positions], clock.GetUtcNow());
        return Task.FromResult(VenueResult<AccountSnapshot>.Success(account));
    }

    public Task<VenueResult<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(VenueResult<IReadOnlyList<OpenOrder>>.Success([]));

    public Task<VenueResult<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken)
    {
        var contexts = Rules.Select(r => new AssetContext(r.Name, Prices[r.Name], Prices[r.Name], Prices[r.Name], 1_000_000_000m / Prices[r.Name], 0.0000125m, Prices[r.Name], 500_000_000m, 0m)).ToArray();
        return Task.FromResult(VenueResult<PerpUniverse>.Success(new PerpUniverse(Rules, contexts)));
    }

    public Task<VenueResult<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken)
    {
        MidsReads++;
        IReadOnlyDictionary<string, decimal> mids = FreshMids.Count > 0 ? FreshMids.Dequeue() : new Dictionary<string, decimal>(Prices);
        return Task.FromResult(VenueResult<IReadOnlyDictionary<string, decimal>>.Success(mids));
    }

    public Task<VenueResult<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Task.FromResult(VenueResult<IReadOnlyList<UserFill>>.Success([.. _fills.Where(f => f.Time >= start && f.Time <= end)]));

    public Task<VenueResult<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Task.FromResult(VenueResult<IReadOnlyList<UserFundingEntry>>.Success([]));

    public Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Reconciles++;
        return Task.FromResult(ReconcileReport.Nothing);
    }

    public Task<IntentOutcome> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
    {
        Intents.Add(intent);
        var price = intent.ReferencePrice;
        var cloid = Cloid.Derive(intent.TraderId, intent.Cycle.ToString(CultureInfo.InvariantCulture), intent.Symbol);
        decimal size;
        OrderSide side;
        if (intent.Kind == IntentKind.Open)
        {
            size = decimal.Round(intent.Decision.PositionSizeUsd!.Value / price, intent.Rules.SzDecimals, MidpointRounding.ToZero);
            var signed = intent.Decision.Action == DecisionAction.OpenLong ? size : -size;
            side = signed > 0 ? OrderSide.Buy : OrderSide.Sell;
            _positions.Add(new Position(intent.Symbol, signed, price, size * price, 0m, size * price / (intent.Decision.Leverage ?? 1), intent.Decision.Leverage ?? 1, true, null));
            _fills.Add(Fill(intent.Symbol, price, size, side, 0m, 0m));
        }
        else
        {
            var held = _positions.First(p => p.Coin == intent.Symbol);
            _positions.Remove(held);
            size = held.AbsSize;
            side = held.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;
            _fills.Add(Fill(intent.Symbol, price, size, side, held.Size));
        }

        var action = new ActionRecord
        {
            Symbol = intent.Symbol,
            Action = intent.Kind == IntentKind.Open ? "entry" : "close",
            Qty = size,
            Price = price,
            OrderId = _oid,
            Cloid = cloid.Value,
            Result = "filled",
            Attempts = 1,
        };
        return Task.FromResult(new IntentOutcome([action], [new OrderLatencyRecord(intent.Symbol, cloid.Value, 0.1, 0.2)], size, price, true));
    }

    public IReadOnlyList<ActionRecord> Plan(OrderIntent intent) =>
    [
        new ActionRecord
        {
            Symbol = intent.Symbol,
            Action = intent.Kind == IntentKind.Open ? "entry" : "close",
            Qty = intent.Decision.PositionSizeUsd / intent.ReferencePrice,
            Price = intent.ReferencePrice,
            Cloid = Cloid.Derive(intent.TraderId, intent.Cycle.ToString(CultureInfo.InvariantCulture), intent.Symbol).Value,
            Result = "shadow",
        },
    ];

    private UserFill Fill(string coin, decimal price, decimal size, OrderSide side, decimal start, decimal closedPnl = 0m) =>
        new(coin, price, size, side, clock.GetUtcNow(), start, start == 0m ? "Open" : "Close", closedPnl, size * price * 0.00045m, true, ++_oid, null, _oid, "0x", null, false);
}

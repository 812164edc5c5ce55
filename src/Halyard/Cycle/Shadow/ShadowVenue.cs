using Halyard.Cycle.Composition;
using Halyard.Cycle.Replay;
using Halyard.Cycle.Venue;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Market;

namespace Halyard.Cycle.Shadow;

/// <summary>How one shadow trader's paper account is made.</summary>
/// <param name="TraderId">The shadow trader.</param>
/// <param name="Equity">The account's starting USDC.</param>
/// <param name="Clock">The traders' clock (the engine's time).</param>
/// <param name="Fees">Taker and maker bps, as the live venue charges them.</param>
/// <param name="AuditLogPath">The account's own <c>/exchange</c> log; null: none.</param>
/// <param name="ExpiresAfter"><c>execution.expires_after</c>.</param>
/// <param name="BudgetMode">Wait for the weight budget (live) or fail at once (replays).</param>
public sealed record ShadowVenueOptions(
    string TraderId,
    decimal Equity,
    TimeProvider Clock,
    (decimal Taker, decimal Maker) Fees,
    string? AuditLogPath,
    TimeSpan? ExpiresAfter,
    WeightBudgetMode BudgetMode = WeightBudgetMode.Wait);

/// <summary>
/// One shadow trader's venue: its own paper exchange, in-process, marking at the live venue's prices (a shared
/// <see cref="LivePriceFeed"/>), with an account of its own under a key derived from the trader id. Its orders
/// take the real client path (sign, HTTP handler, engine) to this account and nowhere else: the connection has no
/// route to the live venue and the key holds nothing there.
/// </summary>
public sealed class ShadowVenue : IDisposable
{
    private ShadowVenue(string traderId, PaperExchangeEngine engine, VenueConnection connection, decimal equity)
    {
        TraderId = traderId;
        Engine = engine;
        Connection = connection;
        StartingEquity = equity;
    }

    public string TraderId { get; }

    /// <summary>The in-process paper exchange of this trader (live-price mode).</summary>
    public PaperExchangeEngine Engine { get; }

    /// <summary>The connection the trader's Orchestrator and account reads use.</summary>
    public VenueConnection Connection { get; }

    /// <summary>The paper account's address (not the live account's).</summary>
    public string Account => Connection.Identity.Account.Value;

    public decimal StartingEquity { get; }

    /// <summary>The key of a shadow trader's paper account: derived from its id, never a live key.</summary>
    public static PrivateKey KeyOf(string traderId) => PaperAccount.Key("halyard shadow account " + traderId);

    public static ShadowVenue Create(ShadowVenueOptions options, LivePriceFeed feed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(feed);
        var key = KeyOf(options.TraderId);
        var paper = new PaperExchangeOptions
        {
            Accounts = [new FundedAccount(key.Address.Value.ToLowerInvariant(), options.Equity)],
            Fees = new FeeOptions(options.Fees.Taker, options.Fees.Maker),
            AuditLogPath = options.AuditLogPath,
        };
        var engine = PaperExchangeEngine.OnLivePrices(paper, options.Clock, feed);
        var connection = new VenueConnection(new VenueConnectionOptions
        {
            Handler = engine.CreateHandler(),
            Endpoint = new HyperliquidEndpoint(new Uri("http://shadow.invalid/"), paper.IsMainnet),
            Identity = SigningIdentity.ForAccount(key),
            Clock = options.Clock,
            Wall = options.Clock,
            BudgetMode = options.BudgetMode,
            ExpiresAfter = options.ExpiresAfter,
        });
        return new ShadowVenue(options.TraderId, engine, connection, options.Equity);
    }

    /// <summary>The trader's reads: the market from <paramref name="market"/> (the live venue), the account from this one.</summary>
    public IVenueReader ReaderWith(IVenueReader market) => new ShadowVenueReader(market, Connection.Reader);

    /// <summary>
    /// The account's figures over [<paramref name="from"/>, <paramref name="to"/>]: equity now, fees, funding, round
    /// trips from its fills, and the orders its trader sent (from <paramref name="records"/>, the trader's cycles).
    /// </summary>
    public async Task<Reporting.ShadowTraderFigures> FiguresAsync(IEnumerable<Journal.DecisionCycleRecord> records, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        Engine.Synchronize();
        var account = await Connection.Reader.GetAccountAsync(ct).ConfigureAwait(false);
        var fills = await Connection.Reader.GetFillsAsync(from, to, ct).ConfigureAwait(false);
        var funding = await Connection.Reader.GetFundingAsync(from, to, ct).ConfigureAwait(false);
        var book = new Performance.TradeBook();
        var fillList = fills.IsSuccess ? fills.Value : [];
        book.ApplyFills(fillList);
        var closed = book.Closed;
        var mine = records.Where(r => r.TraderId == TraderId).SelectMany(r => r.Actions).ToArray();
        var triggers = mine
            .Where(a => a.Cloid is not null && Journal.OrderEventNames.ActionOf(a.Action) is Execution.OrderEventAction.StopLoss or Execution.OrderEventAction.TakeProfit)
            .Select(a => a.Cloid!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var final = account.IsSuccess ? account.Value.AccountValue : StartingEquity;
        var net = final - StartingEquity;
        return new Reporting.ShadowTraderFigures
        {
            TraderId = TraderId,
            Account = Account,
            InitialEquityUsd = StartingEquity,
            FinalEquityUsd = final,
            NetPnlUsd = net,
            NetPnlPct = StartingEquity > 0 ? decimal.Round(net * 100m / StartingEquity, 4) : 0m,
            FeesUsd = fillList.Sum(f => f.Fee),
            FundingUsd = funding.IsSuccess ? funding.Value.Sum(f => f.Usdc) : 0m,
            OrdersSent = mine.Count(a => a.Attempts > 0 && Journal.OrderEventNames.ActionOf(a.Action)
                is Execution.OrderEventAction.Entry or Execution.OrderEventAction.Close or Execution.OrderEventAction.StopLoss or Execution.OrderEventAction.TakeProfit or Execution.OrderEventAction.Flatten or Execution.OrderEventAction.Reduce),
            ClosedTrades = closed.Count,
            WinRatePct = closed.Count == 0 ? null : decimal.Round(closed.Count(t => t.NetPnlUsd > 0m) * 100m / closed.Count, 2),
            TriggerFills = fillList.Count(f => f.Cloid is { } c && triggers.Contains(c.Value)),
            OpenPositions = account.IsSuccess ? account.Value.Positions.Count(p => p.Size != 0) : 0,
        };
    }

    public void Dispose()
    {
        Connection.Dispose();
        Engine.Dispose();
    }
}

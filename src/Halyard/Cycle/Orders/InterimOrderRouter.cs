using System.Collections.Concurrent;
using System.Globalization;
using Halyard.Cycle.Venue;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Journal;

namespace Halyard.Cycle.Orders;

/// <summary>Settings of the <see cref="InterimOrderRouter"/> (from <c>execution</c> and <c>features</c>).</summary>
public sealed record RouterOptions
{
    public decimal SlippageBps { get; init; } = 50m;

    public decimal CloseSlippageBps { get; init; } = 100m;

    public bool Cross { get; init; } = true;

    public bool ProtectFills { get; init; } = true;
}

/// <summary>
/// A deliberately small order workflow used until the Execution Orchestrator lands: IOC entry at the
/// reference price ± slippage, leverage set when it changes, reduce-only stop-loss and take-profit
/// triggers sized to the filled quantity (a position whose stop is refused is flattened), and a close
/// that cancels the coin's resting orders and sends a reduce-only IOC. No retries. Cloids derive from
/// (trader, cycle, coin, role).
/// </summary>
public sealed class InterimOrderRouter(ExchangeClient exchange, SendClock? sendClock, TimeProvider wall, RouterOptions options) : IOrderRouter
{
    private readonly ConcurrentDictionary<int, int> _leverage = new();

    public async Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orphans = request.Orders
            .Where(o => o.ReduceOnly && request.Account.PositionOf(o.Coin) is null && !request.OwnedElsewhere.Contains(o.Coin))
            .ToArray();
        if (orphans.Length == 0)
        {
            return ReconcileReport.Nothing;
        }

        var actions = new List<ActionRecord>();
        foreach (var group in orphans.GroupBy(o => o.Coin, StringComparer.Ordinal))
        {
            if (request.Instruments.TryGetValue(group.Key, out var rules))
            {
                actions.AddRange(await CancelAsync(group.Key, rules.AssetId, [.. group], "cancel_orphan", cancellationToken).ConfigureAwait(false));
            }
        }

        return new ReconcileReport(actions);
    }

    public async Task<IntentOutcome> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Kind == IntentKind.Open
            ? await OpenAsync(intent, cancellationToken).ConfigureAwait(false)
            : await CloseAsync(intent, cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<ActionRecord> Plan(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var records = new List<ActionRecord>();
        foreach (var (role, order) in Orders(intent))
        {
            records.Add(new ActionRecord
            {
                Symbol = intent.Symbol,
                Action = role,
                Qty = order.Wire is { } w ? w.Size.Value : null,
                Price = order.Wire?.Price.Value,
                Cloid = CloidFor(intent, role).Value,
                Result = order.Wire is null ? "rejected" : "shadow",
                ErrorClass = order.Wire is null ? ErrorClassCodes.InvalidParam : null,
                ErrorDetail = order.Refusal,
            });
        }

        return records;
    }

    private async Task<IntentOutcome> OpenAsync(OrderIntent intent, CancellationToken ct)
    {
        var actions = new List<ActionRecord>();
        var latencies = new List<OrderLatencyRecord>();
        var d = intent.Decision;
        var leverage = d.Leverage ?? 1;
        var asset = intent.Rules.AssetId;
        var probe = sendClock?.Begin();
        if (!_leverage.TryGetValue(asset, out var current) || current != leverage)
        {
            var cross = options.Cross && !intent.Rules.OnlyIsolated;
            var set = await exchange.UpdateLeverageAsync(new UpdateLeverageAction(asset, cross, leverage), ct).ConfigureAwait(false);
            actions.Add(Record(intent.Symbol, "set_leverage", leverage, null, null, null, set.IsSuccess ? "ok" : "rejected", set.Error));
            if (!set.IsSuccess)
            {
                latencies.Add(Latency(intent, null, probe));
                return new IntentOutcome(actions, latencies, 0m, null, false, IsDown(set.Error));
            }

            _leverage[asset] = leverage;
        }

        var (role, planned) = Orders(intent)[0];
        var cloid = CloidFor(intent, role);
        if (planned.Wire is not { } entry)
        {
            actions.Add(Record(intent.Symbol, role, null, null, null, cloid, "rejected", new VenueError(ErrorClass.InvalidParam, planned.Refusal!), attempts: 0));
            return new IntentOutcome(actions, latencies, 0m, null, false);
        }

        var side = d.Action == DecisionAction.OpenLong;
        var wire = new OrderWire(asset, side, entry.Price.Text, entry.Size.Text, false, new LimitOrderType(TimeInForce.Ioc), cloid);
        var placed = await exchange.PlaceOrdersAsync(new OrderAction([wire]), ct).ConfigureAwait(false);
        latencies.Add(Latency(intent, cloid, probe));
        var (filled, average) = ReadFill(placed);
        actions.Add(OrderRecord(intent.Symbol, role, entry, cloid, placed));
        if (filled <= 0m || !options.ProtectFills)
        {
            return new IntentOutcome(actions, latencies, filled, average, filled > 0m, !placed.IsSuccess && IsDown(placed.Error));
        }

        var protectedOk = await ProtectAsync(intent, filled, actions, ct).ConfigureAwait(false);
        return new IntentOutcome(actions, latencies, protectedOk ? filled : 0m, average, protectedOk);
    }

    private async Task<bool> ProtectAsync(OrderIntent intent, decimal filled, List<ActionRecord> actions, CancellationToken ct)
    {
        var closing = intent.Decision.Action == DecisionAction.OpenLong ? OrderSide.Sell : OrderSide.Buy;
        var triggers = new List<(string Role, OrderWire Wire, WirePrice Trigger, WireSize Size)>();
        foreach (var (role, price, purpose, tpsl) in new[]
                 {
                     ("stop_loss", intent.Decision.StopLoss, PricePurpose.StopLossTrigger, TpSl.StopLoss),
                     ("take_profit", intent.Decision.TakeProfit, PricePurpose.TakeProfitTrigger, TpSl.TakeProfit),
                 })
        {
            if (price is not { } p || Trigger(intent.Rules, closing, p, filled, purpose) is not { } t)
            {
                continue;
            }

            var cloid = CloidFor(intent, role);
            var wire = new OrderWire(intent.Rules.AssetId, closing == OrderSide.Buy, t.Limit.Text, t.Size.Text, true, new TriggerOrderType(true, t.Trigger.Text, tpsl), cloid);
            triggers.Add((role, wire, t.Trigger, t.Size));
        }

        var stopPlaced = false;
        if (triggers.Count > 0)
        {
            var result = await exchange.PlaceOrdersAsync(new OrderAction([.. triggers.Select(t => t.Wire)]), ct).ConfigureAwait(false);
            for (var i = 0; i < triggers.Count; i++)
            {
                var status = result.IsSuccess && i < result.Value.Count ? result.Value[i] : null;
                var error = result.IsSuccess ? (status as OrderRejected) is { } r ? new VenueError(r.Class, r.Message) : null : result.Error;
                actions.Add(Record(intent.Symbol, triggers[i].Role, triggers[i].Size.Value, triggers[i].Trigger.Value, OidOf(status), triggers[i].Wire.Cloid, error is null ? "resting" : "rejected", error));
                stopPlaced |= triggers[i].Role == "stop_loss" && error is null;
            }
        }

        if (stopPlaced)
        {
            return true;
        }

        var flatten = intent with { Kind = IntentKind.Close, Held = new Position(intent.Symbol, closing == OrderSide.Sell ? filled : -filled, intent.ReferencePrice, 0m, 0m, 0m, 1, true, null), Resting = [] };
        var (_, planned) = Orders(flatten)[0];
        if (planned.Wire is { } order)
        {
            var cloid = CloidFor(intent, "flatten");
            var wire = new OrderWire(intent.Rules.AssetId, closing == OrderSide.Buy, order.Price.Text, order.Size.Text, true, new LimitOrderType(TimeInForce.Ioc), cloid);
            var placed = await exchange.PlaceOrdersAsync(new OrderAction([wire]), ct).ConfigureAwait(false);
            actions.Add(OrderRecord(intent.Symbol, "flatten", order, cloid, placed) with { ErrorDetail = "no stop-loss could be placed" + (placed.IsSuccess ? string.Empty : ": " + placed.Error.Message) });
        }

        return false;
    }

    private async Task<IntentOutcome> CloseAsync(OrderIntent intent, CancellationToken ct)
    {
        var actions = new List<ActionRecord>();
        var latencies = new List<OrderLatencyRecord>();
        var probe = sendClock?.Begin();
        if (intent.Resting.Count > 0)
        {
            actions.AddRange(await CancelAsync(intent.Symbol, intent.Rules.AssetId, intent.Resting, "cancel", ct).ConfigureAwait(false));
        }

        var (role, planned) = Orders(intent)[0];
        var cloid = CloidFor(intent, role);
        if (planned.Wire is not { } order)
        {
            actions.Add(Record(intent.Symbol, role, null, null, null, cloid, "rejected", new VenueError(ErrorClass.InvalidParam, planned.Refusal!), attempts: 0));
            return new IntentOutcome(actions, latencies, 0m, null, false);
        }

        var isBuy = intent.Held!.Side == PositionSide.Short;
        var wire = new OrderWire(intent.Rules.AssetId, isBuy, order.Price.Text, order.Size.Text, true, new LimitOrderType(TimeInForce.Ioc), cloid);
        var placed = await exchange.PlaceOrdersAsync(new OrderAction([wire]), ct).ConfigureAwait(false);
        latencies.Add(Latency(intent, cloid, probe));
        var (filled, average) = ReadFill(placed);
        actions.Add(OrderRecord(intent.Symbol, role, order, cloid, placed));
        return new IntentOutcome(actions, latencies, filled, average, filled >= order.Size.Value, !placed.IsSuccess && IsDown(placed.Error));
    }

    private async Task<IReadOnlyList<ActionRecord>> CancelAsync(string coin, int asset, IReadOnlyList<OpenOrder> orders, string action, CancellationToken ct)
    {
        var result = await exchange.CancelAsync(new CancelAction([.. orders.Select(o => new CancelRequest(asset, o.Oid))]), ct).ConfigureAwait(false);
        var records = new List<ActionRecord>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var status = result.IsSuccess && i < result.Value.Count ? result.Value[i] : null;
            var error = !result.IsSuccess ? result.Error
                : status is { Success: false } s ? new VenueError(s.Class ?? ErrorClass.Unknown, s.Error ?? "cancel failed") : null;
            records.Add(Record(coin, action, orders[i].Size, orders[i].TriggerPrice ?? orders[i].LimitPrice, orders[i].Oid, orders[i].Cloid, error is null ? "canceled" : "rejected", error));
        }

        return records;
    }

    /// <summary>The first order of the intent (entry or close) and its protection, priced and sized by the formatter.</summary>
    private List<(string Role, Planned Order)> Orders(OrderIntent intent)
    {
        var rules = intent.Rules;
        var reference = intent.ReferencePrice;
        if (intent.Kind == IntentKind.Close)
        {
            var held = intent.Held ?? throw new ArgumentException("A close needs the held position.", nameof(intent));
            var side = held.Side.ClosingSide();
            var limit = side == OrderSide.Buy ? reference * (1m + (options.CloseSlippageBps / 10_000m)) : reference * (1m - (options.CloseSlippageBps / 10_000m));
            return [("close", Planned.From(rules.FormatOrder(side, limit, held.AbsSize, PricePurpose.ReduceOnlyClose)))];
        }

        var d = intent.Decision;
        var buy = d.Action == DecisionAction.OpenLong;
        var entryLimit = buy ? reference * (1m + (options.SlippageBps / 10_000m)) : reference * (1m - (options.SlippageBps / 10_000m));
        var size = (d.PositionSizeUsd ?? 0m) / reference;
        var entry = Planned.From(rules.FormatOrder(buy ? OrderSide.Buy : OrderSide.Sell, entryLimit, size));
        var list = new List<(string, Planned)> { ("entry", entry) };
        if (options.ProtectFills && entry.Wire is { } e)
        {
            var closing = buy ? OrderSide.Sell : OrderSide.Buy;
            if (d.StopLoss is { } sl && Trigger(rules, closing, sl, e.Size.Value, PricePurpose.StopLossTrigger) is { } s)
            {
                list.Add(("stop_loss", new Planned(new WireOrder(s.Trigger, s.Size), null)));
            }

            if (d.TakeProfit is { } tp && Trigger(rules, closing, tp, e.Size.Value, PricePurpose.TakeProfitTrigger) is { } t)
            {
                list.Add(("take_profit", new Planned(new WireOrder(t.Trigger, t.Size), null)));
            }
        }

        return list;
    }

    private (WirePrice Trigger, WirePrice Limit, WireSize Size)? Trigger(InstrumentRules rules, OrderSide side, decimal price, decimal size, PricePurpose purpose)
    {
        var trigger = rules.FormatPrice(price, side, purpose);
        var slip = options.CloseSlippageBps / 10_000m;
        var limit = rules.FormatPrice(side == OrderSide.Buy ? price * (1m + slip) : price * (1m - slip), side, PricePurpose.TriggerLimit);
        var wireSize = rules.FormatSize(size);
        return trigger.IsOk && limit.IsOk && wireSize.IsOk ? (trigger.Value, limit.Value, wireSize.Value) : null;
    }

    private static Cloid CloidFor(OrderIntent intent, string role) =>
        Cloid.Derive(intent.TraderId, intent.Cycle.ToString(CultureInfo.InvariantCulture), intent.Symbol, role);

    private OrderLatencyRecord Latency(OrderIntent intent, Cloid? cloid, SendClock.Probe? probe)
    {
        var sent = probe?.FirstSent;
        var answered = probe?.LastAnswered;
        var toSend = sent is { } s ? wall.GetElapsedTime(intent.ValidatedAt, s).TotalMilliseconds : 0d;
        double? toResponse = sent is { } a && answered is { } b ? wall.GetElapsedTime(a, b).TotalMilliseconds : null;
        return new OrderLatencyRecord(intent.Symbol, cloid?.Value, toSend, toResponse);
    }

    private static (decimal Filled, decimal? Average) ReadFill(ExchangeResult<IReadOnlyList<OrderStatus>> result) =>
        result.IsSuccess && result.Value.Count > 0 && result.Value[0] is OrderFilled f ? (f.TotalSize, f.AveragePrice) : (0m, null);

    private static long? OidOf(OrderStatus? status) => status switch
    {
        OrderFilled f => f.Oid,
        OrderResting r => r.Oid,
        _ => null,
    };

    private static ActionRecord OrderRecord(string coin, string role, WireOrder order, Cloid cloid, ExchangeResult<IReadOnlyList<OrderStatus>> placed)
    {
        var status = placed.IsSuccess && placed.Value.Count > 0 ? placed.Value[0] : null;
        var error = !placed.IsSuccess ? placed.Error : status is OrderRejected r ? new VenueError(r.Class, r.Message) : null;
        var result = status switch
        {
            OrderFilled f when f.TotalSize < order.Size.Value => "partially_filled",
            OrderFilled => "filled",
            OrderResting => "resting",
            _ when placed is { IsSuccess: false, Error.OutcomeUnknown: true } => "unresolved",
            _ => "rejected",
        };
        var qty = status is OrderFilled filled ? filled.TotalSize : order.Size.Value;
        var price = status is OrderFilled fill ? fill.AveragePrice : order.Price.Value;
        return Record(coin, role, qty, price, OidOf(status), cloid, result, error);
    }

    private static ActionRecord Record(string coin, string action, decimal? qty, decimal? price, long? oid, Cloid? cloid, string result, VenueError? error, int attempts = 1) => new()
    {
        Symbol = coin,
        Action = action,
        Qty = qty,
        Price = price,
        OrderId = oid,
        Cloid = cloid?.Value,
        Result = result,
        ErrorClass = error is null ? null : ErrorClassCodes.Of(error.Class),
        ErrorDetail = error?.Message,
        Attempts = attempts,
    };

    private static bool IsDown(VenueError? error) => error?.Class == ErrorClass.ExchangeDown;

    /// <summary>A formatted order, or why none can be sent.</summary>
    private sealed record Planned(WireOrder? Wire, string? Refusal)
    {
        public static Planned From(FormatResult<WireOrder> result) => result.IsOk ? new(result.Value, null) : new(null, result.Reason);
    }
}

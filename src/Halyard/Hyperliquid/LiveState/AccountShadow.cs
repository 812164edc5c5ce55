using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.Hyperliquid.LiveState;

/// <summary>What an <see cref="AccountShadow"/> is built from.</summary>
/// <param name="Info">The HTTP client of snapshots and resyncs.</param>
/// <param name="Account">The master account (never the agent wallet).</param>
/// <param name="Connector">Opens the WebSocket (venue URL, or the paper exchange in-process).</param>
/// <param name="Socket">Heartbeat and backoff.</param>
/// <param name="Clock">Stamps resyncs.</param>
public sealed record AccountShadowOptions(InfoClient Info, string Account, WebSocketConnector Connector, HyperliquidSocketOptions Socket, TimeProvider Clock)
{
    /// <summary>
    /// How the shadow polls the account (its snapshots, cross-checks and resyncs); null: <c>clearinghouseState</c> through
    /// <see cref="Info"/>. A replay passes its typed in-process reads (the same answers, no HTTP).
    /// </summary>
    public Func<CancellationToken, Task<Result<AccountSnapshot>>>? PollAccount { get; init; }

    /// <summary>How the shadow polls the resting orders; null: <c>frontendOpenOrders</c> through <see cref="Info"/>.</summary>
    public Func<CancellationToken, Task<Result<IReadOnlyList<OpenOrder>>>>? PollOrders { get; init; }
}

/// <summary>
/// The account's live state (the design's P2 shadow state): an HTTP snapshot (<c>clearinghouseState</c> and
/// <c>frontendOpenOrders</c>) followed by pushed events (<c>orderUpdates</c>, <c>userFills</c>,
/// <c>clearinghouseState</c>, <c>allMids</c>). An account push older than the state in hand (sent before an HTTP
/// snapshot was taken) is skipped. A gap — a reconnect (subscriptions and pushes do not survive one), or a
/// position the pushed fills do not explain (a lost message) — turns the shadow unsynced and resyncs it from HTTP
/// once the new subscriptions are live; every resync is recorded with what the shadow had wrong. Listeners hear every change in the order the venue pushed it.
/// </summary>
public sealed class AccountShadow : IAsyncDisposable
{
    private readonly AccountShadowOptions _options;
    private readonly HyperliquidSocket _socket;
    private readonly List<ShadowResync> _resyncs = [];
    private readonly HashSet<string> _seenFills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _fillDelta = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ShadowView _view = ShadowView.Empty;
    private string? _pendingResync = "initial snapshot";
    private long _ordersIncomplete;
    private long _stalePushes;

    public AccountShadow(AccountShadowOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _socket = new HyperliquidSocket(options.Connector, HandleAsync, options.Socket);
    }

    /// <summary>Called for every change, on the socket's receive loop, in push order. Set before <see cref="StartAsync"/>.</summary>
    public Func<ShadowEvent, ValueTask>? Listener { get; set; }

    public string Account => _options.Account;

    public ShadowView View => Volatile.Read(ref _view);

    /// <summary>How many resyncs <see cref="Resyncs"/> holds (they are only ever added), without copying them.</summary>
    public int ResyncCount
    {
        get
        {
            lock (_resyncs)
            {
                return _resyncs.Count;
            }
        }
    }

    /// <summary>Every resync so far, oldest first.</summary>
    public IReadOnlyList<ShadowResync> Resyncs
    {
        get
        {
            lock (_resyncs)
            {
                return [.. _resyncs];
            }
        }
    }

    /// <summary>Messages received on the socket so far.</summary>
    public long Received => _socket.Received;

    /// <summary>Account pushes older than the state in hand (generated before an HTTP snapshot), skipped.</summary>
    public long StalePushes => Interlocked.Read(ref _stalePushes);

    /// <summary>Connections made so far.</summary>
    public long Connections => _socket.Generation;

    /// <summary>
    /// True when an <c>orderUpdates</c> push announced a resting order without its trigger fields (the venue's
    /// <c>WsOrder</c> carries only the basic ones): the orders should be read over HTTP once.
    /// </summary>
    public bool OrdersIncomplete => Interlocked.Read(ref _ordersIncomplete) > 0;

    /// <summary>Subscribes, connects, and waits for the first snapshot (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var user = _options.Account;
        await _socket.SubscribeAsync(WsSubscription.OrderUpdates(user), cancellationToken).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.ClearinghouseState(user), cancellationToken).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.AllMids(), cancellationToken).ConfigureAwait(false);

        // Last: its snapshot proves every subscription above is live, so the HTTP snapshot taken then misses nothing.
        await _socket.SubscribeAsync(WsSubscription.UserFills(user), cancellationToken).ConfigureAwait(false);
        _socket.Start();
        await _firstSync.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until every message the venue sent before now has been applied (a ping round trip); false when the socket is down.</summary>
    public Task<bool> FlushAsync(CancellationToken cancellationToken) => _socket.FlushAsync(cancellationToken);

    /// <summary>
    /// Polls the venue and compares: the differences are returned and, when there are any, recorded as a
    /// resync (<c>cross-check</c>) and the polled state adopted. Null when the poll failed.
    /// </summary>
    public async Task<IReadOnlyList<ShadowDifference>?> CrossCheckAsync(CancellationToken cancellationToken)
    {
        var polled = await PollAsync(cancellationToken).ConfigureAwait(false);
        if (polled is not { } p)
        {
            return null;
        }

        var differences = ShadowComparison.Compare(View, p.Account, p.Orders);
        if (differences.Count > 0 || !View.IsSynced)
        {
            await AdoptAsync(p.Account, p.Orders, "cross-check", differences).ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _ordersIncomplete, 0);
        return differences;
    }

    /// <summary>
    /// When a pushed order came without its trigger fields (<see cref="OrdersIncomplete"/>): polls and adopts the
    /// venue's state (recorded as a resync, with the differences if any). False when the poll failed.
    /// </summary>
    public async Task<bool> CompleteOrdersAsync(CancellationToken cancellationToken)
    {
        var polled = await PollAsync(cancellationToken).ConfigureAwait(false);
        if (polled is not { } p)
        {
            return false;
        }

        var differences = ShadowComparison.Compare(View, p.Account, p.Orders);
        await AdoptAsync(p.Account, p.Orders, "orders pushed without their trigger fields", differences).ConfigureAwait(false);
        Interlocked.Exchange(ref _ordersIncomplete, 0);
        return true;
    }

    /// <summary>Aborts the connection (as the network would); the socket reconnects and the shadow resyncs.</summary>
    public void Drop() => _socket.Drop();

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private async ValueTask HandleAsync(WsMessage message)
    {
        switch (message)
        {
            case WsConnected connected:
                _pendingResync = connected.Generation == 1 ? "initial snapshot" : "reconnect";
                Unsync();
                break;
            case WsDisconnected:
                Unsync();
                break;
            case WsUserFills { IsSnapshot: true } snapshot:
                foreach (var fill in snapshot.Fills)
                {
                    _seenFills.Add(FillKey(fill));
                }

                await ResyncAsync(_pendingResync ?? "fills snapshot").ConfigureAwait(false);
                break;
            case WsUserFills fills when View.IsSynced:
                await ApplyFillsAsync(fills.Fills).ConfigureAwait(false);
                break;
            case WsOrderUpdates updates when View.IsSynced:
                await ApplyOrdersAsync(updates.Updates).ConfigureAwait(false);
                break;
            case WsClearinghouseState state when View.IsSynced:
                await ApplyAccountAsync(state.Account).ConfigureAwait(false);
                break;
            case WsAllMids mids:
                var view = View;
                Volatile.Write(ref _view, view with { Mids = mids.Mids });
                break;
        }
    }

    private void Unsync()
    {
        var view = View;
        if (view.IsSynced)
        {
            Volatile.Write(ref _view, view with { IsSynced = false });
        }
    }

    private async Task ApplyFillsAsync(IReadOnlyList<UserFill> fills)
    {
        foreach (var fill in fills)
        {
            if (!_seenFills.Add(FillKey(fill)))
            {
                continue;
            }

            var view = View;
            Volatile.Write(ref _view, view with { FillsSinceSnapshot = [.. view.FillsSinceSnapshot, fill] });
            if (view.Account is not { } account || fill.Time >= account.Time)
            {
                // A fill older than the account in hand is already in its positions (one of the same millisecond may not be).
                _fillDelta[fill.Coin] = _fillDelta.GetValueOrDefault(fill.Coin) + (fill.Side == OrderSide.Buy ? fill.Size : -fill.Size);
            }

            await NotifyAsync(new ShadowFill(fill)).ConfigureAwait(false);
        }
    }

    private async Task ApplyOrdersAsync(IReadOnlyList<OrderStatusReport> updates)
    {
        foreach (var update in updates)
        {
            var view = View;
            if (update.StatusTimestamp < view.SnapshotAt)
            {
                continue; // older than the snapshot, which already shows its effect
            }

            var orders = new Dictionary<long, OpenOrder>(view.Orders);
            if (update.IsOpen)
            {
                var isNew = !orders.ContainsKey(update.Order.Oid);
                if (isNew && update.Order.OrderType == InfoClient.UnreportedOrderType)
                {
                    Interlocked.Increment(ref _ordersIncomplete);
                }

                orders[update.Order.Oid] = update.Order;
                Volatile.Write(ref _view, view with { Orders = orders });
                if (isNew)
                {
                    await NotifyAsync(new ShadowOrderOpened(update)).ConfigureAwait(false);
                }

                continue;
            }

            orders.Remove(update.Order.Oid, out var previous);
            Volatile.Write(ref _view, view with { Orders = orders });
            await NotifyAsync(new ShadowOrderClosed(update, previous)).ConfigureAwait(false);
        }
    }

    private async Task ApplyAccountAsync(AccountSnapshot account)
    {
        var view = View;
        var previous = view.Account;
        if (previous is not null && account.Time < previous.Time)
        {
            // Generated before the state in hand (an HTTP snapshot taken while it was in flight): stale, not lost.
            // Resyncing here would poll again, and a push queued meanwhile would be older again: a loop that
            // spends the whole request budget. The next push brings the newer state.
            Interlocked.Increment(ref _stalePushes);
            return;
        }

        if (previous is not null)
        {
            foreach (var coin in Coins(previous, account))
            {
                var expected = (previous.PositionOf(coin)?.Size ?? 0m) + _fillDelta.GetValueOrDefault(coin);
                if ((account.PositionOf(coin)?.Size ?? 0m) != expected)
                {
                    _fillDelta.Clear();
                    await ResyncAsync("the pushed fills do not explain the " + coin + " position (a message was lost)").ConfigureAwait(false);
                    return;
                }
            }
        }

        _fillDelta.Clear();
        Volatile.Write(ref _view, View with { Account = account });
        if (previous is not null)
        {
            await NotifyPositionsAsync(previous, account).ConfigureAwait(false);
        }
    }

    private async Task ResyncAsync(string reason)
    {
        _pendingResync = null;
        var polled = await PollAsync(CancellationToken.None).ConfigureAwait(false);
        if (polled is not { } p)
        {
            _pendingResync = reason + " (HTTP snapshot failed; retried at the next push)";
            Unsync();
            return;
        }

        var before = View;
        var differences = before.Account is null ? [] : ShadowComparison.Compare(before, p.Account, p.Orders);
        await AdoptAsync(p.Account, p.Orders, reason, differences).ConfigureAwait(false);
        _firstSync.TrySetResult();
    }

    private async Task AdoptAsync(AccountSnapshot account, IReadOnlyList<OpenOrder> orders, string reason, IReadOnlyList<ShadowDifference> differences)
    {
        var before = View;
        _fillDelta.Clear();
        Volatile.Write(ref _view, new ShadowView(account, orders.ToDictionary(o => o.Oid), [], before.Mids, true, account.Time));
        var resync = new ShadowResync(_options.Clock.GetUtcNow(), reason, differences);
        lock (_resyncs)
        {
            _resyncs.Add(resync);
        }

        await NotifyAsync(new ShadowResynced(resync)).ConfigureAwait(false);
        if (before.Account is { } previous)
        {
            await NotifyPositionsAsync(previous, account).ConfigureAwait(false);
        }
    }

    private async Task<(AccountSnapshot Account, IReadOnlyList<OpenOrder> Orders)?> PollAsync(CancellationToken ct)
    {
        var account = _options.PollAccount is { } pollAccount
            ? await pollAccount(ct).ConfigureAwait(false)
            : await _options.Info.GetClearinghouseStateAsync(_options.Account, ct).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return null;
        }

        var orders = _options.PollOrders is { } pollOrders
            ? await pollOrders(ct).ConfigureAwait(false)
            : await _options.Info.GetFrontendOpenOrdersAsync(_options.Account, ct).ConfigureAwait(false);
        return orders.IsSuccess ? (account.Value, orders.Value) : null;
    }

    private async Task NotifyPositionsAsync(AccountSnapshot before, AccountSnapshot after)
    {
        foreach (var coin in Coins(before, after))
        {
            var was = before.PositionOf(coin)?.Size ?? 0m;
            var now = after.PositionOf(coin)?.Size ?? 0m;
            if (was != now)
            {
                await NotifyAsync(new ShadowPositionChanged(coin, was, now, after.Time)).ConfigureAwait(false);
            }
        }
    }

    private ValueTask NotifyAsync(ShadowEvent change) => Listener is { } listener ? listener(change) : ValueTask.CompletedTask;

    private static IEnumerable<string> Coins(AccountSnapshot a, AccountSnapshot b) =>
        a.Positions.Select(p => p.Coin).Concat(b.Positions.Select(p => p.Coin)).Distinct(StringComparer.Ordinal);

    private static string FillKey(UserFill fill) => fill.Tid is { } tid ? "t" + tid.ToString(System.Globalization.CultureInfo.InvariantCulture) : fill.Hash + "/" + fill.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Hyperliquid.LiveState;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.Cycle.Composition;

/// <summary>What a <see cref="LiveStateSession"/> connects with.</summary>
/// <param name="Connector">Opens the venue's <c>/ws</c> (the venue's URL, or the in-process paper exchange).</param>
/// <param name="Socket">Heartbeat and reconnection of the socket.</param>
/// <param name="CrossCheckEvery"><c>features.websocket_cross_check</c>.</param>
/// <param name="CatchUp">Lets an in-process venue publish what happened until now before a read and count its pushes (replays, see <see cref="LiveStateOptions.CatchUp"/>); null when the venue pushes by itself.</param>
public sealed record LiveStateSessionOptions(
    WebSocketConnector Connector,
    HyperliquidSocketOptions Socket,
    TimeSpan CrossCheckEvery,
    Func<long>? CatchUp = null)
{
    /// <summary>A pushed account older than this (venue time) is stale and polled instead.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a read waits for a ping round trip before it polls instead.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the start waits for the socket's first snapshot.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The WebSocket live state of one account (<c>features.websocket</c>): the <see cref="AccountShadow"/> on the
/// venue's <c>/ws</c>, the <see cref="LiveStateReader"/> the traders and their Orchestrators read instead of
/// polling, and the fan-out of the shadow's events to every trader's reactions (in trader order).
/// </summary>
public sealed class LiveStateSession : IAsyncDisposable
{
    private IReadOnlyList<Reactions.TraderReactions> _reactions = [];

    private LiveStateSession(AccountShadow shadow, LiveStateReader reader)
    {
        Shadow = shadow;
        Reader = reader;
        shadow.Listener = OnEventAsync;
    }

    public AccountShadow Shadow { get; }

    public LiveStateReader Reader { get; }

    /// <summary>Connects, subscribes and takes the first snapshot; or the error (ExchangeDown) when the socket did not come up in time.</summary>
    public static async Task<Result<LiveStateSession>> StartAsync(VenueConnection venue, LiveStateSessionOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(options);
        var account = venue.Identity.Account.Value;
        var polls = new AccountShadowOptions(venue.Info, account, options.Connector, options.Socket, clock);
        var shadow = new AccountShadow(venue.Typed is { } typed ? polls with { PollAccount = typed.GetAccountAsync, PollOrders = typed.GetOpenOrdersAsync } : polls);
        var reader = new LiveStateReader(venue.Reader, shadow, new LiveStateOptions(clock, options.CrossCheckEvery, options.MaxAge, options.FlushTimeout, options.CatchUp, venue.Timer));
        var session = new LiveStateSession(shadow, reader);
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        start.CancelAfter(options.StartTimeout);
        try
        {
            await shadow.StartAsync(start.Token).ConfigureAwait(false);
            return session;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            return new Error(ErrorClass.ExchangeDown, "the venue's WebSocket gave no snapshot within " + options.StartTimeout.TotalSeconds + " s");
        }
    }

    /// <summary>The traders whose reactions hear the shadow's events from now on.</summary>
    public void Attach(IReadOnlyList<TraderCycle> traders)
    {
        ArgumentNullException.ThrowIfNull(traders);
        var sequence = new Reactions.ReactionSequence();
        foreach (var trader in traders)
        {
            trader.Reactions.Sequence = sequence;
        }

        // A shadow trader's account is its own paper account: the live account's events are not its to react to.
        Volatile.Write(ref _reactions, [.. traders.Where(t => !t.Setup.Shadow).Select(t => t.Reactions)]);
    }

    /// <summary>
    /// Waits until every push so far is applied and every reaction it caused has run, including the reactions to
    /// the pushes those reactions caused (a replay driver calls it before moving its clock on).
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 100; round++)
        {
            var reactions = Volatile.Read(ref _reactions);
            var started = Started(reactions);
            await WhenIdleAsync(reactions).ConfigureAwait(false);
            if (!await Reader.CaughtUpAsync(cancellationToken).ConfigureAwait(false))
            {
                return; // the socket is down: the reads poll until it is back
            }

            await WhenIdleAsync(reactions).ConfigureAwait(false);
            if (Started(reactions) == started)
            {
                return;
            }
        }
    }

    private static long Started(IReadOnlyList<Reactions.TraderReactions> reactions)
    {
        var started = 0L;
        for (var i = 0; i < reactions.Count; i++)
        {
            started += reactions[i].Started;
        }

        return started;
    }

    /// <summary>Completes when every trader's reactions are idle (without a WhenAll when there is one trader, or none waits).</summary>
    private static Task WhenIdleAsync(IReadOnlyList<Reactions.TraderReactions> reactions)
    {
        if (reactions.Count == 1)
        {
            return reactions[0].WhenIdleAsync();
        }

        List<Task>? waiting = null;
        for (var i = 0; i < reactions.Count; i++)
        {
            var idle = reactions[i].WhenIdleAsync();
            if (!idle.IsCompletedSuccessfully)
            {
                (waiting ??= []).Add(idle);
            }
        }

        return waiting is null ? Task.CompletedTask : Task.WhenAll(waiting);
    }

    public ValueTask DisposeAsync() => Shadow.DisposeAsync();

    private async ValueTask OnEventAsync(ShadowEvent change)
    {
        foreach (var reactions in Volatile.Read(ref _reactions))
        {
            await reactions.OnShadowEventAsync(change).ConfigureAwait(false);
        }
    }
}

using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;

namespace Halyard.Cycle.Live;

/// <summary>The venue of a live run, its clock and what must be disposed with it.</summary>
public sealed class LiveVenue : IDisposable
{
    /// <summary>Attempts of each start-up probe read of a standalone paper exchange (transient answers are retried).</summary>
    private const int ProbeAttempts = 5;

    private readonly PaperExchangeEngine? _engine;
    private readonly CancellationTokenSource _pump = new();

    private LiveVenue(VenueConnection connection, TimeProvider clock, DateTimeOffset? end, string description, PaperExchangeEngine? engine, WebSocketConnector socket)
    {
        Connection = connection;
        Clock = clock;
        End = end;
        Description = description;
        Socket = socket;
        _engine = engine;
        if (engine is not null)
        {
            // Nobody else advances the embedded venue between requests: step it every second so triggers fire and
            // pushes go out when they happen (as the standalone server's pump does).
            _ = PumpAsync(engine, _pump.Token);
        }
    }

    public VenueConnection Connection { get; }

    /// <summary>The traders' clock: the system clock, or the embedded paper exchange's real-time replay of history.</summary>
    public TimeProvider Clock { get; }

    /// <summary>When the run must stop (the end of the paper exchange's data); null: never.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>Where orders go, for the console (never a key).</summary>
    public string Description { get; }

    /// <summary>Opens the venue's <c>/ws</c> (the WebSocket live state, <c>features.websocket</c>).</summary>
    public WebSocketConnector Socket { get; }

    /// <summary>
    /// Connects as configured: the embedded paper exchange replaying history in real time (default), a
    /// standalone paper exchange (<c>base_url</c>), or Hyperliquid testnet/mainnet with the signing key from
    /// <c>exchange.signer</c> (an environment variable or a key file; never printed). Problems are values.
    /// </summary>
    public static async Task<Result<LiveVenue>> ConnectAsync(
        HalyardConfig config, string runFolder, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var exchange = config.Exchange;
        if (exchange.Provider == ExchangeProvider.Paper && exchange.BaseUrl is null)
        {
            return Embedded(config, runFolder, environment);
        }

        var signing = Identity(exchange, environment);
        if (!signing.IsSuccess)
        {
            return signing.Error;
        }

        var identity = signing.Value;

        var endpoint = exchange.Provider switch
        {
            ExchangeProvider.Mainnet => exchange.BaseUrl is { } u ? new HyperliquidEndpoint(u, true) : HyperliquidEndpoint.Mainnet,
            ExchangeProvider.Testnet => exchange.BaseUrl is { } u ? new HyperliquidEndpoint(u, false) : HyperliquidEndpoint.Testnet,
            _ => new HyperliquidEndpoint(exchange.BaseUrl!, new PaperExchangeOptions().IsMainnet),
        };
        TimeProvider clock = TimeProvider.System;
        var speed = 1.0;
        if (exchange.Provider == ExchangeProvider.Paper)
        {
            // A standalone paper exchange replays history, maybe N× faster (--speed): trade on its clock at its
            // rate, measured from two account reads one second apart.
            using var probe = Connect(endpoint, identity, TimeProvider.System, null, 1.0);

            // clearinghouseState carries the venue's exact now (the order book's time is per price step). A first
            // read warms the path up; each timed read is placed at the midpoint of its round trip.
            var account = (identity.VaultAddress ?? identity.Account).Value;
            var (warm, _) = await ProbeReadAsync(probe, account, cancellationToken).ConfigureAwait(false);
            if (!warm.IsSuccess)
            {
                return warm.Error with { Message = $"the paper exchange at {endpoint.BaseUrl} did not answer: {warm.Error.Message}" };
            }

            var (first, firstAt) = await TimedReadAsync(probe, account, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var (second, secondAt) = await TimedReadAsync(probe, account, cancellationToken).ConfigureAwait(false);
            if (first is null || second is null)
            {
                return new Error(ErrorClass.ExchangeDown, $"the paper exchange at {endpoint.BaseUrl} stopped answering");
            }

            speed = VenueRate(second.Value - first.Value, TimeSpan.FromSeconds((secondAt - firstAt) / (double)TimeProvider.System.TimestampFrequency));
            var venueNow = second.Value + (TimeProvider.System.GetElapsedTime(secondAt) * speed);
            clock = speed == 1.0
                ? new OffsetClock(TimeProvider.System, venueNow - TimeProvider.System.GetUtcNow())
                : new ScaledClock(TimeProvider.System, venueNow, speed);
        }

        var connection = Connect(endpoint, identity, clock, config.Execution.ExpiresAfter, speed);
        var rate = speed == 1.0 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (its clock runs {speed}× real time: cycles come {speed}× faster)");
        return new LiveVenue(connection, clock, null, $"{Names.Of(exchange.Provider)} at {endpoint.BaseUrl} as {identity.Account}{rate}", null, HyperliquidSocket.ClientConnector(endpoint.WebSocketUrl));
    }

    /// <summary>The venue's now from one account read, and the real timestamp of the read's midpoint (of the attempt that answered).</summary>
    private static async Task<(DateTimeOffset? VenueNow, long RealAt)> TimedReadAsync(VenueConnection probe, string account, CancellationToken ct)
    {
        var (read, realAt) = await ProbeReadAsync(probe, account, ct).ConfigureAwait(false);
        return (read.IsSuccess ? read.Value.Time : null, realAt);
    }

    /// <summary>
    /// One account read of the start-up probe and the real timestamp of its answering attempt's midpoint, retried (at
    /// most <see cref="ProbeAttempts"/> times) on a transient answer: a 429 after its <c>Retry-After</c> (at most 30 s),
    /// a 5xx or a lost connection after 1 s. A restart must not fail because the venue shed one request (a restarted
    /// process shares the address's weight budget with whatever ran before it).
    /// </summary>
    private static async Task<(Result<AccountSnapshot> Read, long RealAt)> ProbeReadAsync(VenueConnection probe, string account, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = TimeProvider.System.GetTimestamp();
            var read = await probe.Info.GetClearinghouseStateAsync(account, ct).ConfigureAwait(false);
            var after = TimeProvider.System.GetTimestamp();
            if (read.IsSuccess || attempt == ProbeAttempts || !Retryable(read.Error))
            {
                return (read, before + ((after - before) / 2));
            }

            await Task.Delay(ProbeBackoff(read.Error), TimeProvider.System, ct).ConfigureAwait(false);
        }
    }

    private static bool Retryable(Error error) => error.Class.IsTransient() || error.Class == ErrorClass.ExchangeDown;

    private static TimeSpan ProbeBackoff(Error error) =>
        error.RetryAfter is { } after && after > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(after.Ticks, TimeSpan.FromSeconds(30).Ticks)) : TimeSpan.FromSeconds(1);

    /// <summary>
    /// The venue clock's rate from how far it moved in <paramref name="real"/>: 1 unless clearly faster, else the
    /// nearest whole multiple (the paper exchange's <c>--speed</c> is a whole number in practice).
    /// </summary>
    internal static double VenueRate(TimeSpan venue, TimeSpan real)
    {
        var rate = real > TimeSpan.Zero ? venue / real : 1.0;
        return rate < 1.5 ? 1.0 : Math.Round(rate);
    }

    /// <param name="speed">The venue clock's rate: request timeouts are venue time, so they are scaled to stay the same
    /// in real time; <c>expiresAfter</c> is not (nonces and expiry are on the protocol clock, the wall clock).</param>
    private static VenueConnection Connect(HyperliquidEndpoint endpoint, SigningIdentity identity, TimeProvider clock, TimeSpan? expiresAfter, double speed) => new(new VenueConnectionOptions
    {
        ExpiresAfter = expiresAfter,
        RequestTimeout = TimeSpan.FromSeconds(10) * speed,
        Handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        Endpoint = endpoint,
        Identity = identity,
        Clock = clock,
        Protocol = TimeProvider.System,
        Wall = clock,
    });

    public void Dispose()
    {
        _pump.Cancel();
        Connection.Dispose();
        _engine?.Dispose();
        _pump.Dispose();
    }

    private static async Task PumpAsync(PaperExchangeEngine engine, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                engine.Synchronize();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static Result<LiveVenue> Embedded(HalyardConfig config, string runFolder, Func<string, string?> environment)
    {
        var data = config.PaperExchange.DataDir is { } dir ? MarketDataSet.FromDirectory(dir) : MarketDataSet.Embedded;
        var options = new PaperExchangeOptions();
        var resolved = ReplayWindow.Resolve(data, options.PriceInterval, config.Replay.From, config.Replay.To);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var signing = config.Exchange.Signer is null ? SigningIdentity.ForAccount(PaperAccount.Key()) : Identity(config.Exchange, environment);
        if (!signing.IsSuccess)
        {
            return signing.Error;
        }

        var (window, identity) = (resolved.Value, signing.Value);

        var clock = new ScaledClock(TimeProvider.System, window.From, 1.0, window.To);
        var paper = config.PaperExchange.ToOptions(identity.Account.Value, Path.Combine(runFolder, ReplayRunner.AuditFileName));
        var engine = new PaperExchangeEngine(paper, clock, data);
        var connection = new VenueConnection(new VenueConnectionOptions
        {
            Handler = engine.CreateHandler(),
            Endpoint = new HyperliquidEndpoint(new Uri("http://paper.invalid/"), paper.IsMainnet),
            Identity = identity,
            Clock = clock,
            Wall = clock,
            ExpiresAfter = config.Execution.ExpiresAfter,
        });
        var description = $"the embedded paper exchange replaying {window.From:yyyy-MM-dd HH:mm} → {window.To:yyyy-MM-dd HH:mm} UTC in real time, account {identity.Account}";
        return new LiveVenue(connection, clock, window.To, description, engine, engine.InProcessWebSocket(TimeProvider.System));
    }

    /// <summary>The signing identity from <c>exchange.signer</c> and <c>exchange.account_address</c>; the key is never echoed.</summary>
    private static Result<SigningIdentity> Identity(ExchangeConfig exchange, Func<string, string?> environment)
    {
        if (exchange.Signer is not { } signer)
        {
            return Error.Invalid("exchange.signer is required for " + Names.Of(exchange.Provider));
        }

        PrivateKey key;
        try
        {
            key = signer.KeyEnv is { } env ? PrivateKey.FromVariable(env, environment(env)) : PrivateKey.FromFile(signer.KeyFile!);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            return Error.Invalid("exchange.signer: " + ex.Message);
        }

        EthAddress? vault = exchange.VaultAddress is { } v ? EthAddress.Parse(v) : null;
        return exchange.AccountAddress is { } account
            ? SigningIdentity.ForAgent(key, EthAddress.Parse(account), vault)
            : SigningIdentity.ForAccount(key, vault);
    }
}

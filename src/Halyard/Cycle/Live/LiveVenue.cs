using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;

namespace Halyard.Cycle.Live;

/// <summary>The venue of a live run, its clock and what must be disposed with it.</summary>
public sealed class LiveVenue : IDisposable
{
    private readonly PaperExchangeEngine? _engine;

    private LiveVenue(VenueConnection connection, TimeProvider clock, DateTimeOffset? end, string description, PaperExchangeEngine? engine)
    {
        Connection = connection;
        Clock = clock;
        End = end;
        Description = description;
        _engine = engine;
    }

    public VenueConnection Connection { get; }

    /// <summary>The traders' clock: the system clock, or the embedded paper exchange's real-time replay of history.</summary>
    public TimeProvider Clock { get; }

    /// <summary>When the run must stop (the end of the paper exchange's data); null: never.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>Where orders go, for the console (never a key).</summary>
    public string Description { get; }

    /// <summary>
    /// Connects as configured: the embedded paper exchange replaying history in real time (default), a
    /// standalone paper exchange (<c>base_url</c>), or Hyperliquid testnet/mainnet with the signing key from
    /// <c>exchange.signer</c> (an environment variable or a key file; never printed). Problems are values.
    /// </summary>
    public static async Task<(LiveVenue? Venue, string? Error)> ConnectAsync(
        HalyardConfig config, string runFolder, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var exchange = config.Exchange;
        if (exchange.Provider == ExchangeProvider.Paper && exchange.BaseUrl is null)
        {
            return Embedded(config, runFolder, environment);
        }

        var (identity, error) = Identity(exchange, environment);
        if (identity is null)
        {
            return (null, error);
        }

        var endpoint = exchange.Provider switch
        {
            ExchangeProvider.Mainnet => exchange.BaseUrl is { } u ? new HyperliquidEndpoint(u, true) : HyperliquidEndpoint.Mainnet,
            ExchangeProvider.Testnet => exchange.BaseUrl is { } u ? new HyperliquidEndpoint(u, false) : HyperliquidEndpoint.Testnet,
            _ => new HyperliquidEndpoint(exchange.BaseUrl!, new PaperExchangeOptions().IsMainnet),
        };
        var clock = TimeProvider.System;
        if (exchange.Provider == ExchangeProvider.Paper)
        {
            // A standalone paper exchange replays history: trade on its clock, read once from its order book;
            // nonces stay on the wall clock (the venue judges them on its wall time, like the real one).
            using var probe = Connect(endpoint, identity, TimeProvider.System);
            var book = await probe.Info.GetL2BookAsync("BTC", cancellationToken).ConfigureAwait(false);
            if (!book.IsSuccess)
            {
                return (null, $"the paper exchange at {endpoint.BaseUrl} did not answer: {book.Error.Message}");
            }

            clock = new OffsetClock(TimeProvider.System, book.Value.Time - TimeProvider.System.GetUtcNow());
        }

        var connection = Connect(endpoint, identity, clock);
        return (new LiveVenue(connection, clock, null, $"{Names.Of(exchange.Provider)} at {endpoint.BaseUrl} as {identity.Account}", null), null);
    }

    private static VenueConnection Connect(HyperliquidEndpoint endpoint, SigningIdentity identity, TimeProvider clock) => new(new VenueConnectionOptions
    {
        Handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        Endpoint = endpoint,
        Identity = identity,
        Clock = clock,
        Protocol = TimeProvider.System,
        Wall = clock,
    });

    public void Dispose()
    {
        Connection.Dispose();
        _engine?.Dispose();
    }

    private static (LiveVenue?, string?) Embedded(HalyardConfig config, string runFolder, Func<string, string?> environment)
    {
        var data = config.PaperExchange.DataDir is { } dir ? MarketDataSet.FromDirectory(dir) : MarketDataSet.Embedded;
        var options = new PaperExchangeOptions();
        var (window, error) = ReplayWindow.Resolve(data, options.PriceInterval, config.Replay.From, config.Replay.To);
        if (window is null)
        {
            return (null, error);
        }

        var (identity, keyError) = config.Exchange.Signer is null ? (SigningIdentity.ForAccount(PaperAccount.Key()), null) : Identity(config.Exchange, environment);
        if (identity is null)
        {
            return (null, keyError);
        }

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
        });
        var description = $"the embedded paper exchange replaying {window.From:yyyy-MM-dd HH:mm} → {window.To:yyyy-MM-dd HH:mm} UTC in real time, account {identity.Account}";
        return (new LiveVenue(connection, clock, window.To, description, engine), null);
    }

    /// <summary>The signing identity from <c>exchange.signer</c> and <c>exchange.account_address</c>; the key is never echoed.</summary>
    private static (SigningIdentity?, string?) Identity(ExchangeConfig exchange, Func<string, string?> environment)
    {
        if (exchange.Signer is not { } signer)
        {
            return (null, "exchange.signer is required for " + Names.Of(exchange.Provider));
        }

        PrivateKey key;
        try
        {
            key = signer.KeyEnv is { } env ? PrivateKey.FromVariable(env, environment(env)) : PrivateKey.FromFile(signer.KeyFile!);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            return (null, "exchange.signer: " + ex.Message);
        }

        EthAddress? vault = exchange.VaultAddress is { } v ? EthAddress.Parse(v) : null;
        return exchange.AccountAddress is { } account
            ? (SigningIdentity.ForAgent(key, EthAddress.Parse(account), vault), null)
            : (SigningIdentity.ForAccount(key, vault), null);
    }
}

using Halyard.Cycle.Replay;
using System.Globalization;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Audit;
using Halyard.PaperExchange.Clock;

namespace Halyard.Tests.Execution.Support;

/// <summary>
/// The Orchestrator against the paper exchange through the REAL ExchangeClient (real keys and signatures)
/// and InfoClient, in-process (no sockets), on a <see cref="ReplayClock"/>: the venue's clock and the HTTP
/// timeouts run on it, so a simulated hang costs no real time. The Orchestrator waits (backoff) on a
/// <see cref="ReplayWaitClock"/> that spends those waits on the replay clock at once, and measures latency
/// with the real stopwatch. A <see cref="TimedHandler"/> records the time spent inside the venue.
/// </summary>
internal sealed class PaperSut : IDisposable
{
    public const string Trader = "paper-t01";

    /// <summary>Public test key of the Python SDK's test suite (never funded anywhere real).</summary>
    public static readonly PrivateKey Key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");

    public static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;
    private readonly StringWriter _audit = new(CultureInfo.InvariantCulture);

    public PaperSut(PaperExchangeOptions? paper = null, OrchestratorOptions? options = null, decimal usdc = 100_000m)
    {
        Clock = new ReplayClock(Start);
        Account = Key.Address.Value;
        var configured = paper ?? new PaperExchangeOptions();
        Engine = new PaperExchangeEngine(configured with { Accounts = [new FundedAccount(Account, usdc), .. configured.Accounts] }, Clock, null, new AuditLog(_audit));
        Network = new TimedHandler(Engine.CreateHandler());
        _http = new HttpClient(Network);
        var transport = new HyperliquidHttp(
            _http,
            new HyperliquidHttpOptions
            {
                Endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true),
                Timeout = TimeSpan.FromSeconds(10),
                Budget = new WeightBudgetOptions { Capacity = 1_000_000, Mode = WeightBudgetMode.Fail },
            },
            Clock);
        Exchange = new ExchangeClient(transport, SigningIdentity.ForAccount(Key), new NonceGenerator(Clock), new ExchangeClientOptions { IsMainnet = true });
        Info = new InfoClient(transport);
        Ledger = new InMemoryIntentLedger();
        OrchestratorClock = new ReplayWaitClock(Clock, TimeProvider.System);
        Orchestrator = new Orchestrator(new OrchestratorSetup(Trader, Exchange, Info, Ledger, OrchestratorClock, options ?? new OrchestratorOptions(), new Random(11)));
    }

    public ReplayClock Clock { get; }

    public ReplayWaitClock OrchestratorClock { get; }

    public string Account { get; }

    public PaperExchangeEngine Engine { get; }

    public TimedHandler Network { get; }

    public ExchangeClient Exchange { get; }

    public InfoClient Info { get; }

    public IIntentLedger Ledger { get; }

    public Orchestrator Orchestrator { get; }

    /// <summary>The /exchange audit lines so far (one JSON object per request).</summary>
    public string AuditText => _audit.ToString();

    public static OpenIntent Open(string symbol, PositionSide side, decimal usd, decimal? stop, decimal? target, long cycle, int leverage = 5) => new()
    {
        TraderId = Trader,
        Cycle = cycle,
        DecisionId = string.Create(CultureInfo.InvariantCulture, $"d{cycle}-{symbol}"),
        Symbol = symbol,
        Side = side,
        Size = OrderSize.Usd(usd),
        Leverage = leverage,
        StopLoss = stop,
        TakeProfit = target,
    };

    public static CloseIntent Close(string symbol, PositionSide side, long cycle) => new()
    {
        TraderId = Trader,
        Cycle = cycle,
        DecisionId = string.Create(CultureInfo.InvariantCulture, $"c{cycle}-{symbol}"),
        Symbol = symbol,
        Side = side,
    };

    /// <summary>Reads until it succeeds (the test's own reads go through the same faulty network); a 429 is waited out on the replay clock.</summary>
    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<Result<T>>> read)
        where T : notnull
    {
        for (var i = 0; i < 100; i++)
        {
            var result = await read(CancellationToken.None);
            if (result.IsSuccess)
            {
                return result.Value;
            }

            Clock.Advance(result.Error.RetryAfter ?? TimeSpan.FromMilliseconds(200));
        }

        throw new InvalidOperationException("The paper exchange could not be read 100 times in a row.");
    }

    public Task<AccountSnapshot> StateAsync() => ReadAsync(ct => Info.GetClearinghouseStateAsync(Account, ct));

    public Task<IReadOnlyList<OpenOrder>> OpenOrdersAsync() => ReadAsync(ct => Info.GetFrontendOpenOrdersAsync(Account, ct));

    public Task<IReadOnlyDictionary<string, decimal>> MidsAsync() => ReadAsync(Info.GetAllMidsAsync);

    public void Dispose()
    {
        Engine.Dispose();
        _http.Dispose();
        _audit.Dispose();
    }
}

/// <summary>
/// Records, with the real stopwatch, when each request was inside the venue (network + venue time), and when
/// each /exchange request carrying a given cloid first arrived (the moment an order was really sent).
/// </summary>
internal sealed class TimedHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Lock _gate = new();
    private readonly List<(long Start, long End)> _spans = [];
    private readonly Dictionary<string, long> _firstSent = new(StringComparer.Ordinal);

    public int Requests
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    /// <summary>Stopwatch ticks spent inside the venue between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public long InsideBetween(long from, long to)
    {
        lock (_gate)
        {
            long total = 0;
            for (var i = _spans.Count - 1; i >= 0; i--)
            {
                var (start, end) = _spans[i];
                if (end <= from)
                {
                    break;
                }

                total += Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
            }

            return total;
        }
    }

    /// <summary>When an /exchange request carrying <paramref name="cloid"/> first reached the handler, or null.</summary>
    public long? FirstSent(string cloid)
    {
        lock (_gate)
        {
            return _firstSent.TryGetValue(cloid, out var at) ? at : null;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = TimeProvider.System.GetTimestamp();
        if (request.RequestUri!.AbsolutePath == "/exchange" && request.Content is { } content)
        {
            var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            for (var at = body.IndexOf("\"c\":\"0x", StringComparison.Ordinal); at >= 0; at = body.IndexOf("\"c\":\"0x", at + 1, StringComparison.Ordinal))
            {
                var cloid = body.Substring(at + 5, 34);
                lock (_gate)
                {
                    _firstSent.TryAdd(cloid, start);
                }
            }
        }

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var end = TimeProvider.System.GetTimestamp();
            lock (_gate)
            {
                _spans.Add((start, end));
            }
        }
    }
}

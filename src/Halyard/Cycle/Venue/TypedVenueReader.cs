using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Hyperliquid.RateLimit;
using Halyard.MarketData;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Protocol;

namespace Halyard.Cycle.Venue;

/// <summary>How many reads a <see cref="TypedVenueReader"/> served, by <c>/info</c> request type.</summary>
public sealed record TypedReadCounts(IReadOnlyDictionary<string, long> ByType)
{
    public long Total => ByType.Values.Sum();
}

/// <summary>
/// The replay's typed read path (<c>replay.reads: typed</c>): the reads the cycle makes (<c>clearinghouseState</c>,
/// <c>frontendOpenOrders</c>, <c>metaAndAssetCtxs</c>, <c>allMids</c>, <c>userFillsByTime</c>, <c>userFunding</c>,
/// <c>candleSnapshot</c>) answered by the in-process paper exchange as wire records, without JSON, and mapped by the
/// same <see cref="InfoMapper"/> as the HTTP client's answers. Each read takes the same weight from the client's
/// budget and the venue's per-IP budget as its HTTP request would, and fails the same way when refused. Orders
/// never come here: they travel the real path (sign → HTTP handler → signature recovery → engine → JSON → client).
/// The same replay both ways journals the same cycles (a test compares them).
/// </summary>
public sealed class TypedVenueReader : IVenueReader, ICandleSource, Execution.IPolledState
{
    private readonly PaperExchangeEngine _engine;
    private readonly WeightBudget _budget;
    private readonly TimeProvider _clock;
    private readonly string _user;
    private readonly VenueTimer? _timer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly MappedFills _fills = new();
    // What was mapped last, each swapped whole (a reference: concurrent readers see the old or the new one).
    private KeptMeta? _meta;
    private KeptContexts? _contexts;
    private KeptUser? _lastUser;

    /// <param name="engine">The in-process paper exchange (<see cref="PaperExchangeEngine.ServesTypedReads"/> must hold).</param>
    /// <param name="budget">The client's weight budget (the one the HTTP client of the same venue takes from).</param>
    /// <param name="clock">The traders' clock (a 429's block lasts until its time + Retry-After).</param>
    /// <param name="account">The account read (the master address).</param>
    /// <param name="timer">Takes the engine's part of each read as time outside the process (as for an HTTP read); null: not measured.</param>
    public TypedVenueReader(PaperExchangeEngine engine, WeightBudget budget, TimeProvider clock, string account, VenueTimer? timer = null)
    {
        _timer = timer;
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _user = InfoRequest.Account(account).ToLowerInvariant();
        if (!engine.ServesTypedReads)
        {
            throw new ArgumentException("The paper exchange injects /info faults: typed reads would skip them.", nameof(engine));
        }
    }

    /// <summary>Reads served so far, by request type.</summary>
    public TypedReadCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new TypedReadCounts(new Dictionary<string, long>(_counts, StringComparer.Ordinal));
            }
        }
    }

    public Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken) => AccountOf(_user, cancellationToken);

    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) => OpenOrdersOf(_user, cancellationToken);

    /// <summary>The Orchestrator's account reads (a close's flat check), typed.</summary>
    public Task<Result<AccountSnapshot>> GetAccountAsync(string account, CancellationToken cancellationToken) =>
        AccountOf(User(account), cancellationToken);

    /// <summary>The Orchestrator's open-order reads (a close's cancels, reconciliation), typed.</summary>
    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(string account, CancellationToken cancellationToken) =>
        OpenOrdersOf(User(account), cancellationToken);

    public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken) =>
        ReadAsync<(MetaWire Meta, IReadOnlyList<AssetCtxWire> Contexts), PerpUniverse>(
            "metaAndAssetCtxs", (a, now) => (a.Meta(), a.AssetContexts(now)), answer => Universe(Instruments(answer.Meta), answer.Contexts), null, cancellationToken);

    public Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<string, decimal>, IReadOnlyDictionary<string, decimal>>("allMids", (a, now) => a.AllMids(now), mids => mids, null, cancellationToken);

    public async Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var history = await GetFillHistoryAsync(new FillHistoryQuery(_user, start, end), cancellationToken).ConfigureAwait(false);
        return history.Map<IReadOnlyList<UserFill>>(h => [.. h.Fills.OrderBy(f => f.Time).ThenBy(f => f.Tid ?? 0)]);
    }

    /// <summary>The Orchestrator's fill reads (a close's PnL, the reconciliation's): the same <c>userFillsByTime</c> pages, typed.</summary>
    public Task<Result<UserFillHistory>> GetFillHistoryAsync(FillHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var user = User(query.Account);
        return FillPager.CollectAsync(
            query,
            (range, ct) => ReadAsync<IReadOnlyList<UserFillWire>, IReadOnlyList<UserFill>>(
                "userFillsByTime",
                (a, _) => a.FillsByTime(user, InfoRequest.Ms(range.Start), range.End is { } e ? InfoRequest.Ms(e) : null),
                _fills.Map,
                list => list.Count,
                ct),
            cancellationToken);
    }

    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<UserFundingWire>, IReadOnlyList<UserFundingEntry>>(
            "userFunding",
            (a, _) => a.UserFunding(_user, InfoRequest.Ms(start), InfoRequest.Ms(end)),
            list => list.Select(InfoMapper.ToUserFunding).ToArray(),
            list => list.Count,
            cancellationToken);

    public Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var name = InfoRequest.Coin(coin);
        return ReadAsync<IReadOnlyList<CandleWire>, IReadOnlyList<Candle>>(
            "candleSnapshot",
            (a, now) => a.Candles(name, interval.Name, startMs, endMs, now),
            ToCandles,
            list => list.Count,
            cancellationToken);
    }

    private Task<Result<AccountSnapshot>> AccountOf(string user, CancellationToken cancellationToken) =>
        ReadAsync("clearinghouseState", (a, now) => a.ClearinghouseState(user, now), wire => InfoMapper.ToAccount(wire, _clock.GetUtcNow()), null, cancellationToken);

    private Task<Result<IReadOnlyList<OpenOrder>>> OpenOrdersOf(string user, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<InfoOrderWire>, IReadOnlyList<OpenOrder>>(
            "frontendOpenOrders", (a, _) => a.FrontendOpenOrders(user), list => list.Select(InfoMapper.ToOpenOrder).ToArray(), null, cancellationToken);

    /// <summary>The account as the venue keys it (checked, lower case); the last one asked is kept (the Orchestrator asks for the same every cycle).</summary>
    private string User(string account)
    {
        if (Volatile.Read(ref _lastUser) is { } kept && string.Equals(kept.Account, account, StringComparison.Ordinal))
        {
            return kept.User;
        }

        var user = InfoRequest.Account(account).ToLowerInvariant();
        Volatile.Write(ref _lastUser, new KeptUser(account, user));
        return user;
    }

    private static IReadOnlyList<Candle> ToCandles(IReadOnlyList<CandleWire> wires)
    {
        var candles = new Candle[wires.Count];
        for (var i = 0; i < candles.Length; i++)
        {
            candles[i] = InfoMapper.ToCandle(wires[i]);
        }

        return candles;
    }

    /// <summary>
    /// <see cref="InfoMapper.ToUniverse(IReadOnlyList{InstrumentRules}, IReadOnlyList{AssetCtxWire})"/>, reusing the mapped
    /// context of every asset whose wire record is the one mapped last time (the engine hands the same record while a
    /// coin has no data: ~190 of the ~200 every cycle), as the HTTP client's <see cref="UniverseReader"/> does by bytes.
    /// </summary>
    private PerpUniverse Universe(IReadOnlyList<InstrumentRules> instruments, IReadOnlyList<AssetCtxWire> wires)
    {
        if (instruments.Count != wires.Count)
        {
            return InfoMapper.ToUniverse(instruments, wires); // throws the client's InfoFormatException
        }

        var kept = _contexts;
        var contexts = new AssetContext[wires.Count];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = kept is not null && kept.Wires.Count == wires.Count && ReferenceEquals(kept.Wires[i], wires[i]) && kept.Contexts[i].Coin == instruments[i].Name
                ? kept.Contexts[i]
                : InfoMapper.ToContext(instruments[i], wires[i]);
        }

        _contexts = new KeptContexts(wires, contexts);
        return new PerpUniverse(instruments, contexts);
    }

    /// <summary>The instruments of the <c>meta</c> half, mapped once (the engine hands the same record every time).</summary>
    private IReadOnlyList<InstrumentRules> Instruments(MetaWire meta)
    {
        var kept = _meta;
        if (kept is null || !ReferenceEquals(kept.Wire, meta))
        {
            kept = new KeptMeta(meta, InfoMapper.ToInstruments(meta));
            _meta = kept;
        }

        return kept.Instruments;
    }

    /// <summary>One read, as <see cref="InfoClient"/> makes it: weight first, the answer, the per-item surcharge, the mapping.</summary>
    private async Task<Result<TOut>> ReadAsync<TWire, TOut>(
        string type,
        Func<TypedInfoAnswers, long, TWire> read,
        Func<TWire, TOut> map,
        Func<TWire, int>? countItems,
        CancellationToken cancellationToken)
        where TOut : notnull
    {
        var refused = await _budget.AcquireAsync(RequestWeights.Info(type), cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        lock (_gate)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, type, out _)++;
        }

        var started = _timer?.Wall.GetTimestamp() ?? 0;
        var answer = _engine.ReadTyped(type, read);
        _timer?.AddOutside(started, _timer.Wall.GetTimestamp());
        if (!answer.IsSuccess)
        {
            if (answer.Error.RetryAfter is { } wait)
            {
                _budget.BlockUntil(_clock.GetUtcNow() + wait);
            }

            return answer.Error;
        }

        if (countItems is not null)
        {
            _budget.Charge(RequestWeights.InfoItemsSurcharge(type, countItems(answer.Value)));
        }

        try
        {
            return map(answer.Value);
        }
        catch (InfoFormatException ex)
        {
            return InfoClient.Malformed(type, ex.Message);
        }
    }

    private sealed record KeptMeta(MetaWire Wire, IReadOnlyList<InstrumentRules> Instruments);

    private sealed record KeptUser(string Account, string User);

    private sealed record KeptContexts(IReadOnlyList<AssetCtxWire> Wires, AssetContext[] Contexts);
}

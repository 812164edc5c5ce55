using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Hyperliquid.RateLimit;

namespace Halyard.Hyperliquid.Info;

/// <summary>
/// Typed <c>/info</c> queries (protocol §4). Every call returns a <see cref="Result{T}"/>: the mapped
/// value, or a classified <see cref="Error"/> (transport failures from <see cref="HyperliquidHttp"/>; a
/// response that is not the expected shape is <see cref="ErrorClass.Unknown"/>). Each request takes its
/// documented weight from the client's budget; list endpoints add their per-item surcharge after the response.
/// User queries take the <b>account</b> (master, sub-account or vault address), never the agent wallet:
/// the venue answers an agent address with empty data.
/// </summary>
public sealed class InfoClient
{
    /// <summary><see cref="OpenOrder.OrderType"/> when the venue does not say (the plain <c>openOrders</c> request).</summary>
    public const string UnreportedOrderType = "Unreported";

    private const string Path = "/info";

    private readonly HyperliquidHttp _http;
    private readonly UniverseReader _universe = new();

    public InfoClient(HyperliquidHttp http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    private static InfoJsonContext Json => InfoJsonContext.Default;

    /// <summary><c>meta</c>: the perpetual universe; asset id = index.</summary>
    public Task<Result<IReadOnlyList<InstrumentRules>>> GetMetaAsync(CancellationToken cancellationToken) =>
        QueryAsync(new Query<MetaWire, IReadOnlyList<InstrumentRules>>("meta", null, Json.MetaWire, InfoMapper.ToInstruments), cancellationToken);

    /// <summary>
    /// <c>metaAndAssetCtxs</c>: the universe and every asset's mark, oracle, funding, open interest, volume.
    /// The <c>meta</c> half is mapped again only when its bytes differ from the last answer's (<see cref="UniverseReader"/>).
    /// </summary>
    public async Task<Result<PerpUniverse>> GetMetaAndAssetContextsAsync(CancellationToken cancellationToken)
    {
        const string type = "metaAndAssetCtxs";
        var outcome = await _http.PostAsync(Path, InfoRequest.Build(type, null), RequestWeights.Info(type), cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return Result<PerpUniverse>.Failure(outcome.Error);
        }

        try
        {
            return Result<PerpUniverse>.Success(_universe.Read(outcome.Value));
        }
        catch (Exception ex) when (ex is JsonException or InfoFormatException)
        {
            return Result<PerpUniverse>.Failure(Malformed(type, ex.Message));
        }
    }

    /// <summary><c>clearinghouseState</c>: account value, margin and positions of <paramref name="account"/>.</summary>
    public Task<Result<AccountSnapshot>> GetClearinghouseStateAsync(string account, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return QueryAsync(
            new Query<ClearinghouseStateWire, AccountSnapshot>(
                "clearinghouseState",
                w => w.WriteString("user", user),
                Json.ClearinghouseStateWire,
                wire => InfoMapper.ToAccount(wire, _http.TimeProvider.GetUtcNow())),
            cancellationToken);
    }

    /// <summary><c>openOrders</c>: resting orders with the basic fields (order type not reported).</summary>
    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(string account, CancellationToken cancellationToken) =>
        OrdersAsync("openOrders", account, cancellationToken);

    /// <summary><c>frontendOpenOrders</c>: resting orders including trigger (TP/SL) details; top-level orders only.</summary>
    public Task<Result<IReadOnlyList<OpenOrder>>> GetFrontendOpenOrdersAsync(string account, CancellationToken cancellationToken) =>
        OrdersAsync("frontendOpenOrders", account, cancellationToken);

    /// <summary><c>orderStatus</c> by venue order id.</summary>
    public Task<Result<OrderLookup>> GetOrderStatusAsync(string account, long oid, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return OrderStatusAsync(
            w =>
            {
                w.WriteString("user", user);
                w.WriteNumber("oid", oid);
            },
            cancellationToken);
    }

    /// <summary><c>orderStatus</c> by client order id: how an unknown submit outcome is resolved.</summary>
    public Task<Result<OrderLookup>> GetOrderStatusAsync(string account, Cloid cloid, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        var text = cloid.Value;
        return OrderStatusAsync(
            w =>
            {
                w.WriteString("user", user);
                w.WriteString("oid", text);
            },
            cancellationToken);
    }

    /// <summary><c>userFills</c>: the most recent fills, newest first (capped by the venue).</summary>
    public Task<Result<IReadOnlyList<UserFill>>> GetUserFillsAsync(string account, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return FillsAsync("userFills", w => w.WriteString("user", user), cancellationToken);
    }

    /// <summary><c>userFillsByTime</c>: one page of fills in [start, end] (capped by the venue; see <see cref="GetUserFillHistoryAsync"/>).</summary>
    public Task<Result<IReadOnlyList<UserFill>>> GetUserFillsByTimeAsync(
        string account,
        DateTimeOffset start,
        DateTimeOffset? end,
        CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return FillsAsync(
            "userFillsByTime",
            w =>
            {
                w.WriteString("user", user);
                w.WriteNumber("startTime", InfoRequest.Ms(start));
                if (end is { } e)
                {
                    w.WriteNumber("endTime", InfoRequest.Ms(e));
                }
            },
            cancellationToken);
    }

    /// <summary>Every fill of a time range, walking <c>userFillsByTime</c> pages forward (<see cref="FillPager"/>).</summary>
    public Task<Result<UserFillHistory>> GetUserFillHistoryAsync(FillHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = InfoRequest.Account(query.Account);
        return FillPager.CollectAsync(
            query,
            (range, ct) => GetUserFillsByTimeAsync(query.Account, range.Start, range.End, ct),
            cancellationToken);
    }

    /// <summary><c>candleSnapshot</c>: candles of <paramref name="interval"/> (<c>1m</c> … <c>1M</c>) opening in [start, end].</summary>
    public Task<Result<IReadOnlyList<Candle>>> GetCandlesAsync(
        string coin,
        string interval,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        var name = InfoRequest.Coin(coin);
        if (!InfoRequest.CandleIntervals.Contains(interval))
        {
            throw new ArgumentException("Unknown candle interval '" + interval + "'.", nameof(interval));
        }

        return QueryAsync(
            new Query<IReadOnlyList<CandleWire>, IReadOnlyList<Candle>>(
                "candleSnapshot",
                w =>
                {
                    w.WriteStartObject("req");
                    w.WriteString("coin", name);
                    w.WriteString("interval", interval);
                    w.WriteNumber("startTime", InfoRequest.Ms(start));
                    w.WriteNumber("endTime", InfoRequest.Ms(end));
                    w.WriteEndObject();
                },
                Json.IReadOnlyListCandleWire,
                list => list.Select(InfoMapper.ToCandle).ToArray(),
                list => list.Count),
            cancellationToken);
    }

    /// <summary><c>l2Book</c> at full precision (20 levels per side). An unknown coin is <see cref="ErrorClass.InvalidParam"/>.</summary>
    public Task<Result<L2Book>> GetL2BookAsync(string coin, CancellationToken cancellationToken) =>
        GetL2BookAsync(coin, null, null, cancellationToken);

    /// <summary><c>l2Book</c> aggregated to <paramref name="significantFigures"/> (2–5) and <paramref name="mantissa"/> (1, 2 or 5; only with 5 figures).</summary>
    public Task<Result<L2Book>> GetL2BookAsync(string coin, int? significantFigures, int? mantissa, CancellationToken cancellationToken)
    {
        var name = InfoRequest.Coin(coin);
        if (significantFigures is < 2 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(significantFigures), significantFigures, "nSigFigs is 2 to 5.");
        }

        if (mantissa is not null && (significantFigures != 5 || mantissa is not (1 or 2 or 5)))
        {
            throw new ArgumentOutOfRangeException(nameof(mantissa), mantissa, "mantissa is 1, 2 or 5 and needs nSigFigs 5.");
        }

        return QueryAsync(
            new Query<L2BookWire, L2Book>(
                "l2Book",
                w =>
                {
                    w.WriteString("coin", name);
                    if (significantFigures is { } figures)
                    {
                        w.WriteNumber("nSigFigs", figures);
                    }

                    if (mantissa is { } m)
                    {
                        w.WriteNumber("mantissa", m);
                    }
                },
                Json.L2BookWire,
                InfoMapper.ToBook,
                WhenNull: () => new Error(ErrorClass.InvalidParam, "l2Book: the venue does not know coin '" + name + "'.")),
            cancellationToken);
    }

    /// <summary><c>allMids</c>: mid price of every coin (spot pairs as <c>@index</c>).</summary>
    public Task<Result<IReadOnlyDictionary<string, decimal>>> GetAllMidsAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            new Query<IReadOnlyDictionary<string, decimal>, IReadOnlyDictionary<string, decimal>>(
                "allMids", null, Json.IReadOnlyDictionaryStringDecimal, mids => mids),
            cancellationToken);

    /// <summary><c>fundingHistory</c>: hourly funding rates of <paramref name="coin"/> from <paramref name="start"/>.</summary>
    public Task<Result<IReadOnlyList<FundingRateEntry>>> GetFundingHistoryAsync(
        string coin,
        DateTimeOffset start,
        DateTimeOffset? end,
        CancellationToken cancellationToken)
    {
        var name = InfoRequest.Coin(coin);
        return QueryAsync(
            new Query<IReadOnlyList<FundingHistoryWire>, IReadOnlyList<FundingRateEntry>>(
                "fundingHistory",
                w =>
                {
                    w.WriteString("coin", name);
                    WriteRange(w, start, end);
                },
                Json.IReadOnlyListFundingHistoryWire,
                list => list.Select(InfoMapper.ToFunding).ToArray(),
                list => list.Count),
            cancellationToken);
    }

    /// <summary><c>userFunding</c>: funding payments of <paramref name="account"/> from <paramref name="start"/>.</summary>
    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetUserFundingAsync(
        string account,
        DateTimeOffset start,
        DateTimeOffset? end,
        CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return QueryAsync(
            new Query<IReadOnlyList<UserFundingWire>, IReadOnlyList<UserFundingEntry>>(
                "userFunding",
                w =>
                {
                    w.WriteString("user", user);
                    WriteRange(w, start, end);
                },
                Json.IReadOnlyListUserFundingWire,
                list => list.Select(InfoMapper.ToUserFunding).ToArray(),
                list => list.Count),
            cancellationToken);
    }

    /// <summary><c>historicalOrders</c>: recent orders of <paramref name="account"/> with their final status.</summary>
    public Task<Result<IReadOnlyList<OrderStatusReport>>> GetHistoricalOrdersAsync(string account, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return QueryAsync(
            new Query<IReadOnlyList<OrderStatusEntryWire>, IReadOnlyList<OrderStatusReport>>(
                "historicalOrders",
                w => w.WriteString("user", user),
                Json.IReadOnlyListOrderStatusEntryWire,
                list => list.Select(InfoMapper.ToReport).ToArray(),
                list => list.Count),
            cancellationToken);
    }

    /// <summary><c>userRateLimit</c>: the address-based action budget of <paramref name="account"/>.</summary>
    public Task<Result<UserRateLimit>> GetUserRateLimitAsync(string account, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return QueryAsync(
            new Query<UserRateLimitWire, UserRateLimit>("userRateLimit", w => w.WriteString("user", user), Json.UserRateLimitWire, InfoMapper.ToRateLimit),
            cancellationToken);
    }

    private static void WriteRange(Utf8JsonWriter w, DateTimeOffset start, DateTimeOffset? end)
    {
        w.WriteNumber("startTime", InfoRequest.Ms(start));
        if (end is { } e)
        {
            w.WriteNumber("endTime", InfoRequest.Ms(e));
        }
    }

    internal static Error Malformed(string type, string problem) =>
        new(ErrorClass.Unknown, "Unexpected " + type + " response: " + problem);

    private Task<Result<IReadOnlyList<OpenOrder>>> OrdersAsync(string type, string account, CancellationToken cancellationToken)
    {
        var user = InfoRequest.Account(account);
        return QueryAsync(
            new Query<IReadOnlyList<InfoOrderWire>, IReadOnlyList<OpenOrder>>(
                type, w => w.WriteString("user", user), Json.IReadOnlyListInfoOrderWire, list => list.Select(InfoMapper.ToOpenOrder).ToArray()),
            cancellationToken);
    }

    private Task<Result<OrderLookup>> OrderStatusAsync(Action<Utf8JsonWriter> fields, CancellationToken cancellationToken) =>
        QueryAsync(new Query<OrderStatusWire, OrderLookup>("orderStatus", fields, Json.OrderStatusWire, InfoMapper.ToLookup), cancellationToken);

    private Task<Result<IReadOnlyList<UserFill>>> FillsAsync(string type, Action<Utf8JsonWriter> fields, CancellationToken cancellationToken) =>
        QueryAsync(
            new Query<IReadOnlyList<UserFillWire>, IReadOnlyList<UserFill>>(
                type, fields, Json.IReadOnlyListUserFillWire, list => list.Select(InfoMapper.ToFill).ToArray(), list => list.Count),
            cancellationToken);

    private async Task<Result<TOut>> QueryAsync<TWire, TOut>(Query<TWire, TOut> query, CancellationToken cancellationToken)
        where TWire : class
        where TOut : notnull
    {
        var body = InfoRequest.Build(query.Type, query.WriteFields);
        var outcome = await _http.PostAsync(Path, body, RequestWeights.Info(query.Type), cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return Result<TOut>.Failure(outcome.Error);
        }

        TWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(outcome.Value, query.TypeInfo);
        }
        catch (JsonException ex)
        {
            return Result<TOut>.Failure(Malformed(query.Type, ex.Message));
        }

        if (wire is null)
        {
            return Result<TOut>.Failure(query.WhenNull?.Invoke() ?? Malformed(query.Type, "null"));
        }

        if (query.CountItems is { } count)
        {
            _http.ChargeWeight(RequestWeights.InfoItemsSurcharge(query.Type, count(wire)));
        }

        try
        {
            return Result<TOut>.Success(query.Map(wire));
        }
        catch (InfoFormatException ex)
        {
            return Result<TOut>.Failure(Malformed(query.Type, ex.Message));
        }
    }

    /// <summary>One <c>/info</c> request: its type, extra fields, response type, mapping and item count.</summary>
    private sealed record Query<TWire, TOut>(
        string Type,
        Action<Utf8JsonWriter>? WriteFields,
        JsonTypeInfo<TWire> TypeInfo,
        Func<TWire, TOut> Map,
        Func<TWire, int>? CountItems = null,
        Func<Error>? WhenNull = null)
        where TWire : class;
}

using Halyard.Hyperliquid.Info.Wire;
using Halyard.PaperExchange.Engine;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// The <c>/info</c> answers a replay's cycle reads, as the wire records a client would parse from the JSON of
/// <see cref="MarketInfoWriter"/> and <see cref="AccountInfoWriter"/>, built without any JSON: the same
/// fields, the same order of items, the same caps, and every number as the client parses it from the venue's text
/// (<see cref="PriceMath.AsParsed"/>). Every caller holds the engine's lock, after it processed the market up to now.
/// The replay's typed read path uses them (docs/replay.md); a test runs the same replay both ways and compares the journals.
/// </summary>
internal sealed class TypedInfoAnswers(MarketView market, VenueState state, MarginCalculator margin, CandleBuilder candles)
{
    private MetaWire? _meta;
    private (long TimeMs, AssetCtxWire[] Contexts)? _contexts;
    private AssetCtxWire?[]? _frozen;
    private int[]? _withData;
    private int[]? _everyAsset;
    private InstantMarks? _marks;
    private List<(string Coin, decimal Mid)>? _midsScratch;
    private List<CandleBar>? _barsScratch;
    private Dictionary<string, decimal>? _mids;
    private FundingInForce? _funding;
    private FillTimeIndex? _fillTimes;
    private FillWires? _fillWires;

    /// <summary>The <c>meta</c> half of <c>metaAndAssetCtxs</c> (built once: the universe does not change within a run).</summary>
    public MetaWire Meta() => _meta ??= new MetaWire
    {
        Universe = [.. market.Snapshot.Universe.Select(asset => new UniverseAssetWire
        {
            Name = asset.Name,
            SzDecimals = asset.SzDecimals,
            MaxLeverage = asset.MaxLeverage,
            MarginTableId = asset.MarginTableId,
            OnlyIsolated = asset.OnlyIsolated ? true : null,
            IsDelisted = asset.IsDelisted || !market.HasData(asset.AssetId) ? true : null,
        })],
    };

    /// <summary>The contexts half of <c>metaAndAssetCtxs</c>, one per asset, computed once per virtual time.</summary>
    public IReadOnlyList<AssetCtxWire> AssetContexts(long nowMs)
    {
        if (_contexts is { } kept && kept.TimeMs == nowMs)
        {
            return kept.Contexts;
        }

        var contexts = new AssetCtxWire[market.AssetCount];
        if (market.IsLive)
        {
            for (var id = 0; id < contexts.Length; id++)
            {
                contexts[id] = Context(id, nowMs);
            }
        }
        else
        {
            // On recorded candles the assets without data are the same every time: their frozen slots are copied and
            // only the ~10 assets with data are computed.
            Array.Copy(FrozenSlots(), contexts, contexts.Length);
            foreach (var id in _withData!)
            {
                contexts[id] = Context(id, nowMs);
            }
        }

        _contexts = (nowMs, contexts);
        return contexts;
    }

    /// <summary>The assets that may have a mark, ascending: on recorded candles those with data, with live prices all.</summary>
    private int[] MayHaveMark()
    {
        if (market.IsLive)
        {
            return _everyAsset ??= [.. Enumerable.Range(0, market.AssetCount)];
        }

        FrozenSlots();
        return _withData!;
    }

    /// <summary>The frozen context of every asset without data (null for the others), made once; and the ids of the others.</summary>
    private AssetCtxWire?[] FrozenSlots()
    {
        var frozen = _frozen ??= new AssetCtxWire?[market.AssetCount];
        if (_withData is null)
        {
            var withData = new List<int>();
            for (var id = 0; id < frozen.Length; id++)
            {
                if (market.HasData(id))
                {
                    withData.Add(id);
                }
                else
                {
                    frozen[id] ??= Frozen(PriceMath.AsParsed(market.Asset(id).SnapshotMarkPx));
                }
            }

            _withData = [.. withData];
        }

        return frozen;
    }

    /// <summary><c>candleSnapshot</c> of <paramref name="coin"/> (empty for an unknown coin).</summary>
    public IReadOnlyList<CandleWire> Candles(string coin, string interval, long startMs, long endMs, long nowMs)
    {
        if (market.FindAsset(coin) is not { } id)
        {
            return [];
        }

        var closeOffset = (Data.CandleIntervalNames.TryGetMilliseconds(interval, out var ms) ? ms : 0) - 1;
        var bars = _barsScratch ??= [];
        bars.Clear();
        candles.Build(id, interval, startMs, endMs, nowMs, bars);
        if (bars.Count == 0)
        {
            return [];
        }

        var wires = new CandleWire[bars.Count];
        for (var i = 0; i < wires.Length; i++)
        {
            var bar = bars[i];
            wires[i] = new CandleWire
            {
                OpenTime = bar.OpenMs,
                CloseTime = bar.OpenMs + closeOffset,
                Coin = coin,
                Interval = interval,
                Open = PriceMath.AsParsed(bar.Open),
                Close = PriceMath.AsParsed(bar.Close),
                High = PriceMath.AsParsed(bar.High),
                Low = PriceMath.AsParsed(bar.Low),
                Volume = PriceMath.AsParsed(bar.Volume),
                Trades = 0,
            };
        }

        return wires;
    }

    /// <summary>
    /// <c>allMids</c>: the synthetic book's mid of every asset with data. A mid depends on the asset and its mark only, so
    /// each asset's last top of book is kept (<see cref="InstantMarks"/>, shared with the asset contexts of the same
    /// instant) and reused while the mark is the same to the digit; when no mid changed,
    /// the previous answer itself is returned (the answers are read-only). Called on every push of the mids.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> AllMids(long nowMs)
    {
        var marks = Marks;
        var current = _midsScratch ??= new List<(string Coin, decimal Mid)>(market.AssetCount);
        current.Clear();
        foreach (var id in MayHaveMark())
        {
            if (marks.Mark(id, nowMs) is not { } mark)
            {
                continue;
            }

            current.Add((market.Asset(id).Name, marks.Top(id, mark).Mid));
        }

        if (_mids is { } previous && Unchanged(previous, current))
        {
            return previous;
        }

        var mids = new Dictionary<string, decimal>(current.Count, StringComparer.Ordinal);
        foreach (var (coin, mid) in current)
        {
            mids[coin] = mid;
        }

        _mids = mids;
        return mids;
    }

    private static bool Unchanged(Dictionary<string, decimal> previous, List<(string Coin, decimal Mid)> current)
    {
        if (previous.Count != current.Count)
        {
            return false;
        }

        foreach (var (coin, mid) in current)
        {
            if (!previous.TryGetValue(coin, out var before) || !InstantMarks.SameDigits(before, mid))
            {
                return false;
            }
        }

        return true;
    }

    private InstantMarks Marks => _marks ??= new InstantMarks(market);

    /// <summary><c>clearinghouseState</c> of <paramref name="user"/> (lower case); an unknown user is an empty account.</summary>
    public ClearinghouseStateWire ClearinghouseState(string user, long nowMs)
    {
        var known = state.Accounts.GetValueOrDefault(user);
        var account = known ?? new Account(user, 0m);
        var summary = known is null ? margin.Summarize(account, nowMs) : margin.SummaryAt(account, nowMs);
        var positions = new AssetPositionWire[summary.Positions.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = Position(account, summary.Positions[i], summary);
        }

        return new ClearinghouseStateWire
        {
            MarginSummary = Summary(summary.AccountValue, summary.TotalNtlPos, summary.TotalRawUsd, summary.TotalMarginUsed),
            CrossMarginSummary = Summary(summary.CrossAccountValue, summary.CrossNtlPos, summary.CrossRawUsd, summary.CrossMarginUsed),
            CrossMaintenanceMarginUsed = Usd(summary.CrossMaintenanceMarginUsed),
            Withdrawable = Usd(summary.Withdrawable),
            AssetPositions = positions,
            Time = nowMs,
        };
    }

    /// <summary><c>frontendOpenOrders</c> of <paramref name="user"/>: newest first, top-level orders with their children.</summary>
    public IReadOnlyList<InfoOrderWire> FrontendOpenOrders(string user)
    {
        if (!state.Accounts.TryGetValue(user, out var account))
        {
            return [];
        }

        var orders = new List<InfoOrderWire>();
        for (var i = account.OpenOrders.Count - 1; i >= 0; i--)
        {
            if (account.OpenOrders[i] is { Active: true } order)
            {
                orders.Add(FrontendOrder(order));
            }
        }

        return orders;
    }

    /// <summary><c>userFillsByTime</c>: oldest first within [start, end], at most <see cref="AccountInfoWriter.MaxFills"/> (the walk starts where <see cref="FillTimeIndex"/> says).</summary>
    public IReadOnlyList<UserFillWire> FillsByTime(string user, long startMs, long? endMs)
    {
        if (!state.Accounts.TryGetValue(user, out var account))
        {
            return [];
        }

        var fills = new List<UserFillWire>();
        for (var i = (_fillTimes ??= new FillTimeIndex()).FirstAtOrAfter(account, startMs); i < account.Fills.Count; i++)
        {
            var fill = account.Fills[i];
            if (fills.Count >= AccountInfoWriter.MaxFills)
            {
                break;
            }

            if (fill.Time >= startMs && (endMs is null || fill.Time <= endMs))
            {
                fills.Add((_fillWires ??= new FillWires()).Of(account, i));
            }
        }

        return fills;
    }

    /// <summary><c>userFunding</c> within [start, end], at most <see cref="AccountInfoWriter.MaxFunding"/>.</summary>
    public IReadOnlyList<UserFundingWire> UserFunding(string user, long startMs, long? endMs)
    {
        if (!state.Accounts.TryGetValue(user, out var account))
        {
            return [];
        }

        var entries = new List<UserFundingWire>();
        foreach (var record in account.Fundings)
        {
            if (record.Time < startMs || (endMs is { } end && record.Time > end))
            {
                continue;
            }

            if (entries.Count >= AccountInfoWriter.MaxFunding)
            {
                break;
            }

            entries.Add(new UserFundingWire
            {
                Time = record.Time,
                Hash = record.Hash,
                Delta = new UserFundingDeltaWire
                {
                    Type = "funding",
                    Coin = record.Coin,
                    Usdc = Usd(record.Usdc),
                    Szi = PriceMath.AsParsed(record.Szi),
                    FundingRate = PriceMath.AsParsed(record.Rate),
                },
            });
        }

        return entries;
    }

    private AssetCtxWire Context(int id, long nowMs)
    {
        var asset = market.Asset(id);
        if (Marks.Mark(id, nowMs) is not { } mark)
        {
            _frozen ??= new AssetCtxWire?[market.AssetCount];
            return _frozen[id] ??= Frozen(PriceMath.AsParsed(asset.SnapshotMarkPx));
        }

        var reported = PriceMath.RoundToValid(mark, asset.SzDecimals);
        var top = Marks.Top(id, mark);
        var funding = (_funding ??= new FundingInForce(market)).At(id, nowMs) ?? 0m;
        var prevDay = market.Mark(id, nowMs - MarketView.DayMs) is { } before ? PriceMath.RoundToValid(before, asset.SzDecimals) : reported;
        var (notional, baseVolume) = market.DayVolume(id, nowMs);
        return new AssetCtxWire
        {
            Funding = PriceMath.AsParsed(funding),
            OpenInterest = PriceMath.AsParsed(market.OpenInterest(id, mark)),
            PrevDayPx = PriceMath.AsParsed(prevDay),
            DayNtlVlm = PriceMath.AsParsed(decimal.Round(notional, 6)),
            Premium = PriceMath.AsParsed(funding - MarketView.HourlyInterestRate),
            OraclePx = PriceMath.AsParsed(reported),
            MarkPx = PriceMath.AsParsed(reported),
            MidPx = top.Mid,
            ImpactPxs = [PriceMath.AsParsed(top.Bid), PriceMath.AsParsed(top.Ask)],
            DayBaseVlm = PriceMath.AsParsed(baseVolume),
        };
    }

    /// <summary>No data: the slot is served like a delisted coin, frozen at the snapshot's mark ("0.0" where the JSON says so).</summary>
    private static AssetCtxWire Frozen(decimal mark) => new()
    {
        Funding = 0.0m,
        OpenInterest = 0.0m,
        PrevDayPx = mark,
        DayNtlVlm = 0.0m,
        OraclePx = mark,
        MarkPx = mark,
        DayBaseVlm = 0.0m,
    };

    private AssetPositionWire Position(Account account, PositionMetrics metrics, AccountSummary summary)
    {
        var position = metrics.Position;
        var entryMargin = Math.Abs(position.Szi) * position.EntryPx / metrics.Leverage.Value;
        return new AssetPositionWire
        {
            Type = "oneWay",
            Position = new PositionWire
            {
                Coin = state.Market.Asset(position.Asset).Name,
                Szi = PriceMath.AsParsed(position.Szi),
                Leverage = new LeverageWire
                {
                    Type = metrics.Leverage.IsCross ? "cross" : "isolated",
                    Value = metrics.Leverage.Value,
                    RawUsd = metrics.Leverage.IsCross ? null : Usd(position.IsolatedMargin - (position.Szi * position.EntryPx)),
                },
                EntryPx = Price(position.EntryPx),
                PositionValue = Usd(metrics.PositionValue),
                UnrealizedPnl = Usd(metrics.UnrealizedPnl),
                ReturnOnEquity = PriceMath.AsParsed(entryMargin == 0 ? 0 : decimal.Round(metrics.UnrealizedPnl / entryMargin, 10)),
                LiquidationPx = margin.LiquidationPrice(account, metrics, summary) is { } liquidation ? Price(liquidation) : null,
                MarginUsed = Usd(metrics.MarginUsed),
                MaxLeverage = metrics.MaxLeverage,
                CumFunding = new CumFundingWire
                {
                    AllTime = Usd(position.FundingAllTime),
                    SinceOpen = Usd(position.FundingSinceOpen),
                    SinceChange = Usd(position.FundingSinceChange),
                },
            },
        };
    }

    private static MarginSummaryWire Summary(decimal value, decimal ntl, decimal raw, decimal used) => new()
    {
        AccountValue = Usd(value),
        TotalNtlPos = Usd(ntl),
        TotalRawUsd = Usd(raw),
        TotalMarginUsed = Usd(used),
    };

    /// <summary>The <c>WsOrder</c> of <paramref name="order"/> as it is now (an <c>orderUpdates</c> entry), as the client parses <see cref="AccountInfoWriter.OrderWithStatus"/>.</summary>
    public static OrderStatusEntryWire OrderWithStatus(OrderState order) => new()
    {
        Order = FrontendOrder(order),
        Status = order.Status,
        StatusTimestamp = order.StatusTimestamp,
    };

    private static InfoOrderWire FrontendOrder(OrderState order)
    {
        List<InfoOrderWire> children = [];
        foreach (var child in order.Children ?? [])
        {
            if (child.IsOpen && !child.Active)
            {
                children.Add(FrontendOrder(child));
            }
        }

        return new InfoOrderWire
        {
            Coin = order.Coin,
            Side = order.IsBuy ? "B" : "A",
            LimitPx = PriceMath.AsParsed(order.LimitPx),
            Sz = PriceMath.AsParsed(order.Sz),
            Oid = order.Oid,
            Timestamp = order.Timestamp,
            TriggerCondition = order.WasTrigger
                ? (order.TriggersAbove ? "Price above " : "Price below ") + PriceMath.Plain(order.TriggerPx)
                : "N/A",
            IsTrigger = order.IsTrigger,
            TriggerPx = PriceMath.AsParsed(order.TriggerPx),
            Children = children,
            IsPositionTpsl = order.Role == OrderRole.PositionTpsl,
            ReduceOnly = order.ReduceOnly,
            OrderType = order.OrderType,
            OrigSz = PriceMath.AsParsed(order.OrigSz),
            Tif = order.IsTrigger ? null : order.Tif.ToString(),
            Cloid = order.Cloid,
        };
    }

    /// <summary>One fill as the client parses <see cref="AccountInfoWriter.WriteFill"/>.</summary>
    public static UserFillWire Fill(Account account, FillRecord fill) => new()
    {
        Coin = fill.Coin,
        Px = PriceMath.AsParsed(fill.Px),
        Sz = PriceMath.AsParsed(fill.Sz),
        Side = fill.IsBuy ? "B" : "A",
        Time = fill.Time,
        StartPosition = PriceMath.AsParsed(fill.StartPosition),
        Dir = fill.Dir,
        ClosedPnl = Usd(fill.ClosedPnl),
        Hash = fill.Hash,
        Oid = fill.Oid,
        Crossed = fill.Crossed,
        Fee = Usd(fill.Fee),
        Tid = fill.Tid,
        Cloid = fill.Cloid,
        Liquidation = fill.LiquidationMarkPx is { } markPx
            ? new LiquidationWire
            {
                LiquidatedUser = account.Address,
                MarkPx = Price(markPx),
                Method = fill.Liquidation == LiquidationMethod.Backstop ? "backstop" : "market",
            }
            : null,
        FeeToken = "USDC",
    };

    private static decimal Usd(decimal value) => PriceMath.AsParsed(PriceMath.RoundUsd(value));

    private static decimal Price(decimal value) => PriceMath.AsParsed(decimal.Round(value, 8, MidpointRounding.ToEven));
}

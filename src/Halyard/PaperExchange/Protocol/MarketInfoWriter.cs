using System.Buffers;
using System.Text.Json;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// Market-wide <c>/info</c> answers: <c>meta</c>, <c>metaAndAssetCtxs</c>, <c>allMids</c>, <c>l2Book</c>,
/// <c>candleSnapshot</c> and <c>fundingHistory</c>, each derived as documented in <c>docs/paper-exchange.md</c>.
/// </summary>
internal sealed class MarketInfoWriter(MarketView market)
{
    public const int MaxFundingRecords = 500;

    // The metaAndAssetCtxs answer (~55 KB) is rebuilt in place each virtual time: one buffer for the run,
    // below the large-object heap's threshold. Every caller holds the engine's lock.
    private const int ContextsCapacity = 64 * 1024;

    private readonly CandleBuilder _candles = new(market);
    private readonly ArrayBufferWriter<byte> _contexts = new(ContextsCapacity);
    private long? _contextsTimeMs;
    private byte[]? _meta;
    private byte[]?[]? _frozenContexts;
    private (long TimeMs, byte[] Json)? _lastMids;

    /// <summary>The candles behind <c>candleSnapshot</c> (the typed reads build theirs from the same bars).</summary>
    public CandleBuilder Candles => _candles;

    /// <summary><c>meta</c>: the snapshot's universe (assets without data flagged delisted) and margin tables; built once.</summary>
    public void Meta(Utf8JsonWriter writer) => writer.WriteRawValue(_meta ??= Json(WriteMeta), skipInputValidation: true);

    /// <summary><c>metaAndAssetCtxs</c>; the answer for a given virtual time is computed once.</summary>
    public void MetaAndAssetCtxs(Utf8JsonWriter writer, long nowMs)
    {
        if (_contextsTimeMs != nowMs)
        {
            _contexts.ResetWrittenCount();
            using (var contexts = new Utf8JsonWriter(_contexts))
            {
                WriteMetaAndAssetCtxs(contexts, nowMs);
            }

            _contextsTimeMs = nowMs;
        }

        writer.WriteRawValue(_contexts.WrittenSpan, skipInputValidation: true);
    }

    /// <summary><c>allMids</c>: the synthetic book's mid of every asset with data.</summary>
    public void AllMids(Utf8JsonWriter writer, long nowMs)
    {
        if (_lastMids is not { } last || last.TimeMs != nowMs)
        {
            last = (nowMs, Json(w => WriteAllMids(w, nowMs)));
            _lastMids = last;
        }

        writer.WriteRawValue(last.Json, skipInputValidation: true);
    }

    private void WriteMeta(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("universe");
        foreach (var asset in market.Snapshot.Universe)
        {
            writer.WriteStartObject();
            writer.WriteNumber("szDecimals", asset.SzDecimals);
            writer.WriteString("name", asset.Name);
            writer.WriteNumber("maxLeverage", asset.MaxLeverage);
            if (asset.MarginTableId is { } table)
            {
                writer.WriteNumber("marginTableId", table);
            }

            if (asset.OnlyIsolated)
            {
                writer.WriteBoolean("onlyIsolated", true);
            }

            if (asset.IsDelisted || !market.HasData(asset.AssetId))
            {
                writer.WriteBoolean("isDelisted", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("marginTables");
        writer.WriteRawValue(market.Snapshot.MarginTablesJson, skipInputValidation: true);
        writer.WriteEndObject();
    }

    private void WriteMetaAndAssetCtxs(Utf8JsonWriter writer, long nowMs)
    {
        writer.WriteStartArray();
        Meta(writer);
        writer.WriteStartArray();
        for (var id = 0; id < market.AssetCount; id++)
        {
            AssetContext(writer, id, nowMs);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    private void WriteAllMids(Utf8JsonWriter writer, long nowMs)
    {
        writer.WriteStartObject();
        for (var id = 0; id < market.AssetCount; id++)
        {
            if (market.Mark(id, nowMs) is { } mark)
            {
                writer.WriteString(market.Asset(id).Name, PriceMath.Format(SyntheticBook.MidOf(market.Top(id, mark))));
            }
        }

        writer.WriteEndObject();
    }

    public void L2Book(Utf8JsonWriter writer, string coin, long nowMs)
    {
        if (market.FindAsset(coin) is not { } id || market.Mark(id, nowMs) is not { } mark)
        {
            writer.WriteNullValue();
            return;
        }

        var book = market.Book(id, mark, nowMs);
        writer.WriteStartObject();
        writer.WriteString("coin", coin);
        writer.WriteNumber("time", nowMs);
        writer.WriteStartArray("levels");
        WriteSide(writer, book.BidPx, book.BidSz);
        WriteSide(writer, book.AskPx, book.AskSz);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void CandleSnapshot(Utf8JsonWriter writer, string coin, string interval, long startMs, long endMs, long nowMs)
    {
        writer.WriteStartArray();
        if (market.FindAsset(coin) is { } id)
        {
            var closeOffset = CandleIntervalNames(interval) - 1;
            foreach (var bar in _candles.Build(id, interval, startMs, endMs, nowMs))
            {
                writer.WriteStartObject();
                writer.WriteNumber("t", bar.OpenMs);
                writer.WriteNumber("T", bar.OpenMs + closeOffset);
                writer.WriteString("s", coin);
                writer.WriteString("i", interval);
                writer.WriteString("o", PriceMath.Format(bar.Open));
                writer.WriteString("c", PriceMath.Format(bar.Close));
                writer.WriteString("h", PriceMath.Format(bar.High));
                writer.WriteString("l", PriceMath.Format(bar.Low));
                writer.WriteString("v", PriceMath.Format(bar.Volume));
                writer.WriteNumber("n", 0);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    public void FundingHistory(Utf8JsonWriter writer, string coin, long startMs, long? endMs, long nowMs)
    {
        writer.WriteStartArray();
        if (market.FindAsset(coin) is { } id && market.FundingSeriesOf(id) is { } funding)
        {
            var last = Math.Min(endMs ?? nowMs, nowMs);
            var written = 0;
            for (var i = funding.FirstIndexAtOrAfter(startMs); i < funding.Count && funding.Time(i) <= last && written < MaxFundingRecords; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("coin", coin);
                writer.WriteString("fundingRate", PriceMath.Format(funding.Rate(i)));
                writer.WriteString("premium", PriceMath.Format(funding.Rate(i) - MarketView.HourlyInterestRate));
                writer.WriteNumber("time", funding.Time(i));
                writer.WriteEndObject();
                written++;
            }
        }

        writer.WriteEndArray();
    }

    private void AssetContext(Utf8JsonWriter writer, int id, long nowMs)
    {
        var asset = market.Asset(id);
        if (market.Mark(id, nowMs) is not { } mark)
        {
            writer.WriteRawValue(Frozen(id), skipInputValidation: true);
            return;
        }

        var reported = PriceMath.RoundToValid(mark, asset.SzDecimals);
        var (bid, ask) = market.Top(id, mark);
        var funding = market.CurrentFunding(id, nowMs) ?? 0m;
        var prevDay = market.Mark(id, nowMs - MarketView.DayMs) is { } before ? PriceMath.RoundToValid(before, asset.SzDecimals) : reported;
        var (notional, baseVolume) = market.DayVolume(id, nowMs);
        writer.WriteStartObject();
        writer.WriteString("funding", PriceMath.Format(funding));
        writer.WriteString("openInterest", PriceMath.Format(market.OpenInterest(id, mark)));
        writer.WriteString("prevDayPx", PriceMath.Format(prevDay));
        writer.WriteString("dayNtlVlm", PriceMath.Format(decimal.Round(notional, 6)));
        writer.WriteString("premium", PriceMath.Format(funding - MarketView.HourlyInterestRate));
        writer.WriteString("oraclePx", PriceMath.Format(reported));
        writer.WriteString("markPx", PriceMath.Format(reported));
        writer.WriteString("midPx", PriceMath.Format(SyntheticBook.MidOf((bid, ask))));
        writer.WriteStartArray("impactPxs");
        writer.WriteStringValue(PriceMath.Format(bid));
        writer.WriteStringValue(PriceMath.Format(ask));
        writer.WriteEndArray();
        writer.WriteString("dayBaseVlm", PriceMath.Format(baseVolume));
        writer.WriteEndObject();
    }

    /// <summary>The frozen context of an asset without data, built once (a method of its own: the closure is allocated only then).</summary>
    private byte[] Frozen(int id)
    {
        _frozenContexts ??= new byte[]?[market.AssetCount];
        return _frozenContexts[id] ??= Json(w => FrozenContext(w, id));
    }

    /// <summary>No data: the slot is served like a delisted coin, frozen at the snapshot's mark.</summary>
    private void FrozenContext(Utf8JsonWriter writer, int id)
    {
        var frozen = PriceMath.Format(market.Asset(id).SnapshotMarkPx);
        writer.WriteStartObject();
        writer.WriteString("funding", "0.0");
        writer.WriteString("openInterest", "0.0");
        writer.WriteString("prevDayPx", frozen);
        writer.WriteString("dayNtlVlm", "0.0");
        writer.WriteNull("premium");
        writer.WriteString("oraclePx", frozen);
        writer.WriteString("markPx", frozen);
        writer.WriteNull("midPx");
        writer.WriteNull("impactPxs");
        writer.WriteString("dayBaseVlm", "0.0");
        writer.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter writer, decimal[] prices, decimal[] sizes)
    {
        writer.WriteStartArray();
        for (var i = 0; i < prices.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("px", PriceMath.Format(prices[i]));
            writer.WriteString("sz", PriceMath.Format(sizes[i]));
            writer.WriteNumber("n", 1);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static long CandleIntervalNames(string interval) =>
        Data.CandleIntervalNames.TryGetMilliseconds(interval, out var ms) ? ms : 0;
}

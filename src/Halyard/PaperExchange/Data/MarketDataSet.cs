using System.Collections.Concurrent;

namespace Halyard.PaperExchange.Data;

/// <summary>
/// Real market data for the paper exchange: candles per coin and interval, funding history per coin,
/// and one recorded <c>metaAndAssetCtxs</c> snapshot. Each file is parsed at most once per instance,
/// on first use, into compact immutable arrays. <see cref="Embedded"/> is the data bundled in the
/// assembly; it is loaded once per process and, being immutable, safely shared by every engine.
/// </summary>
public sealed class MarketDataSet
{
    private const string CandleFolder = "hyperliquid/candles/";
    private const string FundingFolder = "hyperliquid/funding/";
    private const string MetaFolder = "hyperliquid/meta/";

    private static readonly Lazy<MarketDataSet> EmbeddedData =
        new(() => new MarketDataSet(new EmbeddedDataSource(typeof(MarketDataSet).Assembly), "embedded"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IDataSource _source;
    private readonly Dictionary<(string Coin, string Interval), string> _candleFiles = [];
    private readonly Dictionary<string, string> _fundingFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Coin, string Interval), Lazy<CandleSeries>> _candles = new();
    private readonly ConcurrentDictionary<string, Lazy<FundingSeries>> _funding = new(StringComparer.Ordinal);
    private readonly Lazy<VenueSnapshot> _snapshot;

    internal MarketDataSet(IDataSource source, string description)
    {
        _source = source;
        Description = description;
        string? snapshotFile = null;
        var coins = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in source.Files)
        {
            if (file.StartsWith(CandleFolder, StringComparison.Ordinal) && TrySplitCandleName(file[CandleFolder.Length..], out var coin, out var interval))
            {
                _candleFiles[(coin, interval)] = file;
                coins.Add(coin);
            }
            else if (file.StartsWith(FundingFolder, StringComparison.Ordinal) && TryStripCsv(file[FundingFolder.Length..], out var fundingName)
                     && fundingName.EndsWith("_funding", StringComparison.Ordinal))
            {
                _fundingFiles[fundingName[..^"_funding".Length]] = file;
            }
            else if (file.StartsWith(MetaFolder, StringComparison.Ordinal) && file.Contains("metaAndAssetCtxs", StringComparison.Ordinal))
            {
                snapshotFile ??= file;
            }
        }

        if (snapshotFile is null)
        {
            throw new InvalidDataException($"Market data ({description}) has no {MetaFolder}*metaAndAssetCtxs*.json(.gz) snapshot.");
        }

        Coins = [.. coins];
        var snapshotPath = snapshotFile;
        _snapshot = new Lazy<VenueSnapshot>(() => LoadSnapshot(snapshotPath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>No recorded candles or funding, only a universe: the data of an engine on a live price feed.</summary>
    public static MarketDataSet UniverseOnly(VenueSnapshot universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return new MarketDataSet(universe);
    }

    private MarketDataSet(VenueSnapshot universe)
    {
        _source = new NoFiles();
        Description = "live universe";
        Coins = [];
        _snapshot = new Lazy<VenueSnapshot>(universe);
    }

    /// <summary>The data bundled in <c>Halyard.dll</c> (see <c>data/SOURCES.md</c>).</summary>
    public static MarketDataSet Embedded => EmbeddedData.Value;

    /// <summary>Data from a directory laid out like the repository's <c>data/</c> folder (files may be gzip or plain).</summary>
    public static MarketDataSet FromDirectory(string path) => new(new DirectoryDataSource(path), path);

    public string Description { get; }

    /// <summary>Coins that have at least one candle file.</summary>
    public IReadOnlyList<string> Coins { get; }

    public VenueSnapshot Snapshot => _snapshot.Value;

    /// <summary>The intervals with a candle file for <paramref name="coin"/>, finest first.</summary>
    public IReadOnlyList<string> NativeIntervals(string coin)
    {
        var result = new List<string>();
        foreach (var interval in CandleIntervalNames.All)
        {
            if (_candleFiles.ContainsKey((coin, interval)))
            {
                result.Add(interval);
            }
        }

        return result;
    }

    /// <summary>The window every coin's <paramref name="interval"/> file covers (parses those files); null when none does.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? CommonRange(string interval)
    {
        long start = long.MinValue, end = long.MaxValue;
        foreach (var coin in Coins)
        {
            if (Candles(coin, interval) is not { } series)
            {
                continue;
            }

            start = Math.Max(start, series.FirstOpenMs);
            end = Math.Min(end, series.EndMs);
        }

        return start == long.MinValue || end <= start
            ? null
            : (DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end));
    }

    /// <summary>The candles of one coin and interval, parsed on first use; null when there is no such file.</summary>
    public CandleSeries? Candles(string coin, string interval)
    {
        if (!_candleFiles.TryGetValue((coin, interval), out var file))
        {
            return null;
        }

        return _candles.GetOrAdd((coin, interval), key => new Lazy<CandleSeries>(
            () => LoadCandles(key.Coin, key.Interval, file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The funding history of one coin, parsed on first use; null when there is none.</summary>
    public FundingSeries? Funding(string coin)
    {
        if (!_fundingFiles.TryGetValue(coin, out var file))
        {
            return null;
        }

        return _funding.GetOrAdd(coin, key => new Lazy<FundingSeries>(
            () => LoadFunding(key, file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private CandleSeries LoadCandles(string coin, string interval, string file)
    {
        using var stream = _source.Open(file);
        return new CandleSeries(coin, interval, CsvGz.ReadCandles(stream, file));
    }

    private FundingSeries LoadFunding(string coin, string file)
    {
        using var stream = _source.Open(file);
        var (times, rates) = CsvGz.ReadFunding(stream, file);
        return new FundingSeries(coin, times, rates);
    }

    private VenueSnapshot LoadSnapshot(string file)
    {
        using var stream = _source.Open(file);
        using var input = file.EndsWith(".gz", StringComparison.Ordinal)
            ? (Stream)new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress)
            : stream;
        return VenueSnapshot.Parse(input);
    }

    private static bool TrySplitCandleName(string fileName, out string coin, out string interval)
    {
        coin = interval = string.Empty;
        if (!TryStripCsv(fileName, out var stem))
        {
            return false;
        }

        var underscore = stem.LastIndexOf('_');
        if (underscore <= 0 || !CandleIntervalNames.TryGetMilliseconds(stem[(underscore + 1)..], out _))
        {
            return false;
        }

        coin = stem[..underscore];
        interval = stem[(underscore + 1)..];
        return true;
    }

    private static bool TryStripCsv(string fileName, out string stem)
    {
        stem = fileName.EndsWith(".csv.gz", StringComparison.Ordinal) ? fileName[..^".csv.gz".Length]
            : fileName.EndsWith(".csv", StringComparison.Ordinal) ? fileName[..^".csv".Length]
            : string.Empty;
        return stem.Length > 0 && !stem.Contains('/', StringComparison.Ordinal);
    }

    private sealed class NoFiles : IDataSource
    {
        public IReadOnlyList<string> Files => [];

        public Stream Open(string path) => throw new FileNotFoundException(path);
    }
}

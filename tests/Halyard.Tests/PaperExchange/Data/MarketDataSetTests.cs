using System.IO.Compression;
using CsCheck;
using Halyard.PaperExchange.Data;

namespace Halyard.Tests.PaperExchange.Data;

public sealed class MarketDataSetTests
{
    [Fact]
    public void Embedded_TenCoinsWithTheBundledIntervals()
    {
        var data = MarketDataSet.Embedded;
        Assert.Equal(["ARB", "AVAX", "BNB", "BTC", "DOGE", "ETH", "HYPE", "LINK", "SOL", "XRP"], data.Coins);
        Assert.Equal(["1m", "3m", "5m", "1h", "4h"], data.NativeIntervals("BTC"));
        Assert.Equal(203, data.Snapshot.Universe.Count);
        Assert.Equal(("BTC", 5, 40), (data.Snapshot.Universe[0].Name, data.Snapshot.Universe[0].SzDecimals, data.Snapshot.Universe[0].MaxLeverage));
        Assert.Equal(159, data.Snapshot.Find("HYPE")!.AssetId);
    }

    [Fact]
    public void Candles_ParsedOnceAndShared()
    {
        var first = MarketDataSet.Embedded.Candles("SOL", "1h");
        Assert.Same(first, MarketDataSet.Embedded.Candles("SOL", "1h"));
        Assert.Null(MarketDataSet.Embedded.Candles("SOL", "2h"));
    }

    [Fact]
    public void Candles_MatchTheSourceFile()
    {
        var btc = MarketDataSet.Embedded.Candles("BTC", "3m")!;
        Assert.Equal(5602, btc.Count);
        Assert.Equal(1752497280000, btc.FirstOpenMs);
        Assert.Equal((121971m, 122004m, 121920m, 121920m, 20.05377m), (btc.Open(0), btc.High(0), btc.Low(0), btc.Close(0), btc.Volume(0)));
    }

    [Fact]
    public void IndexContaining_AnyTimeInRange_FindsTheCandleThatCoversIt()
    {
        var series = MarketDataSet.Embedded.Candles("ETH", "5m")!;
        Gen.Long[series.FirstOpenMs - 1_000_000, series.EndMs + 1_000_000].Sample(time =>
        {
            var index = series.IndexContaining(time);
            return index < 0
                ? time < series.FirstOpenMs || time >= series.EndMs
                : series.OpenTime(index) <= time && time < series.OpenTime(index) + series.IntervalMs;
        });
    }

    [Fact]
    public void Funding_LastPrintAtOrBefore()
    {
        var funding = MarketDataSet.Embedded.Funding("BTC")!;
        var index = funding.LastIndexAtOrBefore(1753498800027);
        Assert.Equal(funding.Count - 1, index);
        Assert.Equal(0.0000309605m, funding.Rate(index));
        Assert.Equal(-1, funding.LastIndexAtOrBefore(0));
    }

    [Fact]
    public void FromDirectory_UserSuppliedPlainAndGzipFiles()
    {
        var root = Directory.CreateTempSubdirectory("paper-data-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "hyperliquid", "candles"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "hyperliquid", "meta"));
            File.WriteAllText(
                Path.Combine(root.FullName, "hyperliquid", "candles", "BTC_1h.csv"),
                "open_time_ms,open_time_utc,open,high,low,close,volume\n0,x,10,12,9,11,5\n3600000,x,11,13,10,12,6\n");
            using (var gz = new GZipStream(File.Create(Path.Combine(root.FullName, "hyperliquid", "meta", "metaAndAssetCtxs.json.gz")), CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gz))
            {
                writer.Write("[{\"universe\":[{\"szDecimals\":5,\"name\":\"BTC\",\"maxLeverage\":40}]},[{\"markPx\":\"11.0\",\"openInterest\":\"100.0\",\"dayNtlVlm\":\"1.0\"}]]");
            }

            var data = MarketDataSet.FromDirectory(root.FullName);
            Assert.Equal(["BTC"], data.Coins);
            Assert.Equal(2, data.Candles("BTC", "1h")!.Count);
            Assert.Null(data.Funding("BTC"));
            Assert.Single(data.Snapshot.Universe);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}

using System.Globalization;
using System.Text;
using Halyard.PaperExchange.Data;

namespace Halyard.Tests.PaperExchange.Support;

/// <summary>A one-coin (BTC, 5 size decimals, 40× maximum leverage) market of hand-written candles, for paths the recorded data may not hold (a gap, a slow slide).</summary>
internal sealed class SyntheticMarket : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("paper-synthetic-");

    public SyntheticMarket(string interval, DateTimeOffset start, params (decimal O, decimal H, decimal L, decimal C, decimal V)[] candles)
    {
        var candleDir = Directory.CreateDirectory(Path.Combine(_root.FullName, "hyperliquid", "candles"));
        var metaDir = Directory.CreateDirectory(Path.Combine(_root.FullName, "hyperliquid", "meta"));
        var ms = Halyard.PaperExchange.Data.CandleIntervalNames.Milliseconds(interval);
        var csv = new StringBuilder("open_time_ms,open_time_utc,open,high,low,close,volume\n");
        for (var i = 0; i < candles.Length; i++)
        {
            var (o, h, l, c, v) = candles[i];
            csv.Append(CultureInfo.InvariantCulture, $"{start.ToUnixTimeMilliseconds() + (i * ms)},x,{o},{h},{l},{c},{v}\n");
        }

        File.WriteAllText(Path.Combine(candleDir.FullName, $"BTC_{interval}.csv"), csv.ToString());
        File.WriteAllText(
            Path.Combine(metaDir.FullName, "metaAndAssetCtxs.json"),
            "[{\"universe\":[{\"szDecimals\":5,\"name\":\"BTC\",\"maxLeverage\":40}]},[{\"markPx\":\"100000.0\",\"openInterest\":\"100.0\",\"dayNtlVlm\":\"1.0\"}]]");
        Data = MarketDataSet.FromDirectory(_root.FullName);
    }

    public MarketDataSet Data { get; }

    public void Dispose() => _root.Delete(recursive: true);
}

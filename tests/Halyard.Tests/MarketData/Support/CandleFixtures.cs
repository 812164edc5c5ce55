using System.Globalization;
using System.IO.Compression;
using Halyard.Domain;

namespace Halyard.Tests.MarketData.Support;

/// <summary>
/// Real Hyperliquid candle extracts (Freqtrade downloads of <c>candleSnapshot</c>, see
/// Fixtures/marketdata/SOURCES.md): <c>open_time_ms,open_time_utc,open,high,low,close,volume</c>, gzip.
/// </summary>
internal static class CandleFixtures
{
    public static IReadOnlyList<Candle> Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "marketdata", name);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var candles = new List<Candle>();
        _ = reader.ReadLine(); // header
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            candles.Add(new Candle(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                Dec(f[2]),
                Dec(f[3]),
                Dec(f[4]),
                Dec(f[5]),
                Dec(f[6])));
        }

        return candles;
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

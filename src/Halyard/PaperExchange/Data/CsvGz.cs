using System.Globalization;
using System.IO.Compression;

namespace Halyard.PaperExchange.Data;

/// <summary>
/// Reads the bundled CSV files (gzip or plain) into compact columns. Malformed data is a bug in the data
/// set, so it throws with the file name and line.
/// </summary>
internal static class CsvGz
{
    /// <summary>Columns <c>open_time_ms,open_time_utc,open,high,low,close,volume</c>.</summary>
    public static CandleColumns ReadCandles(Stream stream, string name)
    {
        var times = new List<long>(8192);
        var open = new List<decimal>(8192);
        var high = new List<decimal>(8192);
        var low = new List<decimal>(8192);
        var close = new List<decimal>(8192);
        var volume = new List<decimal>(8192);
        ForEachRow(stream, name, 7, (line, fields, lineNumber) =>
        {
            times.Add(ParseLong(line[fields[0]], name, lineNumber));
            open.Add(ParseDecimal(line[fields[2]], name, lineNumber));
            high.Add(ParseDecimal(line[fields[3]], name, lineNumber));
            low.Add(ParseDecimal(line[fields[4]], name, lineNumber));
            close.Add(ParseDecimal(line[fields[5]], name, lineNumber));
            volume.Add(ParseDecimal(line[fields[6]], name, lineNumber));
        });

        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] <= times[i - 1])
            {
                throw Bad(name, i + 2, "open times must be strictly increasing");
            }
        }

        return new CandleColumns([.. times], [.. open], [.. high], [.. low], [.. close], [.. volume]);
    }

    /// <summary>Columns <c>time_ms,time_utc,funding_rate</c>.</summary>
    public static (long[] Times, decimal[] Rates) ReadFunding(Stream stream, string name)
    {
        var times = new List<long>(8192);
        var rates = new List<decimal>(8192);
        ForEachRow(stream, name, 3, (line, fields, lineNumber) =>
        {
            times.Add(ParseLong(line[fields[0]], name, lineNumber));
            rates.Add(ParseDecimal(line[fields[2]], name, lineNumber));
        });

        return ([.. times], [.. rates]);
    }

    private delegate void RowReader(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, int lineNumber);

    /// <summary>Every data row after the header line, split on commas; a row with another field count is a bug in the data.</summary>
    private static void ForEachRow(Stream stream, string name, int fieldCount, RowReader read)
    {
        Span<Range> fields = stackalloc Range[fieldCount + 1];
        var lineNumber = 0;
        foreach (var line in Lines(stream, name))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                continue;
            }

            var span = line.AsSpan();
            if (span.Split(fields, ',') != fieldCount)
            {
                throw Bad(name, lineNumber, string.Create(CultureInfo.InvariantCulture, $"expected {fieldCount} fields"));
            }

            read(span, fields[..fieldCount], lineNumber);
        }
    }

    private static IEnumerable<string> Lines(Stream stream, string name)
    {
        using var input = name.EndsWith(".gz", StringComparison.Ordinal)
            ? (Stream)new GZipStream(stream, CompressionMode.Decompress)
            : stream;
        using var reader = new StreamReader(input, bufferSize: 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static long ParseLong(ReadOnlySpan<char> text, string name, int line) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(name, line, "not an integer: " + text.ToString());

    private static decimal ParseDecimal(ReadOnlySpan<char> text, string name, int line) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(name, line, "not a number: " + text.ToString());

    private static InvalidDataException Bad(string name, int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}:{line}: {what}."));
}

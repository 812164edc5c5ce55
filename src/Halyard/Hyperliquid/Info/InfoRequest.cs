using System.Buffers;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>Builds <c>/info</c> request bodies: <c>{"type":…, …fields}</c>, written field by field.</summary>
internal static class InfoRequest
{
    /// <summary>Candle intervals the venue accepts.</summary>
    public static readonly IReadOnlySet<string> CandleIntervals = new HashSet<string>(StringComparer.Ordinal)
    {
        "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M",
    };

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static byte[] Build(string type, Action<Utf8JsonWriter>? writeFields = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writeFields?.Invoke(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The account address in canonical form (<c>0x</c> + 40 lowercase hex). Passing anything else is a bug.
    /// </summary>
    public static string Account(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Length != 42 || account[0] != '0' || (account[1] != 'x' && account[1] != 'X')
            || account.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            throw new ArgumentException("An account address is 0x followed by 40 hex digits.", nameof(account));
        }

        return "0x" + account[2..].ToLowerInvariant();
    }

    public static string Coin(string coin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coin);
        return coin;
    }

    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}

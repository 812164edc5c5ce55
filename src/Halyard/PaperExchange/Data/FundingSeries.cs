namespace Halyard.PaperExchange.Data;

/// <summary>One coin's funding-rate history (venue timestamps, with their millisecond jitter), oldest first.</summary>
public sealed class FundingSeries
{
    private readonly long[] _times;
    private readonly decimal[] _rates;

    internal FundingSeries(string coin, long[] times, decimal[] rates)
    {
        if (times.Length != rates.Length || times.Length == 0)
        {
            throw new ArgumentException("Funding columns must be non-empty and of equal length.", nameof(times));
        }

        Coin = coin;
        _times = times;
        _rates = rates;
    }

    public string Coin { get; }

    public int Count => _times.Length;

    public long Time(int index) => _times[index];

    public decimal Rate(int index) => _rates[index];

    /// <summary>The index of the last print at or before <paramref name="timeMs"/>, or −1.</summary>
    public int LastIndexAtOrBefore(long timeMs)
    {
        if (timeMs < _times[0])
        {
            return -1;
        }

        var found = Array.BinarySearch(_times, timeMs);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The index of the first print at or after <paramref name="timeMs"/> (may be <see cref="Count"/>).</summary>
    public int FirstIndexAtOrAfter(long timeMs)
    {
        var found = Array.BinarySearch(_times, timeMs);
        return found >= 0 ? found : ~found;
    }
}

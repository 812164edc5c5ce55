using System.Globalization;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// The venue's nonce rules per signer (<c>hyperliquid-protocol.md</c> §8): a nonce is accepted once, must
/// lie within (T − 2 days, T + 1 day) of the venue time T, and — once 100 nonces are retained — must be
/// larger than the smallest retained one (which is then dropped).
/// </summary>
internal sealed class NonceRegistry
{
    public const int Retained = 100;
    private const long TwoDaysMs = 2 * 86_400_000L;
    private const long OneDayMs = 86_400_000L;

    private readonly Dictionary<string, SortedSet<long>> _bySigner = new(StringComparer.Ordinal);

    /// <summary>Null when the nonce is fresh (and records it); otherwise the venue's error text (<c>Invalid nonce: duplicate nonce n</c>, <c>… nonce too low n &lt; least</c>, <c>… nonce too high n &gt; most</c>).</summary>
    public string? TryUse(string signer, long nonce, long nowMs)
    {
        if (nonce <= nowMs - TwoDaysMs)
        {
            return TooLow(nonce, nowMs - TwoDaysMs);
        }

        if (nonce >= nowMs + OneDayMs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce too high {nonce} > {nowMs + OneDayMs}");
        }

        if (!_bySigner.TryGetValue(signer, out var set))
        {
            set = [];
            _bySigner[signer] = set;
        }

        if (set.Contains(nonce))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: duplicate nonce {nonce}");
        }

        if (set.Count >= Retained && nonce < set.Min)
        {
            return TooLow(nonce, set.Min);
        }

        set.Add(nonce);
        if (set.Count > Retained)
        {
            set.Remove(set.Min);
        }

        return null;
    }

    private static string TooLow(long nonce, long least) =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce too low {nonce} < {least}");
}

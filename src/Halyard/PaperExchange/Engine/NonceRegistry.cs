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

    /// <summary>Null when the nonce is fresh (and records it); otherwise the venue's error text.</summary>
    public string? TryUse(string signer, long nonce, long nowMs)
    {
        if (nonce <= nowMs - TwoDaysMs || nonce >= nowMs + OneDayMs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce {nonce} is outside the accepted window (T - 2 days, T + 1 day) for T = {nowMs}");
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
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce {nonce} is smaller than the smallest retained nonce {set.Min}");
        }

        set.Add(nonce);
        if (set.Count > Retained)
        {
            set.Remove(set.Min);
        }

        return null;
    }
}

using Halyard.Domain;

namespace Halyard.Cycle;

/// <summary>
/// <see cref="TradeSync.Fingerprint"/> of each cycle's account, built again only when the positions differ from the
/// last ones (coin, and size with its scale: the text of a size is its value and scale): most cycles the positions
/// stand still and the text is the last one. One instance per trader, used by its own loop (not thread-safe).
/// </summary>
internal sealed class PositionsFingerprint
{
    private (string Coin, decimal Size)[] _last = [];
    private string? _text;

    public string Of(AccountSnapshot account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_text is { } text && Same(account.Positions))
        {
            return text;
        }

        var last = new List<(string Coin, decimal Size)>(account.Positions.Count);
        foreach (var position in account.Positions)
        {
            if (position.Size != 0m)
            {
                last.Add((position.Coin, position.Size));
            }
        }

        _last = [.. last];
        return _text = TradeSync.Fingerprint(account);
    }

    /// <summary>The non-flat positions are the last ones, in the same order, each size with the same value and scale.</summary>
    private bool Same(IReadOnlyList<Position> positions)
    {
        var at = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (p.Size == 0m)
            {
                continue;
            }

            if (at >= _last.Length)
            {
                return false;
            }

            var (coin, size) = _last[at++];
            if (!string.Equals(coin, p.Coin, StringComparison.Ordinal) || size != p.Size || size.Scale != p.Size.Scale)
            {
                return false;
            }
        }

        return at == _last.Length;
    }
}

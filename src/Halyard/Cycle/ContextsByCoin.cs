using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;

namespace Halyard.Cycle;

/// <summary>
/// The asset contexts of one universe read by coin, over the read's own list: the first context of a coin wins, and
/// enumeration follows the list (what a dictionary filled with <c>TryAdd</c> in list order holds and yields). The
/// position of each coin is looked up in a <see cref="CoinPositions"/> made once and reused while the universe lists
/// the same coins in the same order (every cycle of a run), so a cycle does not hash ~200 coins again.
/// </summary>
internal sealed class ContextsByCoin : IReadOnlyDictionary<string, AssetContext>
{
    private readonly CoinPositions _positions;
    private readonly IReadOnlyList<AssetContext> _contexts;

    private ContextsByCoin(CoinPositions positions, IReadOnlyList<AssetContext> contexts)
    {
        _positions = positions;
        _contexts = contexts;
    }

    /// <param name="contexts">The universe's contexts (read-only: the readers hand a new list every read).</param>
    /// <param name="previous">The last view's contexts, if any: its coin positions are reused when the coins are the same.</param>
    public static ContextsByCoin Of(IReadOnlyList<AssetContext> contexts, IReadOnlyDictionary<string, AssetContext>? previous)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var positions = previous is ContextsByCoin last && last._positions.Matches(contexts) ? last._positions : CoinPositions.Of(contexts);
        return new ContextsByCoin(positions, contexts);
    }

    public int Count => _positions.Firsts.Count;

    public IEnumerable<string> Keys => _positions.Firsts.Select(i => _contexts[i].Coin);

    public IEnumerable<AssetContext> Values => _positions.Firsts.Select(i => _contexts[i]);

    public AssetContext this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No asset context for '{key}'.");

    public bool ContainsKey(string key) => _positions.TryFind(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AssetContext value)
    {
        if (_positions.TryFind(key, out var index))
        {
            value = _contexts[index];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, AssetContext>> GetEnumerator()
    {
        foreach (var index in _positions.Firsts)
        {
            var context = _contexts[index];
            yield return new KeyValuePair<string, AssetContext>(context.Coin, context);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Where each coin of a universe's list first appears, and those first positions in list order.</summary>
internal sealed class CoinPositions
{
    private readonly string[] _coins;
    private readonly Dictionary<string, int> _byCoin;

    private CoinPositions(string[] coins, Dictionary<string, int> byCoin, int[] firsts)
    {
        _coins = coins;
        _byCoin = byCoin;
        Firsts = firsts;
    }

    /// <summary>The first position of each coin, in list order (never changed).</summary>
    public IReadOnlyList<int> Firsts { get; }

    public bool TryFind(string coin, out int index) => _byCoin.TryGetValue(coin, out index);

    public static CoinPositions Of(IReadOnlyList<AssetContext> contexts)
    {
        var coins = new string[contexts.Count];
        var byCoin = new Dictionary<string, int>(contexts.Count, StringComparer.Ordinal);
        var firsts = new List<int>(contexts.Count);
        for (var i = 0; i < coins.Length; i++)
        {
            coins[i] = contexts[i].Coin;
            if (byCoin.TryAdd(coins[i], i))
            {
                firsts.Add(i);
            }
        }

        return new CoinPositions(coins, byCoin, [.. firsts]);
    }

    /// <summary>True when <paramref name="contexts"/> lists exactly these coins in this order.</summary>
    public bool Matches(IReadOnlyList<AssetContext> contexts)
    {
        if (contexts.Count != _coins.Length)
        {
            return false;
        }

        if (contexts is AssetContext[] array)
        {
            // The readers' lists are arrays: the same comparison without an interface call per coin.
            for (var i = 0; i < _coins.Length; i++)
            {
                if (!string.Equals(_coins[i], array[i].Coin, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < _coins.Length; i++)
        {
            if (!string.Equals(_coins[i], contexts[i].Coin, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Halyard.Cycle;

/// <summary>
/// Which trader holds which coin on the shared account. The venue nets positions per account and coin,
/// so a coin belongs to at most one trader: the one whose open filled. A position nobody owns is
/// external (surfaced, and left alone unless <c>execution.external_positions: adopt</c>). Shared by the
/// traders of one Manager; thread-safe.
/// </summary>
public sealed class PositionOwnership
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    public string? OwnerOf(string coin)
    {
        lock (_gate)
        {
            return _owners.GetValueOrDefault(coin);
        }
    }

    /// <summary>Gives <paramref name="coin"/> to <paramref name="traderId"/> unless another trader holds it; true when the trader now owns it.</summary>
    public bool Claim(string coin, string traderId)
    {
        lock (_gate)
        {
            if (_owners.TryGetValue(coin, out var owner))
            {
                return owner == traderId;
            }

            _owners[coin] = traderId;
            return true;
        }
    }

    /// <summary>Frees <paramref name="coin"/> when <paramref name="traderId"/> owns it.</summary>
    public void Release(string coin, string traderId)
    {
        lock (_gate)
        {
            if (_owners.TryGetValue(coin, out var owner) && owner == traderId)
            {
                _owners.Remove(coin);
            }
        }
    }

    /// <summary>Every owned coin and its owner, as of now (one lock for a whole pass over the universe).</summary>
    public IReadOnlyDictionary<string, string> Owners()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_owners, StringComparer.Ordinal);
        }
    }

    /// <summary>The coins <paramref name="traderId"/> owns.</summary>
    public IReadOnlyList<string> CoinsOf(string traderId)
    {
        lock (_gate)
        {
            var coins = new List<string>(_owners.Count);
            foreach (var (coin, owner) in _owners)
            {
                if (owner == traderId)
                {
                    coins.Add(coin);
                }
            }

            coins.Sort(StringComparer.Ordinal);
            return coins;
        }
    }

    public bool IsOwnedBy(string coin, string traderId)
    {
        lock (_gate)
        {
            return _owners.TryGetValue(coin, out var owner) && owner == traderId;
        }
    }
}

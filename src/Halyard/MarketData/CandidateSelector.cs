using Halyard.Domain;

namespace Halyard.MarketData;

/// <summary>One coin on the shortlist.</summary>
/// <param name="Coin">Coin name.</param>
/// <param name="Context">Its <c>metaAndAssetCtxs</c> context; null only for a held coin the universe does not list.</param>
/// <param name="IsHeld">True when an open position exists.</param>
/// <param name="Rank">1-based place in the ranking of eligible coins; null when not eligible.</param>
/// <param name="Score">Volume/movement score in [0, 1]; null when not eligible.</param>
/// <param name="MovePct">|price / prevDayPx − 1| × 100, rounded to 4 decimals.</param>
public sealed record Candidate(string Coin, AssetContext? Context, bool IsHeld, int? Rank, double? Score, decimal MovePct)
{
    public decimal OpenInterestUsd => Context?.OpenInterestUsd ?? 0m;

    public decimal DayNotionalVolume => Context?.DayNotionalVolume ?? 0m;
}

/// <summary>The shortlist of one cycle.</summary>
/// <param name="Candidates">Ranked coins first (best first), then held coins that are not eligible (by name).</param>
/// <param name="UniverseSize">Coins in the contexts.</param>
/// <param name="EligibleCount">Coins that passed the liquidity and listing filters.</param>
public sealed record CandidateSelection(IReadOnlyList<Candidate> Candidates, int UniverseSize, int EligibleCount)
{
    public IReadOnlyList<string> Coins
    {
        get
        {
            var coins = new string[Candidates.Count];
            for (var i = 0; i < coins.Length; i++)
            {
                coins[i] = Candidates[i].Coin;
            }

            return coins;
        }
    }
}

/// <summary>
/// Ranks the universe from one <c>metaAndAssetCtxs</c> answer (no per-coin requests):
/// <list type="number">
/// <item>eligible = listed in the rules, not delisted, price &gt; 0, and open interest × mark price ≥
/// <see cref="CandidateOptions.LiquidityThresholdUsd"/>;</item>
/// <item>score = VolumeWeight·p(dayNtlVlm) + MovementWeight·p(|price/prevDayPx − 1|), normalised by the sum of
/// the weights, where p(x) is the share of the other eligible coins with a strictly smaller value (ties
/// share a percentile; price = mid, else mark);</item>
/// <item>order: score desc, then day volume desc, open interest USD desc, coin name (ordinal) — deterministic;</item>
/// <item>the top <see cref="CandidateOptions.MaxCandidates"/> are taken, and every held coin is added
/// whatever its liquidity or listing.</item>
/// </list>
/// </summary>
public sealed class CandidateSelector
{
    private readonly CandidateOptions _options;

    // The last scan, swapped whole (a reference: a concurrent call sees the old or the new one).
    private KeptScan? _kept;

    public CandidateSelector(CandidateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public CandidateSelection Select(IReadOnlyList<AssetContext> contexts, IReadOnlyList<InstrumentRules> rules, IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rulesByName = new Dictionary<string, InstrumentRules>(rules.Count, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            rulesByName.TryAdd(rule.Name, rule);
        }

        return Select(contexts, rulesByName, held);
    }

    /// <summary>
    /// The same, with the rules already by coin name (the cycle's venue view holds them so; the first of a name wins).
    /// The rules must not change once passed: what the last call found per position (the first context of its coin or
    /// not, eligible or not, its move) is reused while the coins sit at the same positions, the same rules are passed
    /// and a context is the same record as last time (a replay's reader hands the same record for every coin without
    /// news: most of them every cycle). A test compares the result with a selector that remembers nothing.
    /// </summary>
    public CandidateSelection Select(IReadOnlyList<AssetContext> contexts, IReadOnlyDictionary<string, InstrumentRules> rulesByName, IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(rulesByName);
        ArgumentNullException.ThrowIfNull(held);
        var scan = Scan(contexts, rulesByName);
        var eligible = scan.Eligible;
        var ranked = Rank(eligible, scan.Moves);
        var heldCoins = Distinct(held);
        var chosen = new List<Candidate>(Math.Min(ranked.Length, _options.MaxCandidates) + heldCoins.Count);
        for (var i = 0; i < ranked.Length; i++)
        {
            var (context, score, move) = ranked[i];
            var isHeld = heldCoins.Count != 0 && heldCoins.Contains(context.Coin, StringComparer.Ordinal);
            if (i < _options.MaxCandidates || isHeld)
            {
                chosen.Add(new Candidate(context.Coin, context, isHeld, i + 1, score, move));
            }
        }

        if (heldCoins.Count != 0)
        {
            foreach (var coin in heldCoins.Where(c => !IsRanked(ranked, c)).Order(StringComparer.Ordinal))
            {
                var context = FirstOf(contexts, coin);
                chosen.Add(new Candidate(coin, context, IsHeld: true, Rank: null, Score: null, context is null ? 0m : MovePct(context)));
            }
        }

        return new CandidateSelection(chosen, scan.Distinct, eligible.Length);
    }

    /// <summary>|price / prevDayPx − 1| × 100 (price = mid, else mark), 0 without a previous-day price.</summary>
    public static decimal MovePct(AssetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.PrevDayPrice <= 0m
            ? 0m
            : decimal.Round(Math.Abs((context.LivePrice / context.PrevDayPrice) - 1m) * 100m, 4);
    }

    private bool IsEligible(AssetContext context, IReadOnlyDictionary<string, InstrumentRules> rules) =>
        rules.TryGetValue(context.Coin, out var rule)
        && !rule.IsDelisted
        && context.MarkPrice > 0m
        && context.OpenInterestUsd >= _options.LiquidityThresholdUsd;

    /// <summary>
    /// One pass over the contexts: the first context of a coin wins, and the eligible ones keep the order of the
    /// contexts (with their moves). Reuses the last pass's findings where they cannot differ (see <see cref="Select(IReadOnlyList{AssetContext}, IReadOnlyDictionary{string, InstrumentRules}, IReadOnlyCollection{string})"/>).
    /// </summary>
    private ScanResult Scan(IReadOnlyList<AssetContext> contexts, IReadOnlyDictionary<string, InstrumentRules> rulesByName)
    {
        var kept = _kept;
        var count = contexts.Count;
        var seen = new AssetContext[count];
        for (var i = 0; i < count; i++)
        {
            seen[i] = contexts[i];
        }

        // The same record at a position has the same coin: only a replaced record's coin is read and compared.
        var sameCoins = kept is not null && ReferenceEquals(kept.Rules, rulesByName) && kept.Contexts.Length == count;
        for (var i = 0; i < count && sameCoins; i++)
        {
            var keptContext = kept!.Contexts[i];
            sameCoins = ReferenceEquals(seen[i], keptContext) || string.Equals(seen[i].Coin, keptContext.Coin, StringComparison.Ordinal);
        }

        // The same coins at the same positions: the same first contexts (the kept flags are never written again).
        var first = sameCoins ? kept!.First : new bool[count];
        var byCoin = sameCoins ? null : new Dictionary<string, AssetContext>(count, StringComparer.Ordinal);
        var slots = new int[count];
        Span<decimal> found = count <= 512 ? stackalloc decimal[count] : new decimal[count];
        var (distinct, eligibleCount) = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var context = seen[i];
            slots[i] = -1;
            if (byCoin is not null)
            {
                first[i] = byCoin.TryAdd(context.Coin, context);
            }

            if (!first[i])
            {
                continue;
            }

            distinct++;
            decimal? move = sameCoins && ReferenceEquals(kept!.Contexts[i], context)
                ? (kept.Slots[i] >= 0 ? kept.Moves[kept.Slots[i]] : null)
                : (IsEligible(context, rulesByName) ? MovePct(context) : null);
            if (move is { } value)
            {
                slots[i] = eligibleCount;
                found[eligibleCount++] = value;
            }
        }

        var eligible = new AssetContext[eligibleCount];
        for (var i = 0; i < count; i++)
        {
            if (slots[i] >= 0)
            {
                eligible[slots[i]] = seen[i];
            }
        }

        var moves = found[..eligibleCount].ToArray();
        _kept = new KeptScan(rulesByName, seen, first, slots, moves);
        return new ScanResult(eligible, moves, distinct);
    }

    /// <summary>The held coins without repeats, in their order.</summary>
    private static List<string> Distinct(IReadOnlyCollection<string> held)
    {
        var coins = new List<string>(held.Count);
        foreach (var coin in held)
        {
            if (!coins.Contains(coin, StringComparer.Ordinal))
            {
                coins.Add(coin);
            }
        }

        return coins;
    }

    /// <summary>True when <paramref name="coin"/> is among the ranked (eligible) coins.</summary>
    private static bool IsRanked((AssetContext Context, double Score, decimal Move)[] ranked, string coin)
    {
        foreach (var entry in ranked)
        {
            if (string.Equals(entry.Context.Coin, coin, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first context of <paramref name="coin"/>, or null.</summary>
    private static AssetContext? FirstOf(IReadOnlyList<AssetContext> contexts, string coin)
    {
        for (var i = 0; i < contexts.Count; i++)
        {
            if (string.Equals(contexts[i].Coin, coin, StringComparison.Ordinal))
            {
                return contexts[i];
            }
        }

        return null;
    }

    private (AssetContext Context, double Score, decimal Move)[] Rank(AssetContext[] eligible, decimal[] moves)
    {
        // Each coin's move is computed once; the sorted copies serve the percentiles (only "strictly below" is
        // counted, so the order among equal values does not matter).
        var volumes = new decimal[eligible.Length];
        for (var i = 0; i < eligible.Length; i++)
        {
            volumes[i] = eligible[i].DayNotionalVolume;
        }

        var sortedMoves = (decimal[])moves.Clone();
        Array.Sort(volumes);
        Array.Sort(sortedMoves);

        // Counts stay integers and the score is one division, so equal scores compare equal exactly
        // (with equal weights) and the tie-breaks below decide, not rounding noise.
        var scale = (_options.VolumeWeight + _options.MovementWeight) * Math.Max(1, eligible.Length - 1);
        var ranked = new (AssetContext Context, double Score, decimal Move)[eligible.Length];
        for (var i = 0; i < eligible.Length; i++)
        {
            var c = eligible[i];
            var score = eligible.Length <= 1
                ? 1.0
                : ((_options.VolumeWeight * LowerBound(volumes, c.DayNotionalVolume))
                    + (_options.MovementWeight * LowerBound(sortedMoves, moves[i]))) / scale;
            ranked[i] = (c, score, moves[i]);
        }

        // Score desc, day volume desc, open interest USD desc, coin name: a total order (names are unique).
        Array.Sort(ranked, static (a, b) =>
        {
            var order = b.Score.CompareTo(a.Score);
            if (order == 0)
            {
                order = b.Context.DayNotionalVolume.CompareTo(a.Context.DayNotionalVolume);
            }

            if (order == 0)
            {
                order = b.Context.OpenInterestUsd.CompareTo(a.Context.OpenInterestUsd);
            }

            return order != 0 ? order : string.CompareOrdinal(a.Context.Coin, b.Context.Coin);
        });
        return ranked;
    }

    /// <summary>How many of the sorted values are strictly below <paramref name="value"/>.</summary>
    private static int LowerBound(decimal[] sorted, decimal value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    /// <summary>What one pass found per position of the contexts (see <see cref="Scan"/>).</summary>
    /// <param name="Slots">Per position: the index of the context among the eligible (and of its move), or -1.</param>
    /// <param name="Moves">The moves of the eligible contexts, in their order (read, never written).</param>
    private sealed record KeptScan(IReadOnlyDictionary<string, InstrumentRules> Rules, AssetContext[] Contexts, bool[] First, int[] Slots, decimal[] Moves);

    private sealed record ScanResult(AssetContext[] Eligible, decimal[] Moves, int Distinct);
}

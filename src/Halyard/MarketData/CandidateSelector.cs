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
    public IReadOnlyList<string> Coins => Candidates.Select(c => c.Coin).ToArray();
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

    /// <summary>The same, with the rules already by coin name (the cycle's venue view holds them so; the first of a name wins).</summary>
    public CandidateSelection Select(IReadOnlyList<AssetContext> contexts, IReadOnlyDictionary<string, InstrumentRules> rulesByName, IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(rulesByName);
        ArgumentNullException.ThrowIfNull(held);
        // One pass: the first context of a coin wins, and the eligible ones keep the order of the contexts.
        var byCoin = new Dictionary<string, AssetContext>(contexts.Count, StringComparer.Ordinal);
        var eligibleList = new List<AssetContext>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            if (byCoin.TryAdd(context.Coin, context) && IsEligible(context, rulesByName))
            {
                eligibleList.Add(context);
            }
        }

        var eligible = eligibleList.ToArray();
        var ranked = Rank(eligible);
        var heldSet = held.Count == 0 ? null : new HashSet<string>(held, StringComparer.Ordinal);
        var chosen = new List<Candidate>(Math.Min(ranked.Length, _options.MaxCandidates) + held.Count);
        for (var i = 0; i < ranked.Length; i++)
        {
            var (context, score, move) = ranked[i];
            var isHeld = heldSet is not null && heldSet.Contains(context.Coin);
            if (i < _options.MaxCandidates || isHeld)
            {
                chosen.Add(new Candidate(context.Coin, context, isHeld, i + 1, score, move));
            }
        }

        if (heldSet is not null)
        {
            var rankedCoins = new HashSet<string>(ranked.Select(r => r.Context.Coin), StringComparer.Ordinal);
            foreach (var coin in heldSet.Where(c => !rankedCoins.Contains(c)).Order(StringComparer.Ordinal))
            {
                var context = byCoin.GetValueOrDefault(coin);
                chosen.Add(new Candidate(coin, context, IsHeld: true, Rank: null, Score: null, context is null ? 0m : MovePct(context)));
            }
        }

        return new CandidateSelection(chosen, byCoin.Count, eligible.Length);
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

    private (AssetContext Context, double Score, decimal Move)[] Rank(AssetContext[] eligible)
    {
        // Each coin's move is computed once; the sorted copies serve the percentiles (only "strictly below" is
        // counted, so the order among equal values does not matter).
        var moves = new decimal[eligible.Length];
        var volumes = new decimal[eligible.Length];
        for (var i = 0; i < eligible.Length; i++)
        {
            moves[i] = MovePct(eligible[i]);
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
}

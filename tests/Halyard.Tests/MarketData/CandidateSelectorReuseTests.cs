using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;

namespace Halyard.Tests.MarketData;

/// <summary>
/// A selector reuses what its last call found per position of the contexts; every call must equal the selection of a
/// selector that has seen nothing before (on the mainnet answer, changed the ways a replay and a live venue change it).
/// </summary>
public class CandidateSelectorReuseTests
{
    private static readonly (IReadOnlyList<AssetContext> Contexts, IReadOnlyList<InstrumentRules> Rules) Mainnet =
        MetaAndAssetCtxsFixture.Load("mainnet_metaAndAssetCtxs_2026-02-06.json");

    private static readonly IReadOnlyDictionary<string, InstrumentRules> RulesByName =
        Mainnet.Rules.DistinctBy(r => r.Name).ToDictionary(r => r.Name, StringComparer.Ordinal);

    [Fact]
    public void Select_SuccessiveCycles_EqualAFreshSelectorEachTime()
    {
        var options = new CandidateOptions();
        var reused = new CandidateSelector(options);
        var contexts = Mainnet.Contexts.ToArray();
        var random = new Random(14);
        string[][] held = [[], ["BTC"], ["CC", "MATIC", "GHOST"], ["ETH", "ETH"], []];
        for (var cycle = 0; cycle < 40; cycle++)
        {
            // A few coins get a new record each cycle (new prices, volumes, open interest); the rest are the same records.
            for (var k = 0; k < 12; k++)
            {
                var i = random.Next(contexts.Length);
                var factor = 0.8m + (random.Next(0, 41) / 100m);
                contexts[i] = contexts[i] with
                {
                    MarkPrice = contexts[i].MarkPrice * factor,
                    MidPrice = contexts[i].MidPrice * factor,
                    OpenInterest = contexts[i].OpenInterest * (2m - factor),
                    DayNotionalVolume = contexts[i].DayNotionalVolume * factor,
                };
            }

            AssertSame(new CandidateSelector(options).Select(contexts, RulesByName, held[cycle % held.Length]), reused.Select(contexts, RulesByName, held[cycle % held.Length]));
        }
    }

    [Fact]
    public void Select_CoinsMovedOrRepeatedOrRulesChanged_EqualsAFreshSelector()
    {
        var options = new CandidateOptions { MaxCandidates = 5 };
        var reused = new CandidateSelector(options);
        var contexts = Mainnet.Contexts.ToArray();
        var swapped = contexts.ToArray();
        (swapped[0], swapped[^1]) = (swapped[^1], swapped[0]);
        var solIndex = Array.FindIndex(contexts, c => c.Coin == "SOL");
        AssetContext[] repeated = [contexts[solIndex] with { OpenInterest = 0m }, .. contexts];
        var withoutBtc = RulesByName.Where(r => r.Key != "BTC").ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var delistedSol = RulesByName.ToDictionary(r => r.Key, r => r.Key == "SOL" ? r.Value with { IsDelisted = true } : r.Value, StringComparer.Ordinal);
        (IReadOnlyList<AssetContext> Contexts, IReadOnlyDictionary<string, InstrumentRules> Rules)[] calls =
        [
            (contexts, RulesByName),
            (contexts, RulesByName),
            (swapped, RulesByName),
            (repeated, RulesByName),
            (repeated, RulesByName),
            (contexts[..^1], RulesByName),
            (contexts, withoutBtc),
            (contexts, delistedSol),
            (contexts, RulesByName),
        ];

        foreach (var (list, rules) in calls)
        {
            AssertSame(new CandidateSelector(options).Select(list, rules, ["SOL"]), reused.Select(list, rules, ["SOL"]));
        }
    }

    private static void AssertSame(CandidateSelection expected, CandidateSelection actual)
    {
        Assert.Equal((expected.UniverseSize, expected.EligibleCount), (actual.UniverseSize, actual.EligibleCount));
        Assert.Equal(expected.Candidates, actual.Candidates); // records: the same context record, rank, score and move
    }
}

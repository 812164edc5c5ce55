using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;

namespace Halyard.Tests.MarketData;

public class CandidateSelectorTests
{
    private static readonly (IReadOnlyList<AssetContext> Contexts, IReadOnlyList<InstrumentRules> Rules) Mainnet =
        MetaAndAssetCtxsFixture.Load("mainnet_metaAndAssetCtxs_2026-02-06.json");

    private static CandidateSelection Select(IReadOnlyCollection<string> held, CandidateOptions? options = null) =>
        new CandidateSelector(options ?? new CandidateOptions()).Select(Mainnet.Contexts, Mainnet.Rules, held);

    [Fact]
    public void Select_Mainnet20260206_TopTenByVolumeAndMovement()
    {
        // Worked out independently (Python, exact fractions) from the same JSON: 24 of 228 coins have
        // OI × mark ≥ $15M and are listed. Ties: HYPE/PUMP/AAVE share 33/46 and DOGE/LINK/XPL/XMR share
        // 25/46, decided by day volume — XPL ($24.9M) beats XMR ($20.7M) to the tenth place.
        var selection = Select([]);

        Assert.Equal(228, selection.UniverseSize);
        Assert.Equal(24, selection.EligibleCount);
        Assert.Equal(["SOL", "ETH", "HYPE", "PUMP", "AAVE", "BTC", "BNB", "DOGE", "LINK", "XPL"], selection.Coins);
        Assert.Equal(Enumerable.Range(1, 10), selection.Candidates.Select(c => c.Rank!.Value));
        Assert.Equal(39.0 / 46.0, selection.Candidates[0].Score!.Value, 12);
        Assert.Equal(8.8495m, selection.Candidates[0].MovePct); // SOL mid 81.5195 vs prevDay 89.434
        Assert.All(selection.Candidates, c => Assert.True(c.OpenInterestUsd >= 15_000_000m));
    }

    [Fact]
    public void Select_HeldIlliquidAndDelisted_AlwaysIncludedAfterTheRanked()
    {
        // CC: OI ≈ $5.4M (under the threshold); MATIC: delisted; GHOST: not in the universe at all.
        var selection = Select(["MATIC", "CC", "BTC", "GHOST"]);

        Assert.Equal(["SOL", "ETH", "HYPE", "PUMP", "AAVE", "BTC", "BNB", "DOGE", "LINK", "XPL", "CC", "GHOST", "MATIC"], selection.Coins);
        var cc = selection.Candidates.Single(c => c.Coin == "CC");
        Assert.True(cc.IsHeld);
        Assert.Null(cc.Rank);
        Assert.Null(cc.Score);
        Assert.True(cc.OpenInterestUsd < 15_000_000m);
        Assert.Null(selection.Candidates.Single(c => c.Coin == "GHOST").Context);
        Assert.True(selection.Candidates.Single(c => c.Coin == "BTC").IsHeld);
        Assert.Equal(selection.Coins.Count, selection.Coins.Distinct().Count());
    }

    [Fact]
    public void Select_HeldEligibleBelowTopN_KeepsItsRankAndScoreOrder()
    {
        var selection = Select(["LIT"], new CandidateOptions { MaxCandidates = 3 });

        Assert.Equal(["SOL", "ETH", "HYPE", "LIT"], selection.Coins);
        Assert.Equal(24, selection.Candidates[^1].Rank);
    }

    [Fact]
    public void Select_NoDelistedCoinEverRanked()
    {
        var selection = Select([], new CandidateOptions { LiquidityThresholdUsd = 0m, MaxCandidates = 1000 });
        var delisted = Mainnet.Rules.Where(r => r.IsDelisted).Select(r => r.Name).ToHashSet();

        Assert.Equal(38, delisted.Count);
        Assert.Equal(228 - 38, selection.EligibleCount);
        Assert.DoesNotContain(selection.Coins, delisted.Contains);
    }

    [Fact]
    public void Select_ThresholdAtExactOpenInterest_IsInclusive()
    {
        var sol = Mainnet.Contexts.Single(c => c.Coin == "SOL");
        var selection = Select([], new CandidateOptions { LiquidityThresholdUsd = sol.OpenInterestUsd, MaxCandidates = 100 });

        Assert.Equal(["BTC", "ETH", "HYPE", "SOL"], selection.Coins.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("SOL", Select([], new CandidateOptions { LiquidityThresholdUsd = sol.OpenInterestUsd + 0.01m }).Coins);
    }

    [Fact]
    public void Select_EqualScoresAndVolumes_OrderedByOpenInterestThenName()
    {
        static AssetContext Coin(string name, decimal oi) => new(name, 10m, 10m, 10m, oi, 0m, 10m, 1_000m, null);
        AssetContext[] contexts = [Coin("BBB", 200m), Coin("AAA", 100m), Coin("CCC", 100m), Coin("ZZZ", 300m)];
        var rules = contexts.Select((c, i) => new InstrumentRules(c.Coin, i, 2, 10)).ToArray();
        var selector = new CandidateSelector(new CandidateOptions { LiquidityThresholdUsd = 0m });

        var forward = selector.Select(contexts, rules, []);
        var reversed = selector.Select(contexts.Reverse().ToArray(), rules, []);

        Assert.Equal(["ZZZ", "BBB", "AAA", "CCC"], forward.Coins);
        Assert.Equal(forward.Coins, reversed.Coins);
    }

    [Fact]
    public void Select_CoinListedTwice_TheFirstContextCountsOnce()
    {
        static AssetContext Coin(string name, decimal oi) => new(name, 10m, 10m, 10m, oi, 0m, 10m, 1_000m, null);
        AssetContext[] contexts = [Coin("AAA", 100m), Coin("BBB", 0m), Coin("BBB", 500m), Coin("CCC", 300m)];
        var rules = contexts.DistinctBy(c => c.Coin).Select((c, i) => new InstrumentRules(c.Coin, i, 2, 10)).ToArray();
        var selector = new CandidateSelector(new CandidateOptions { LiquidityThresholdUsd = 1m });

        var selection = selector.Select(contexts, rules, ["BBB"]);

        Assert.Equal((3, 2), (selection.UniverseSize, selection.EligibleCount));
        Assert.Equal(["CCC", "AAA", "BBB"], selection.Coins);
        Assert.Same(contexts[1], selection.Candidates[^1].Context);
        Assert.Null(selection.Candidates[^1].Rank);
    }

    [Fact]
    public void Select_CoinMissingFromRules_NotRanked()
    {
        var withoutBtc = Mainnet.Rules.Where(r => r.Name != "BTC").ToArray();

        var selection = new CandidateSelector(new CandidateOptions()).Select(Mainnet.Contexts, withoutBtc, []);

        Assert.DoesNotContain("BTC", selection.Coins);
        Assert.Equal(23, selection.EligibleCount);
    }

    [Fact]
    public void Select_MaxCandidatesZero_OnlyHeld()
    {
        var selection = Select(["ETH"], new CandidateOptions { MaxCandidates = 0 });

        Assert.Equal(["ETH"], selection.Coins);
        Assert.Equal(2, selection.Candidates[0].Rank);
    }

    [Fact]
    public void MovePct_NoPreviousDayPrice_IsZero() =>
        Assert.Equal(0m, CandidateSelector.MovePct(new AssetContext("X", 1m, null, 1m, 1m, 0m, 0m, 0m, null)));

    [Theory]
    [InlineData(-1, 10, 0.5, 0.5, "LiquidityThresholdUsd")]
    [InlineData(0, -1, 0.5, 0.5, "MaxCandidates")]
    [InlineData(0, 10, 0, 0, "VolumeWeight")]
    [InlineData(0, 10, double.NaN, 0.5, "VolumeWeight")]
    public void Constructor_InvalidOptions_NamesTheOption(int threshold, int max, double volumeWeight, double moveWeight, string field)
    {
        var options = new CandidateOptions { LiquidityThresholdUsd = threshold, MaxCandidates = max, VolumeWeight = volumeWeight, MovementWeight = moveWeight };
        Assert.Contains(field, Assert.Throws<ArgumentException>(() => new CandidateSelector(options)).Message, StringComparison.Ordinal);
    }
}

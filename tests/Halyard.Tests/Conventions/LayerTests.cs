using Halyard.Domain;
using Halyard.Journal;
using Halyard.MarketData;

namespace Halyard.Tests.Conventions;

/// <summary>
/// The layer order of docs/architecture.md, enforced on the compiled library: every type reference
/// (signatures and method bodies) points to the same folder or to one below it.
/// </summary>
public class LayerTests
{
    private static readonly Type[] Library = typeof(InstrumentRules).Assembly.GetTypes();

    [Fact]
    public void Library_EveryTypeReference_PointsDownward() =>
        Assert.Empty(LayerRules.Violations(Library, t => LayerRules.LayerOf(t), LayerRules.Exceptions));

    [Fact]
    public void Exceptions_AreAllStillUsed()
    {
        var used = new HashSet<LayerException>();
        LayerRules.Violations(Library, t => LayerRules.LayerOf(t), LayerRules.Exceptions, used);
        Assert.Empty(LayerRules.Exceptions.Where(e => !used.Contains(e)).Select(e => $"{e.From} -> {e.Type}"));
    }

    [Fact]
    public void Library_EveryFolder_HasAPlaceInTheOrder()
    {
        var layers = Library.Select(t => LayerRules.LayerOf(t)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            LayerRules.Order.Append(LayerRules.PaperExchange).Order(StringComparer.Ordinal),
            layers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ArchitectureDoc_DrawsTheLayersInTheTestedOrder()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var picture = doc.Split("```")[1];
        var drawn = picture.Split('\n')
            .Select(line => line.Trim().Split(' ')[0])
            .Where(word => LayerRules.Order.Contains(word))
            .ToArray();
        Assert.Equal(LayerRules.Order.Reverse(), drawn);
    }

    [Fact]
    public void LayerCheck_WouldCatchAnUpwardEdgeInAMethodBody() =>
        Assert.Equal(
            [$"Risk -> Journal: {typeof(UsesAJournalRecordInABody).FullName} uses Halyard.Journal.ActionRecord"],
            LayerRules.Violations([typeof(UsesAJournalRecordInABody)], As("Risk", typeof(UsesAJournalRecordInABody)), []));

    [Fact]
    public void LayerCheck_WouldCatchASidewaysEdgeOfThePaperExchange() =>
        Assert.Equal(
            [$"PaperExchange -> MarketData: {typeof(HoldsAMarketSnapshot).FullName} uses Halyard.MarketData.MarketSnapshot"],
            LayerRules.Violations([typeof(HoldsAMarketSnapshot)], As(LayerRules.PaperExchange, typeof(HoldsAMarketSnapshot)), []));

    [Fact]
    public void LayerCheck_NamedException_AllowsItsOwnTypeOnly()
    {
        var used = new HashSet<LayerException>();
        LayerException[] exceptions = [new("Execution", "Halyard.Journal.ActionRecord", "a sample exception")];
        var violations = LayerRules.Violations(
            [typeof(UsesAJournalRecordInABody), typeof(HoldsACycleRecord)],
            t => t == typeof(UsesAJournalRecordInABody) || t == typeof(HoldsACycleRecord) ? "Execution" : LayerRules.LayerOf(t),
            exceptions,
            used);

        Assert.Equal([$"Execution -> Journal: {typeof(HoldsACycleRecord).FullName} uses Halyard.Journal.DecisionCycleRecord"], violations);
        Assert.Equal(exceptions.ToHashSet(), used);
    }

    [Theory]
    [InlineData("Risk", "Domain", true)]
    [InlineData("Cycle", "PaperExchange", true)]
    [InlineData("PaperExchange", "Hyperliquid", true)]
    [InlineData("Hyperliquid", "MarketData", false)]
    [InlineData("Execution", "Decisions", true)]
    [InlineData("Decisions", "Execution", false)]
    [InlineData("Journal", "PaperExchange", false)]
    [InlineData("PaperExchange", "Risk", false)]
    public void Allows_FollowsTheOrder(string from, string to, bool allowed) => Assert.Equal(allowed, LayerRules.Allows(from, to));

    private static Func<Type, string?> As(string layer, Type sample) => t => t == sample ? layer : LayerRules.LayerOf(t);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Halyard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Halyard.slnx) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The violation: a journal type used only inside a method body (no signature shows it).</summary>
    private static class UsesAJournalRecordInABody
    {
        public static bool IsRecord(object value) => value is ActionRecord;
    }

    /// <summary>The violation: a field of a layer the paper exchange must not see.</summary>
    private sealed class HoldsAMarketSnapshot
    {
        public MarketSnapshot? Snapshot { get; init; }
    }

    private sealed class HoldsACycleRecord
    {
        public DecisionCycleRecord? Record { get; init; }
    }
}

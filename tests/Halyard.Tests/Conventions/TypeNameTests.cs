using Halyard.Cluster.Hosting;
using Halyard.Domain;
using Halyard.Operations.Web;
using Halyard.Sweeps.Planning;

namespace Halyard.Tests.Conventions;

/// <summary>One name, one meaning (docs/architecture.md, "Words"): no two types of src/ share a simple name.</summary>
public class TypeNameTests
{
    private static readonly Type[] Source =
    [
        .. typeof(InstrumentRules).Assembly.GetTypes(),
        .. typeof(OperationsServer).Assembly.GetTypes(),
        .. typeof(SweepPlanner).Assembly.GetTypes(),
        .. typeof(ClusterConfig).Assembly.GetTypes(),
        .. typeof(Halyard.Cli.Commands.ReplayCommand).Assembly.GetTypes(),
    ];

    [Fact]
    public void Source_EverySimpleTypeName_IsDeclaredOnce() =>
        Assert.Empty(TypeNameRules.Duplicates(Source));

    [Fact]
    public void NameCheck_WouldCatchTheSameNameInTwoFolders() =>
        Assert.Equal(
            [$"Twin: {typeof(Samples.Left.Twin).FullName}, {typeof(Samples.Right.Twin).FullName}"],
            TypeNameRules.Duplicates([typeof(Samples.Left.Twin), typeof(Samples.Right.Twin), typeof(TypeNameTests)]));

    [Fact]
    public void NameCheck_CountsGenericArityAndIgnoresNestedTypes() =>
        Assert.Empty(TypeNameRules.Duplicates([typeof(Result), typeof(Result<>), typeof(Samples.Left.Twin.State), typeof(Samples.Right.Twin.State)]));
}

using System.Reflection;
using System.Runtime.CompilerServices;
using Halyard.Domain;

namespace Halyard.Tests.Conventions;

/// <summary>The house rules of the build that a compiler alone does not enforce.</summary>
public class HouseRuleTests
{
    private static readonly Assembly Halyard = typeof(InstrumentRules).Assembly;

    /// <summary>Two traders in one process must never share a nonce, cache or rate limit by accident.</summary>
    [Fact]
    public void StaticFields_HalyardAssembly_AreReadonlyOrConst() => Assert.Empty(MutableStaticFields(Halyard.GetTypes()));

    [Fact]
    public void StaticFields_MutableCheck_WouldCatchAStaticCounter() =>
        Assert.Equal(["Halyard.Tests.Conventions.HouseRuleTests+SharedCounter.Count"], MutableStaticFields([typeof(SharedCounter)]));

    /// <summary>Money, prices and sizes are decimal: no double/float surfaces in the domain or the venue client.</summary>
    [Fact]
    public void PublicMembers_DomainAndHyperliquid_HaveNoFloatingPoint()
    {
        var floating =
            from type in Halyard.GetTypes()
            where IsIn(type, "Halyard.Domain") || IsIn(type, "Halyard.Hyperliquid")
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            let memberType = member switch
            {
                PropertyInfo property => property.PropertyType,
                FieldInfo field => field.FieldType,
                _ => null,
            }
            where memberType is not null && IsFloatingPoint(memberType)
            select $"{type.FullName}.{member.Name}";

        Assert.Empty(floating);
    }

    [Fact]
    public void PublicMembers_FloatingPointCheck_WouldCatchADouble()
    {
        Assert.True(IsFloatingPoint(typeof(double)));
        Assert.True(IsFloatingPoint(typeof(float?)));
        Assert.True(IsFloatingPoint(typeof(IReadOnlyList<double>)));
        Assert.True(IsFloatingPoint(typeof(double[])));
        Assert.False(IsFloatingPoint(typeof(decimal)));
        Assert.False(IsFloatingPoint(typeof(IReadOnlyList<decimal?>)));
    }

    /// <summary>The ambient clock and unseeded randomness are compile errors (BannedApiAnalyzers, RS0030).</summary>
    [Fact]
    public void BannedSymbols_RepositoryRoot_ListsTheAmbientClockAndIsWired()
    {
        var root = RepositoryRoot();
        var banned = File.ReadAllLines(Path.Combine(root, "BannedSymbols.txt"))
            .Select(line => line.Split(';')[0].Trim())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "P:System.DateTime.Now",
                "P:System.DateTime.UtcNow",
                "P:System.DateTimeOffset.Now",
                "P:System.DateTimeOffset.UtcNow",
                "P:System.Environment.TickCount",
                "P:System.Environment.TickCount64",
                "M:System.Random.#ctor",
                "P:System.Random.Shared",
            },
            banned);

        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", props, StringComparison.Ordinal);
        Assert.Contains("<AdditionalFiles Include=\"$(MSBuildThisFileDirectory)BannedSymbols.txt\"", props, StringComparison.Ordinal);
        Assert.Contains("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", props, StringComparison.Ordinal);
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", File.ReadAllText(Path.Combine(root, "Directory.Packages.props")), StringComparison.Ordinal);

        var editorConfig = File.ReadAllText(Path.Combine(root, ".editorconfig"));
        Assert.Contains("dotnet_diagnostic.RS0030.severity = error", editorConfig, StringComparison.Ordinal);
    }

    private static IEnumerable<string> MutableStaticFields(IEnumerable<Type> types) =>
        from type in types
        where !IsCompilerGenerated(type)
        from field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        where !field.IsInitOnly && !field.IsLiteral && !IsCompilerGenerated(field)
        select $"{type.FullName}.{field.Name}";

    private static bool IsIn(Type type, string ns) =>
        type.Namespace is { } name && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));

    private static bool IsFloatingPoint(Type type)
    {
        if (type == typeof(double) || type == typeof(float) || type == typeof(Half))
        {
            return true;
        }

        if (type.HasElementType)
        {
            return IsFloatingPoint(type.GetElementType()!);
        }

        return type.IsGenericType && type.GetGenericArguments().Any(IsFloatingPoint);
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || member.Name.Contains('<', StringComparison.Ordinal);

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

    /// <summary>What the rule forbids: one counter shared by every instance in the process.</summary>
    private static class SharedCounter
    {
#pragma warning disable CA2211 // The point of this type is to be the violation.
        public static int Count = 1;
#pragma warning restore CA2211
    }
}

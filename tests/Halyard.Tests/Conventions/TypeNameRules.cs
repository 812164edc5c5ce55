using System.Runtime.CompilerServices;

namespace Halyard.Tests.Conventions;

/// <summary>
/// One name, one meaning: a top-level type's simple name (with its generic arity, so <c>Result</c> and
/// <c>Result&lt;T&gt;</c> are two names) is declared once across the projects of <c>src/</c>. Nested private
/// helpers (an indicator's <c>State</c>) are their owner's business and are not counted.
/// </summary>
public static class TypeNameRules
{
    /// <summary>Every simple name declared by more than one type, as <c>Name: Full.Name1, Full.Name2</c>.</summary>
    public static IReadOnlyList<string> Duplicates(IEnumerable<Type> types, string root = "Halyard")
    {
        ArgumentNullException.ThrowIfNull(types);
        return types
            .Where(t => !t.IsNested && t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
            .Where(t => !t.Name.StartsWith('<') && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(t => t.FullName).Order(StringComparer.Ordinal)))
            .ToArray();
    }
}

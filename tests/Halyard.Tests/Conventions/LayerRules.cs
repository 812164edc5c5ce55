namespace Halyard.Tests.Conventions;

/// <summary>One allowed edge against the layer order, with the reason and who removes it.</summary>
/// <param name="From">The layer that uses the type.</param>
/// <param name="Type">The full name of the type it may use anyway.</param>
/// <param name="Why">Why it is there and which issue removes it.</param>
public sealed record LayerException(string From, string Type, string Why);

/// <summary>
/// The library's layers, lowest first (docs/architecture.md): a type of one layer may use types of its own
/// layer and of the layers below it, nothing else. <c>PaperExchange</c> sits beside <c>Hyperliquid</c>: it
/// uses <c>Domain</c> and <c>Hyperliquid</c> only, and only <c>Cycle</c> (which hosts it) uses it.
/// </summary>
public static class LayerRules
{
    public static IReadOnlyList<string> Order { get; } =
        ["Domain", "Hyperliquid", "MarketData", "Risk", "Decisions", "Execution", "Journal", "Cycle"];

    public const string PaperExchange = "PaperExchange";

    /// <summary>
    /// The edges that break the order today, each named. Empty this list as the edges go; a listed edge the
    /// code no longer has fails <c>LayerTests.Exceptions_AreAllStillUsed</c>, so the list cannot go stale.
    /// </summary>
    public static IReadOnlyList<LayerException> Exceptions { get; } = [];

    /// <summary>Whether a type of layer <paramref name="from"/> may use a type of layer <paramref name="to"/>.</summary>
    public static bool Allows(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        if (from == PaperExchange)
        {
            return to is "Domain" or "Hyperliquid";
        }

        if (to == PaperExchange)
        {
            return from == "Cycle";
        }

        var f = IndexOf(from);
        var t = IndexOf(to);
        return t < f;
    }

    /// <summary>The layer of a type of the library: the first namespace segment below <paramref name="root"/>, or null outside it.</summary>
    public static string? LayerOf(Type type, string root = "Halyard")
    {
        ArgumentNullException.ThrowIfNull(type);
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>
    /// Every edge of <paramref name="types"/> the rules forbid and no exception allows, as
    /// <c>From -> To: UsingType uses UsedType</c>; plus, in <paramref name="usedExceptions"/>, the exceptions that allowed an edge.
    /// </summary>
    public static IReadOnlyList<string> Violations(
        IEnumerable<Type> types, Func<Type, string?> layerOf, IReadOnlyList<LayerException> exceptions, ISet<LayerException>? usedExceptions = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(layerOf);
        ArgumentNullException.ThrowIfNull(exceptions);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (layerOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type))
            {
                if (layerOf(used) is not { } to || Allows(from, to))
                {
                    continue;
                }

                var exception = exceptions.FirstOrDefault(e => e.From == from && e.Type == used.FullName);
                if (exception is not null)
                {
                    usedExceptions?.Add(exception);
                    continue;
                }

                found.Add($"{from} -> {to}: {Written(type).FullName} uses {used.FullName}");
            }
        }

        return [.. found];
    }

    private static int IndexOf(string layer)
    {
        var index = Order.ToList().IndexOf(layer);
        return index >= 0
            ? index
            : throw new InvalidOperationException($"'{layer}' is a folder of the library that has no place in the layer order; add it to LayerRules.Order and docs/architecture.md.");
    }

    /// <summary>The type as written: a compiler-generated nested type (lambda closure, state machine) reports its declaring type.</summary>
    private static Type Written(Type type)
    {
        while (type.Name.Contains('<', StringComparison.Ordinal) && type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Halyard.Decisions.Parsing;

/// <summary>One item of a decision list; <see cref="CoinKey"/> is set for coin-keyed (nof1) shapes.</summary>
internal readonly record struct DecisionItem(JsonElement Element, string? CoinKey);

internal enum ShapeKind
{
    /// <summary>Not a decision container (numeric array, analysis object, …): never taken.</summary>
    NotDecisions,

    /// <summary>A decision container, possibly empty.</summary>
    Decisions,

    /// <summary>A decision container whose meaning is not clear (e.g. two lists that disagree).</summary>
    Ambiguous,
}

internal sealed record Shape(ShapeKind Kind, IReadOnlyList<DecisionItem> Items, IReadOnlyList<string> Repairs, string Reason, string? Cot)
{
    public static Shape Not(string reason) => new(ShapeKind.NotDecisions, [], [], reason, null);
}

/// <summary>
/// Decides whether a parsed JSON value is a decision container and in which shape: the contract's
/// array or <c>{"decisions": [...]}</c>; a lone decision object; an object wrapping the list under
/// another key; a coin-keyed object (<c>{"BTC": {"signal": ...}}</c>, nof1 style). Arrays of numbers or
/// strings are never decisions.
/// </summary>
internal static partial class ShapeClassifier
{
    /// <param name="wholeRegion">True when the value is all there is in its tag/fence/reply, so an empty
    /// <c>[]</c> or <c>{}</c> means "no decisions" rather than an incidental empty value in prose.</param>
    public static Shape Classify(JsonElement root, bool wholeRegion) => root.ValueKind switch
    {
        JsonValueKind.Array => ClassifyArray(root, wholeRegion, []),
        JsonValueKind.Object => ClassifyObject(root, wholeRegion),
        _ => Shape.Not($"a JSON {root.ValueKind.ToString().ToLowerInvariant()} is not a decision list"),
    };

    private static Shape ClassifyArray(JsonElement array, bool wholeRegion, List<string> repairs, string? cot = null)
    {
        if (array.GetArrayLength() == 0)
        {
            return wholeRegion ? new Shape(ShapeKind.Decisions, [], repairs, "empty list", cot) : Shape.Not("empty array in free text");
        }

        var elements = array.EnumerateArray().ToArray();
        if (elements.Any(e => e.ValueKind != JsonValueKind.Object))
        {
            return Shape.Not("an array of numbers or strings is never a decision list");
        }

        if (elements.Any(e => JsonKeys.HasAction(JsonKeys.Unwrap(e))))
        {
            return new Shape(ShapeKind.Decisions, elements.Select(e => new DecisionItem(e, null)).ToArray(), repairs, "decision array", cot);
        }

        if (elements.All(IsCoinMap))
        {
            repairs.Add("array of coin-keyed objects flattened");
            var items = elements.SelectMany(e => e.EnumerateObject().Select(p => new DecisionItem(p.Value, p.Name))).ToArray();
            return new Shape(ShapeKind.Decisions, items, repairs, "array of coin maps", cot);
        }

        return Shape.Not("array of objects without an action field");
    }

    private static Shape ClassifyObject(JsonElement obj, bool wholeRegion)
    {
        var cot = JsonKeys.TryGet(obj, JsonKeys.Cot, out var c, out _) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var count = obj.EnumerateObject().Count();
        if (count == 0)
        {
            return wholeRegion
                ? new Shape(ShapeKind.Decisions, [], ["empty object read as no decisions"], "empty object", null)
                : Shape.Not("empty object in free text");
        }

        var lists = obj.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && JsonKeys.Lists.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        if (lists.Length > 1)
        {
            return new Shape(ShapeKind.Ambiguous, [], [], $"several decision lists ({string.Join(", ", lists.Select(l => l.Name))})", cot);
        }

        if (lists.Length == 1)
        {
            return ClassifyWrapper(obj, lists[0], cot);
        }

        if (JsonKeys.HasAction(obj))
        {
            return JsonKeys.TryGet(obj, JsonKeys.Symbol, out _, out _)
                ? new Shape(ShapeKind.Decisions, [new DecisionItem(obj, null)], ["lone object read as a one-element list"], "lone decision", cot)
                : Shape.Not("an object with an action but no symbol");
        }

        if (JsonKeys.TryGet(obj, JsonKeys.Singles, out var single, out var singleKey) && single.ValueKind == JsonValueKind.Object && JsonKeys.HasAction(single))
        {
            return new Shape(ShapeKind.Decisions, [new DecisionItem(single, null)], [$"single decision read from key '{singleKey}'"], "wrapped decision", cot);
        }

        if (IsCoinMap(obj))
        {
            var items = obj.EnumerateObject().Select(p => new DecisionItem(p.Value, p.Name)).ToArray();
            return new Shape(ShapeKind.Decisions, items, ["coin-keyed object (nof1 style) mapped to a list"], "coin map", cot);
        }

        return Shape.Not("an object without decisions");
    }

    private static Shape ClassifyWrapper(JsonElement obj, JsonProperty list, string? cot)
    {
        var repairs = new List<string>();
        if (!string.Equals(list.Name, "decisions", StringComparison.Ordinal))
        {
            repairs.Add($"decision list read from key '{list.Name}'");
        }

        var inner = ClassifyArray(list.Value, wholeRegion: true, repairs, cot);
        if (inner.Kind != ShapeKind.Decisions)
        {
            return inner;
        }

        if (JsonKeys.TryGet(obj, JsonKeys.Singles, out var single, out var singleKey) && single.ValueKind == JsonValueKind.Object)
        {
            var agrees = inner.Items.Any(i => SameIntent(i.Element, single));
            if (!agrees)
            {
                return new Shape(
                    ShapeKind.Ambiguous,
                    [],
                    repairs,
                    $"'{singleKey}' ({Describe(single)}) disagrees with '{list.Name}' ({string.Join("; ", inner.Items.Select(i => Describe(i.Element)))})",
                    cot);
            }

            repairs.Add($"'{singleKey}' repeats an item of '{list.Name}' and was ignored");
        }

        return inner;
    }

    /// <summary>A coin-keyed object: every property is a decision object (directly or in trade_signal_args).</summary>
    private static bool IsCoinMap(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.EnumerateObject().Any()
        && obj.EnumerateObject().All(p => CoinKey().IsMatch(p.Name) && JsonKeys.HasAction(JsonKeys.Unwrap(p.Value)));

    private static bool SameIntent(JsonElement a, JsonElement b) =>
        string.Equals(Describe(a), Describe(b), StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonElement item)
    {
        var e = JsonKeys.Unwrap(item);
        var action = JsonKeys.TryGet(e, JsonKeys.Action, out var a, out _) ? a.ToString() : "?";
        var symbol = JsonKeys.TryGet(e, JsonKeys.Symbol, out var s, out _) ? s.ToString() : "?";
        return $"{action} {symbol}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/:\-_]{0,24}$")]
    private static partial Regex CoinKey();
}

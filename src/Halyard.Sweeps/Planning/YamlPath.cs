using System.Globalization;
using Halyard.Domain;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Planning;

/// <summary>
/// A configuration key addressed by its YAML path, the way <c>docs/configuration.md</c> names it:
/// <c>decision_maker.model</c>, <c>traders[0].risk_params.altcoin_leverage</c>, <c>traders[*].exec_guards.cooldown_after_close</c>
/// (<c>[*]</c>: every item), <c>replay</c> (a whole mapping). A sweep sets it in the YAML document before the
/// real loader reads it, so a sweep knows no configuration type and every key the loader knows can be an axis.
/// </summary>
public sealed record YamlPath
{
    private YamlPath(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    internal IReadOnlyList<Segment> Segments { get; }

    /// <summary>The last key of the path (<c>altcoin_leverage</c>), the default name of an axis.</summary>
    public string LastKey => Segments.Last(s => s.Key is not null).Key!;

    public override string ToString() => Text;

    /// <summary>The path, or why the text is not one.</summary>
    public static Result<YamlPath> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? part : part[..bracket];
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return Error.Invalid($"'{text}': a key path is keys joined by dots, each optionally followed by [N] or [*] (e.g. traders[0].risk_params.altcoin_leverage)");
            }

            segments.Add(new Segment(key, null));
            var rest = bracket < 0 ? string.Empty : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 0)
                {
                    return Error.Invalid($"'{text}': unbalanced [ ] in '{part}'");
                }

                var inner = rest[1..close];
                if (inner == "*")
                {
                    segments.Add(new Segment(null, -1));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new Segment(null, index));
                }
                else
                {
                    return Error.Invalid($"'{text}': an index is a number or * ([0], [*]), not [{inner}]");
                }

                rest = rest[(close + 1)..];
            }
        }

        return new YamlPath(text, segments);
    }

    /// <summary>
    /// Sets the value at this path in <paramref name="root"/> (a mapping), creating missing mappings on the way;
    /// an index must name an existing item. Returns why it could not, or null.
    /// </summary>
    public string? Set(YamlMappingNode root, YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(value);
        return SetFrom(root, 0, value, string.Empty);
    }

    private string? SetFrom(YamlNode node, int at, YamlNode value, string where)
    {
        var segment = Segments[at];
        var last = at == Segments.Count - 1;
        if (segment.Key is { } key)
        {
            if (node is not YamlMappingNode mapping)
            {
                return $"{Text}: '{Shown(where)}' is not a mapping";
            }

            var name = new YamlScalarNode(key);
            var here = where.Length == 0 ? key : where + "." + key;
            if (last)
            {
                mapping.Children[name] = Copy(value);
                return null;
            }

            if (!mapping.Children.TryGetValue(name, out var child) || child is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                if (Segments[at + 1].Key is null)
                {
                    return $"{Text}: '{here}' is not in the base configuration, so it has no item to index";
                }

                child = new YamlMappingNode();
                mapping.Children[name] = child;
            }

            return SetFrom(child, at + 1, value, here);
        }

        if (node is not YamlSequenceNode sequence)
        {
            return $"{Text}: '{Shown(where)}' is not a list";
        }

        var indexes = segment.Index == -1 ? Enumerable.Range(0, sequence.Children.Count) : [segment.Index!.Value];
        foreach (var index in indexes)
        {
            if (index >= sequence.Children.Count)
            {
                return $"{Text}: '{Shown(where)}' has {sequence.Children.Count} item(s), no [{index}]";
            }

            var here = string.Create(CultureInfo.InvariantCulture, $"{where}[{index}]");
            if (last)
            {
                sequence.Children[index] = Copy(value);
                continue;
            }

            if (SetFrom(sequence.Children[index], at + 1, value, here) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string Shown(string where) => where.Length == 0 ? "(the document)" : where;

    /// <summary>A deep copy, so one axis value set into many documents never shares a node.</summary>
    internal static YamlNode Copy(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(Copy)) { Style = q.Style },
        YamlMappingNode m => CopyMapping(m),
        _ => throw new ArgumentException("A YAML alias cannot be a sweep value.", nameof(node)),
    };

    private static YamlMappingNode CopyMapping(YamlMappingNode mapping)
    {
        var copy = new YamlMappingNode { Style = mapping.Style };
        foreach (var (key, value) in mapping.Children)
        {
            copy.Children.Add(Copy(key), Copy(value));
        }

        return copy;
    }

    internal sealed record Segment(string? Key, int? Index);
}

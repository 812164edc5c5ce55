using System.Globalization;
using Halyard.Cycle.Configuration;
using Halyard.Sweeps.Endpoints;
using Halyard.Sweeps.Planning;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Definition;

/// <summary>Reads a sweep file (<c>docs/sweeps.md</c>). Never throws for a bad file: every problem comes back, naming its key.</summary>
public static class SweepFileReader
{
    private static readonly string[] TopKeys = ["name", "base", "out", "workers", "axes", "jobs", "endpoints"];
    private static readonly string[] AxisKeys = ["key", "name", "values", "labels"];
    private static readonly string[] JobKeys = ["name", "set"];
    private static readonly string[] EndpointKeys = ["endpoint", "max_concurrency", "requests_per_minute"];

    public static (SweepDefinition? Definition, IReadOnlyList<string> Errors) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{full}: cannot read the sweep file: {e.Message}"]);
        }

        return Parse(text, Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
    }

    /// <summary>Reads sweep text; <paramref name="directory"/> resolves <c>base</c>, <paramref name="defaultName"/> names the sweep when it has no <c>name</c>.</summary>
    public static (SweepDefinition? Definition, IReadOnlyList<string> Errors) Parse(string text, string directory, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var loaded = YamlRoot.Load(text);
        if (!loaded.IsSuccess)
        {
            return (null, [loaded.Error.Message]);
        }

        var root = loaded.Value;

        Unknown(root, TopKeys, "", errors);
        var name = Scalar(root, "name") ?? defaultName;
        if (!IsFolderName(name))
        {
            errors.Add($"name '{name}': letters, digits, '-', '_' and '.' only (it names the sweep and its folder)");
        }

        var (baseYaml, baseDir) = ReadBase(Scalar(root, "base"), directory, errors);
        var definition = new SweepDefinition
        {
            Name = name,
            BaseYaml = baseYaml,
            BaseDirectory = baseDir,
            Axes = ReadAxes(Child(root, "axes"), errors),
            Variants = ReadVariants(Child(root, "jobs"), errors),
            OutDirectory = Path.GetFullPath(Scalar(root, "out") ?? Path.Combine("runs", "sweeps", name)),
            Workers = ReadPositive(root, "workers", "workers", errors),
            Endpoints = ReadEndpoints(Child(root, "endpoints"), errors),
        };
        var names = definition.Axes.Select(a => a.Name).ToList();
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"axes: two axes are named '{duplicate.Key}'; give one a name");
        }

        return errors.Count == 0 ? (definition, []) : (null, errors);
    }

    private static (string Yaml, string? Directory) ReadBase(string? basePath, string directory, List<string> errors)
    {
        if (basePath is null)
        {
            return (HalyardConfig.Default().ToYaml(), null);
        }

        var full = Path.GetFullPath(Path.Combine(directory, basePath));
        try
        {
            return (File.ReadAllText(full), Path.GetDirectoryName(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"base '{basePath}': cannot read {full}: {e.Message}");
            return (string.Empty, null);
        }
    }

    private static IReadOnlyList<SweepAxis> ReadAxes(YamlNode? node, List<string> errors)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode items)
        {
            errors.Add("axes: a list of { key, values } expected");
            return [];
        }

        var axes = new List<SweepAxis>();
        for (var i = 0; i < items.Children.Count; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"axes[{i}]");
            if (items.Children[i] is not YamlMappingNode axis)
            {
                errors.Add($"{where}: a mapping {{ key, values }} expected");
                continue;
            }

            Unknown(axis, AxisKeys, where, errors);
            var parsed = YamlPath.Parse(Scalar(axis, "key") ?? string.Empty);
            if (!parsed.IsSuccess)
            {
                errors.Add($"{where}.key: {parsed.Error.Message}");
                continue;
            }

            var key = parsed.Value;

            if (Child(axis, "values") is not YamlSequenceNode { Children.Count: > 0 } values)
            {
                errors.Add($"{where}.values: a non-empty list of values expected");
                continue;
            }

            var labels = Child(axis, "labels") is YamlSequenceNode l ? l.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty).ToArray() : null;
            if (labels is not null && labels.Length != values.Children.Count)
            {
                errors.Add($"{where}.labels: {labels.Length} label(s) for {values.Children.Count} value(s)");
                continue;
            }

            var axisValues = values.Children.Select((v, n) => new AxisValue(labels?[n] ?? Label(v), v)).ToArray();
            foreach (var duplicate in axisValues.GroupBy(v => v.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add($"{where}: two values have the label '{duplicate.Key}'; give labels");
            }

            axes.Add(new SweepAxis(Scalar(axis, "name") ?? key.LastKey, key, axisValues));
        }

        return axes;
    }

    private static IReadOnlyList<SweepVariant> ReadVariants(YamlNode? node, List<string> errors)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode items)
        {
            errors.Add("jobs: a list of { name, set } expected");
            return [];
        }

        var variants = new List<SweepVariant>();
        for (var i = 0; i < items.Children.Count; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"jobs[{i}]");
            if (items.Children[i] is not YamlMappingNode job || Child(job, "set") is not YamlMappingNode set)
            {
                errors.Add($"{where}: a mapping with `set: {{ key.path: value, … }}` expected");
                continue;
            }

            Unknown(job, JobKeys, where, errors);
            var settings = new List<(YamlPath, YamlNode)>();
            foreach (var (k, v) in set.Children)
            {
                var key = YamlPath.Parse((k as YamlScalarNode)?.Value ?? string.Empty);
                if (!key.IsSuccess)
                {
                    errors.Add($"{where}.set: {key.Error.Message}");
                    continue;
                }

                settings.Add((key.Value, v));
            }

            var name = Scalar(job, "name") ?? string.Join("_", settings.Select(s => Label(s.Item2)));
            variants.Add(new SweepVariant(name, settings));
        }

        foreach (var duplicate in variants.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"jobs: two jobs are named '{duplicate.Key}'; give them names");
        }

        return variants;
    }

    private static IReadOnlyList<EndpointLimit> ReadEndpoints(YamlNode? node, List<string> errors)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode items)
        {
            errors.Add("endpoints: a list of { endpoint, max_concurrency, requests_per_minute } expected");
            return [];
        }

        var limits = new List<EndpointLimit>();
        for (var i = 0; i < items.Children.Count; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"endpoints[{i}]");
            if (items.Children[i] is not YamlMappingNode item || Scalar(item, "endpoint") is not { } endpoint)
            {
                errors.Add($"{where}: a mapping with `endpoint` (a base_url, or openai / anthropic) expected");
                continue;
            }

            Unknown(item, EndpointKeys, where, errors);
            var concurrency = ReadPositive(item, "max_concurrency", where + ".max_concurrency", errors) ?? int.MaxValue;
            var rpm = ReadPositive(item, "requests_per_minute", where + ".requests_per_minute", errors);
            limits.Add(new EndpointLimit(EndpointKeyOf.Normalize(endpoint), concurrency, rpm));
        }

        return limits;
    }

    private static int? ReadPositive(YamlMappingNode node, string key, string where, List<string> errors)
    {
        if (Scalar(node, key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        errors.Add($"{where} '{text}': a whole number ≥ 1 expected");
        return null;
    }

    /// <summary>The label of a value: the scalar itself; the scalars of a mapping or list joined by '~'.</summary>
    internal static string Label(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode q => string.Join("~", q.Children.Select(Label)),
        YamlMappingNode m => string.Join("~", m.Children.Values.Select(Label)),
        _ => "value",
    };

    private static bool IsFolderName(string name) =>
        name.Length is > 0 and <= 80 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && name is not "." and not "..";

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;

    private static void Unknown(YamlMappingNode node, string[] allowed, string where, List<string> errors)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add($"{(where.Length == 0 ? key : where + "." + key)}: unknown key (allowed: {string.Join(", ", allowed)})");
        }
    }
}

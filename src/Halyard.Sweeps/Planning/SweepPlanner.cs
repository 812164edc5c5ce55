using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.PaperExchange.Data;
using Halyard.Sweeps.Definition;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Planning;

/// <summary>
/// Expands a sweep into its jobs: every explicit variant (or the base alone) crossed with the grid of the
/// axes. Each job's keys are set in the base YAML document by path, then the real loader reads it, so a
/// key the loader refuses is refused here, naming the job; the window is resolved as <c>halyard replay</c> would.
/// </summary>
public static class SweepPlanner
{
    public const string VariantAxis = "job";

    public static (SweepPlan? Plan, IReadOnlyList<string> Errors) Plan(SweepDefinition definition, MarketDataSet? data = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var jobs = new List<SweepJob>();
        var variants = definition.Variants.Count == 0 ? [null] : definition.Variants.Cast<SweepVariant?>().ToArray();
        foreach (var variant in variants)
        {
            foreach (var cell in Grid(definition.Axes))
            {
                var job = Build(definition, variant, cell, data, errors);
                if (job is not null)
                {
                    jobs.Add(job);
                }
            }
        }

        foreach (var duplicate in jobs.GroupBy(j => j.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"two jobs are named '{duplicate.Key}': give the axes' values distinct labels");
        }

        var axisNames = (definition.Variants.Count > 0 ? [VariantAxis] : Array.Empty<string>()).Concat(definition.Axes.Select(a => a.Name)).ToArray();
        return errors.Count == 0 ? (new SweepPlan(definition.Name, definition.OutDirectory, axisNames, jobs), []) : (null, errors.Distinct(StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<IReadOnlyList<(SweepAxis Axis, AxisValue Value)>> Grid(IReadOnlyList<SweepAxis> axes)
    {
        IEnumerable<IReadOnlyList<(SweepAxis, AxisValue)>> cells = [[]];
        foreach (var axis in axes)
        {
            var current = axis;
            cells = cells.SelectMany(cell => current.Values.Select(v => (IReadOnlyList<(SweepAxis, AxisValue)>)[.. cell, (current, v)]));
        }

        return cells;
    }

    private static SweepJob? Build(SweepDefinition definition, SweepVariant? variant, IReadOnlyList<(SweepAxis Axis, AxisValue Value)> cell, MarketDataSet? data, List<string> errors)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variant is not null)
        {
            labels[VariantAxis] = variant.Name;
        }

        foreach (var (axis, value) in cell)
        {
            labels[axis.Name] = value.Label;
        }

        var name = JobName.Of(variant?.Name, cell.Select(c => (c.Axis.Name, c.Value.Label)));
        var stream = new YamlStream();
        stream.Load(new StringReader(definition.BaseYaml));
        var root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m ? m : null;
        if (root is null)
        {
            if (stream.Documents.Count == 0)
            {
                root = new YamlMappingNode();
                stream.Add(new YamlDocument(root));
            }
            else
            {
                errors.Add("base: the configuration is not a YAML mapping");
                return null;
            }
        }

        var settings = (variant?.Settings ?? []).Concat(cell.Select(c => (c.Axis.Key, c.Value.Node)));
        foreach (var (key, value) in settings)
        {
            if (key.Set(root, value) is { } problem)
            {
                errors.Add($"job {name}: {problem}");
                return null;
            }
        }

        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        var loaded = HalyardConfigLoader.Parse(text.ToString(), new ConfigLoadOptions { BaseDirectory = definition.BaseDirectory });
        if (!loaded.Succeeded)
        {
            errors.AddRange(loaded.Errors.Select(e => $"job {name}: {e}"));
            return null;
        }

        var config = loaded.Config;
        var plan = ReplayRunner.Plan(new ReplayRequest { Config = config, Data = data });
        if (!plan.IsSuccess)
        {
            errors.Add($"job {name}: {plan.Error.Message}");
            return null;
        }

        var window = plan.Value;

        var yaml = config.ToYaml();
        var inputs = config.Traders.Select(config.DecisionMakerFor).Prepend(config.DecisionMaker)
            .SelectMany(e => new[] { e.PromptTemplate, e.Cassette })
            .OfType<string>();
        return new SweepJob(name, labels, yaml, ConfigDigest.Of(yaml, window, inputs), window, config);
    }
}

using Halyard.Sweeps.Endpoints;
using Halyard.Sweeps.Planning;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Definition;

/// <summary>
/// A sweep file: a base configuration (a halyard YAML file, or the starter configuration), axes combined as
/// a grid and/or variants listed explicitly, the sweep folder, and the limits of the LLM endpoints the jobs
/// share. Immutable; read by <see cref="SweepFileReader"/>.
/// </summary>
public sealed record SweepDefinition
{
    public required string Name { get; init; }

    /// <summary>The base configuration's YAML text (the starter configuration's when no <c>base</c> is given).</summary>
    public required string BaseYaml { get; init; }

    /// <summary>Where relative input paths of the base (prompt template, cassette, data dir) resolve; null: the working directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Combined as a grid: every value of every axis with every value of every other.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; init; } = [];

    /// <summary>Listed explicitly; with axes too, each variant is crossed with the grid.</summary>
    public IReadOnlyList<SweepVariant> Variants { get; init; } = [];

    /// <summary>The sweep folder: <c>index.json</c>, <c>index.db</c> and one run folder per job under <c>jobs/</c>.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>Local workers; null: one per core.</summary>
    public int? Workers { get; init; }

    public IReadOnlyList<EndpointLimit> Endpoints { get; init; } = [];
}

/// <summary>One axis: a configuration key by YAML path and the values it takes, each with the label that names it in job names.</summary>
public sealed record SweepAxis(string Name, YamlPath Key, IReadOnlyList<AxisValue> Values);

/// <summary>A value of an axis and its label (the scalar itself, or the scalars of a mapping joined by '~').</summary>
public sealed record AxisValue(string Label, YamlNode Node);

/// <summary>An explicitly listed job: a name and the keys it sets.</summary>
public sealed record SweepVariant(string Name, IReadOnlyList<(YamlPath Key, YamlNode Value)> Settings);

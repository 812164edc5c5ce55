using System.Globalization;
using Halyard.Cycle.Configuration;
using Halyard.Sweeps.Definition;
using YamlDotNet.RepresentationModel;

namespace Halyard.Cluster.Hosting;

/// <summary>Where the cluster keeps its membership table and grain state.</summary>
public enum ClusteringKind
{
    /// <summary>One machine: silos find the primary on 127.0.0.1; grain state in memory.</summary>
    Localhost,

    /// <summary>Membership and grain state in Redis (<c>connection</c>: a StackExchange.Redis configuration string).</summary>
    Redis,

    /// <summary>Membership and grain state in a database through ADO.NET (PostgreSQL by default, with Orleans' SQL scripts applied).</summary>
    AdoNet,
}

/// <summary>
/// <c>CLUSTER.yaml</c> (<c>docs/sweeps.md</c>): the clustering store, this silo's ports and workers, where results
/// go, and the lease and failure-detection times. Read by <c>halyard silo</c> and <c>halyard sweep --cluster</c>.
/// </summary>
public sealed record ClusterConfig
{
    public string ClusterId { get; init; } = "halyard";
    public string ServiceId { get; init; } = "halyard";
    public ClusteringKind Clustering { get; init; } = ClusteringKind.Localhost;
    public string? Connection { get; init; }
    public string AdoNetInvariant { get; init; } = "Npgsql";

    /// <summary>The address this silo advertises to the others (Redis / ADO.NET clustering).</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Localhost clustering: the silo port of the first silo, which the others join.</summary>
    public int PrimarySiloPort { get; init; } = 11111;

    /// <summary>The gateways a client may use (localhost clustering); default: <see cref="GatewayPort"/>.</summary>
    public IReadOnlyList<int> Gateways { get; init; } = [];

    public int Workers { get; init; } = Environment.ProcessorCount;
    public string? Name { get; init; }

    /// <summary>The shared folder for results: sweep folders go to <c>results/NAME</c> (every silo must see the same path).</summary>
    public string? Results { get; init; }

    public TimeSpan LeaseTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Failure detection: how long a probe may take, and how many missed probes declare a silo dead (Orleans' defaults when unset).</summary>
    public TimeSpan? ProbeTimeout { get; init; }
    public int? MissedProbes { get; init; }
    public int? DeathVotes { get; init; }

    private static readonly string[] Keys =
    [
        "cluster_id", "service_id", "clustering", "connection", "adonet_invariant", "host", "silo_port", "gateway_port",
        "primary_silo_port", "gateways", "workers", "name", "results", "lease_timeout", "poll", "probe_timeout", "missed_probes", "death_votes",
    ];

    public static (ClusterConfig? Config, IReadOnlyList<string> Errors) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: {e.Message}"]);
        }
    }

    public static (ClusterConfig? Config, IReadOnlyList<string> Errors) Parse(string text, string directory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var loaded = YamlRoot.Load(text);
        if (!loaded.IsSuccess)
        {
            return (null, [loaded.Error.Message]);
        }

        var root = loaded.Value;

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var gateways = new List<int>();
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                errors.Add($"{key}: unknown key (allowed: {string.Join(", ", Keys)})");
            }
            else if (key == "gateways" && v is YamlSequenceNode list)
            {
                gateways.AddRange(list.Children.Select(c => Port((c as YamlScalarNode)?.Value, "gateways[]", errors)));
            }
            else if (v is YamlScalarNode { Value: { } s })
            {
                values[key] = s;
            }
            else
            {
                errors.Add($"{key}: a single value expected");
            }
        }

        var config = new ClusterConfig();
        string? Get(string key) => values.GetValueOrDefault(key);
        var kind = Get("clustering") switch
        {
            null or "localhost" => ClusteringKind.Localhost,
            "redis" => ClusteringKind.Redis,
            "adonet" => ClusteringKind.AdoNet,
            var other => Fail(errors, $"clustering '{other}': localhost, redis or adonet", ClusteringKind.Localhost),
        };
        config = config with
        {
            ClusterId = Get("cluster_id") ?? config.ClusterId,
            ServiceId = Get("service_id") ?? config.ServiceId,
            Clustering = kind,
            Connection = Get("connection"),
            AdoNetInvariant = Get("adonet_invariant") ?? config.AdoNetInvariant,
            Host = Get("host") ?? config.Host,
            SiloPort = Get("silo_port") is { } sp ? Port(sp, "silo_port", errors) : config.SiloPort,
            GatewayPort = Get("gateway_port") is { } gp ? Port(gp, "gateway_port", errors) : config.GatewayPort,
            PrimarySiloPort = Get("primary_silo_port") is { } pp ? Port(pp, "primary_silo_port", errors) : config.PrimarySiloPort,
            Gateways = gateways,
            Workers = Get("workers") is { } w ? Positive(w, "workers", errors) : config.Workers,
            Name = Get("name"),
            Results = Get("results") is { } r ? Path.GetFullPath(Path.Combine(directory, r)) : null,
            LeaseTimeout = Get("lease_timeout") is { } lt ? Duration(lt, "lease_timeout", errors) : config.LeaseTimeout,
            Poll = Get("poll") is { } p ? Duration(p, "poll", errors) : config.Poll,
            ProbeTimeout = Get("probe_timeout") is { } pt ? Duration(pt, "probe_timeout", errors) : null,
            MissedProbes = Get("missed_probes") is { } mp ? Positive(mp, "missed_probes", errors) : null,
            DeathVotes = Get("death_votes") is { } dv ? Positive(dv, "death_votes", errors) : null,
        };
        if (kind != ClusteringKind.Localhost && string.IsNullOrWhiteSpace(config.Connection))
        {
            errors.Add($"connection: required for clustering {Get("clustering")} (e.g. 127.0.0.1:6379 for Redis, a connection string for ADO.NET)");
        }

        if (config.LeaseTimeout < TimeSpan.FromSeconds(3))
        {
            errors.Add("lease_timeout: at least 3s (it is renewed every third of it)");
        }

        return errors.Count == 0 ? (config, []) : (null, errors);
    }

    /// <summary>This silo's name in the index: the configured one, else host:silo_port.</summary>
    public string SiloName => Name ?? string.Create(CultureInfo.InvariantCulture, $"{Host}:{SiloPort}");

    private static T Fail<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }

    private static int Port(string? text, string key, List<string> errors) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : Fail(errors, $"{key} '{text}': a port 1–65535", 0);

    private static int Positive(string text, string key, List<string> errors) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Fail(errors, $"{key} '{text}': a whole number ≥ 1", 1);

    private static TimeSpan Duration(string text, string key, List<string> errors) =>
        DurationText.TryParse(text, out var value) ? value : Fail(errors, $"{key} '{text}': {DurationText.Allowed}", TimeSpan.Zero);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Halyard.Cycle.Configuration;

public enum ConfigSeverity
{
    /// <summary>The configuration cannot be used.</summary>
    Error,

    /// <summary>Loadable, but probably not what was meant (e.g. a band no order can satisfy).</summary>
    Warning,
}

/// <summary>
/// One problem found while loading, naming the field path (e.g. <c>traders[0].exec_guards.cooldown_after_close</c>),
/// the offending value (redacted when it looks like a secret) and what is allowed.
/// </summary>
/// <param name="Line">1-based line in the YAML text, when known.</param>
public sealed record ConfigIssue(
    ConfigSeverity Severity,
    string Path,
    string? Value,
    string Message,
    int? Line = null,
    int? Column = null)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Severity == ConfigSeverity.Error ? "error: " : "warning: ");
        sb.Append(Path.Length == 0 ? "(document)" : Path);
        if (Value is not null)
        {
            sb.Append(" = '").Append(Value).Append('\'');
        }

        sb.Append(": ").Append(Message);
        if (Line is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (line {Line}, column {Column})");
        }

        return sb.ToString();
    }
}

/// <summary>The outcome of loading: the configuration when there is no error, and every issue found.</summary>
public sealed record ConfigLoadResult(HalyardConfig? Config, IReadOnlyList<ConfigIssue> Issues)
{
    [MemberNotNullWhen(true, nameof(Config))]
    public bool Succeeded => Config is not null;

    public IReadOnlyList<ConfigIssue> Errors => Issues.Where(i => i.Severity == ConfigSeverity.Error).ToArray();

    public IReadOnlyList<ConfigIssue> Warnings => Issues.Where(i => i.Severity == ConfigSeverity.Warning).ToArray();

    /// <summary>Every issue, one per line, for a console.</summary>
    public string Describe() => string.Join('\n', Issues.Select(i => i.ToString()));
}

/// <summary>What the loader may consult besides the text.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary>
    /// Directory against which relative input paths (cassette, prompt template, key file, data dir) are
    /// resolved and checked to exist; null (the default of <c>Parse</c>) leaves them as written, unchecked.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Environment lookup used to warn about unset key variables; null skips the check.</summary>
    public Func<string, string?>? Environment { get; init; }
}

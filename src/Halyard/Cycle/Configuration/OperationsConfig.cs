namespace Halyard.Cycle.Configuration;

/// <summary>How the diagnostic log is written.</summary>
public enum LogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Plain,

    /// <summary>One JSON object per line (timestamp, level, event id and name, category, message, state).</summary>
    Json,
}

/// <summary><c>logging</c>: the diagnostic log of <c>halyard run</c> (console and a rolling file in the journal folder).</summary>
public sealed record LoggingConfig
{
    /// <summary>Format of the rolling file <c>halyard-YYYYMMDD.log</c> in the journal folder.</summary>
    public LogFormat Format { get; init; } = LogFormat.Plain;

    /// <summary>Minimum level written to the console (<c>--verbose</c> lowers it to debug); the file always gets information and above.</summary>
    public string Level { get; init; } = "warning";
}

/// <summary><c>alerts</c>: where alerts go (a trader's loop faults, a position is unprotected, the venue is down, safe mode, the process stops).</summary>
public sealed record AlertsConfig
{
    /// <summary>A JSON POST per alert; null: none.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>A command run per alert with the alert's JSON on its standard input; null: none.</summary>
    public string? Command { get; init; }
}

/// <summary><c>control</c>: the control API and dashboard that <c>halyard run</c> serves on loopback.</summary>
public sealed record ControlConfig
{
    /// <summary>Serve the control API, <c>/metrics</c> and the dashboard.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>TCP port on 127.0.0.1; 0: any free port (written to <c>control.json</c> in the journal folder).</summary>
    public int Port { get; init; } = 8787;

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(Port is >= 1 and <= 65535, "port", Port, "1..65535");
        return p.ToList();
    }
}

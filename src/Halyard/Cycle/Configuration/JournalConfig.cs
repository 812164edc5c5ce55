namespace Halyard.Cycle.Configuration;

/// <summary><c>journal</c>: where the decision-cycle journal of <c>halyard run</c> goes.</summary>
public sealed record JournalConfig
{
    /// <summary>Output directory (relative to the working directory).</summary>
    public string Dir { get; init; } = "journal";

    /// <summary>Also write <c>journal.db</c> (SQLite) besides <c>cycles.jsonl</c>.</summary>
    public bool Sqlite { get; init; } = true;

    /// <summary>Record the full prompt of each cycle, not only its sha256 digest.</summary>
    public bool FullPrompt { get; init; }

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(!string.IsNullOrWhiteSpace(Dir), "dir", Dir, "a folder");
        return p.ToList();
    }
}

/// <summary><c>replay</c>: the window and the run folder of <c>halyard replay</c> (command-line options win).</summary>
public sealed record ReplayConfig
{
    /// <summary>Start (UTC); null: the start of the data.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End (UTC, exclusive); null: the end of the data.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The run folder (relative to the working directory).</summary>
    public string Out { get; init; } = "runs/replay";

    /// <summary>How the cycles read the venue: typed in process (the default) or HTTP <c>/info</c> requests; orders always go over HTTP.</summary>
    public ReplayReads Reads { get; init; } = ReplayReads.Typed;

    /// <summary>How the WebSocket pushes reach the shadow state: typed in process (the default, with typed reads and no socket faults) or JSON frames.</summary>
    public ReplayPushes Pushes { get; init; } = ReplayPushes.Typed;

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(From is null || To is null || From < To, "from", From, "before to");
        p.Require(!string.IsNullOrWhiteSpace(Out), "out", Out, "a folder");
        return p.ToList();
    }
}

/// <summary><c>replay.reads</c>: how a replay's cycles read the in-process paper exchange (docs/replay.md).</summary>
public enum ReplayReads
{
    /// <summary>Answered as typed records, without JSON or HTTP (proven equal to <see cref="Http"/> by a test).</summary>
    Typed,

    /// <summary>Every read an HTTP <c>/info</c> request through the client, as <c>halyard run</c> reads.</summary>
    Http,
}

/// <summary><c>replay.pushes</c>: how the in-process paper exchange's <c>/ws</c> pushes reach a replay's WebSocket state (docs/websocket.md).</summary>
public enum ReplayPushes
{
    /// <summary>
    /// Handed over as messages, in the socket's order, without JSON (proven equal to <see cref="Json"/> by a test);
    /// only with <see cref="ReplayReads.Typed"/> and no <c>paper_exchange.faults.socket</c>, else JSON.
    /// </summary>
    Typed,

    /// <summary>Every push a JSON text frame the client parses, as <c>halyard run</c> receives them.</summary>
    Json,
}

namespace Halyard.Journal;

/// <summary>
/// The decision-cycle journal: append-only records, read back and queried. Implementations:
/// <see cref="JsonlJournal"/> (<c>cycles.jsonl</c>), <see cref="SqliteJournal"/> (<c>journal.db</c>)
/// and <see cref="CompositeJournal"/> (both). Thread-safe; one writer per journal.
/// </summary>
public interface IJournal : IDisposable
{
    /// <summary>Writes the record durably before returning (see <see cref="JournalOptions"/>).</summary>
    void Append(DecisionCycleRecord record);

    /// <summary>Every readable record in append order, plus what could not be read.</summary>
    JournalReadResult ReadAll();

    /// <summary>The trader's last <paramref name="count"/> records, oldest first.</summary>
    IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count);

    /// <summary>The trader's highest journaled cycle number, or null when none (to resume after a restart).</summary>
    long? LastCycle(string traderId);
}

/// <summary>How the journal writes.</summary>
/// <param name="FsyncEachRecord">
/// True: each record is forced to the disk before <see cref="IJournal.Append"/> returns (survives a
/// power loss). False: each record is handed to the operating system soon after (survives a kill of the
/// process once written, not of the machine) — for replays, where speed matters and the run can be redone;
/// <see cref="CompositeJournal"/> then writes on a thread of its own (a kill loses the records still waiting
/// there, at most <see cref="BackgroundWriter.MaxQueued"/>).
/// </param>
/// <param name="KeepFullPrompt">When false the full prompt is dropped and only its digest is kept.</param>
/// <param name="IndexCopiesRecords">
/// True: <c>journal.db</c> holds each record's JSON too (<c>record_json</c>), readable without
/// <c>cycles.jsonl</c>. False (replays): a record written through <see cref="CompositeJournal"/> is stored
/// once, in <c>cycles.jsonl</c>, and the index keeps where its line is (<c>jsonl_offset</c>,
/// <c>jsonl_length</c>) and reads it from there.
/// </param>
public sealed record JournalOptions(bool FsyncEachRecord = true, bool KeepFullPrompt = false, bool IndexCopiesRecords = true)
{
    public static JournalOptions Default { get; } = new();

    internal DecisionCycleRecord Apply(DecisionCycleRecord record) =>
        KeepFullPrompt || record.InputPrompt is null ? record : record with { InputPrompt = null };
}

/// <summary>The records that could be read, and the lines that could not.</summary>
public sealed record JournalReadResult(IReadOnlyList<DecisionCycleRecord> Records, IReadOnlyList<JournalProblem> Problems)
{
    public bool IsClean => Problems.Count == 0;
}

public enum JournalProblemKind
{
    /// <summary>The final line has no newline and is not a whole record: a write cut short by a kill.</summary>
    TornTail,

    /// <summary>A complete line that is not a valid record (e.g. a torn write sealed by recovery).</summary>
    Corrupt,
}

/// <summary>One unreadable line. <paramref name="LineNumber"/> is 1-based; <paramref name="ByteOffset"/> is where it starts.</summary>
public sealed record JournalProblem(long LineNumber, long ByteOffset, int Length, JournalProblemKind Kind, string Detail);

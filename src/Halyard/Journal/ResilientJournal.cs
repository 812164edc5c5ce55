using System.Data.Common;
using System.Globalization;

namespace Halyard.Journal;

/// <summary>What became of one <see cref="ResilientJournal.Append"/>.</summary>
/// <param name="Record">The record as appended or held (with the <c>journal</c> action when the state changed).</param>
/// <param name="Written">True when it reached the journal; false when it is held in memory.</param>
public sealed record JournalAppend(DecisionCycleRecord Record, bool Written);

/// <summary>
/// One trader's way into the journal, for a disk that fails (full, read-only, removed): a record that cannot be
/// written is held in memory, in order, and written before the next one once the disk is back. While records
/// are held, <see cref="Problem"/> says why, and the trader opens nothing (the cycle reads it). The record that
/// first failed carries a <c>journal</c>/<c>unwritable</c> action, and the first one written after carries
/// <c>journal</c>/<c>writable_again</c>, so the journal itself says what happened once the disk returns. Only
/// the disk's expected failures are caught (I/O, permissions, the database's own errors); a bug still throws.
/// </summary>
public sealed class ResilientJournal(IJournal inner)
{
    private readonly Queue<DecisionCycleRecord> _held = new();
    private readonly IJournal _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private int _writtenAfterOutage;

    /// <summary>Why the journal cannot be written now; null: it can.</summary>
    public string? Problem { get; private set; }

    /// <summary>Records held in memory, not yet written.</summary>
    public int Held => _held.Count;

    /// <summary>Writes the held records, then <paramref name="record"/>; holds what cannot be written.</summary>
    public JournalAppend Append(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TryFlush())
        {
            _held.Enqueue(record);
            return new JournalAppend(record, false);
        }

        if (_writtenAfterOutage > 0)
        {
            record = With(record, ActionNames.WritableAgain, string.Create(CultureInfo.InvariantCulture,
                $"the journal is written again; {_writtenAfterOutage} record(s) held in memory meanwhile were written before this one"));
        }

        if (TryWrite(record) is not { } failure)
        {
            _writtenAfterOutage = 0;
            return new JournalAppend(record, true);
        }

        Problem = "the journal cannot be written: " + failure;
        record = With(record, ActionNames.Unwritable, Problem + "; records are held in memory and the trader opens nothing until it can be written");
        _held.Enqueue(record);
        return new JournalAppend(record, false);
    }

    /// <summary>Writes the held records (at the start of a cycle, so a returned disk lets the trader open again); true when none is left.</summary>
    public bool TryFlush()
    {
        while (_held.TryPeek(out var next))
        {
            if (TryWrite(next) is { } failure)
            {
                Problem = "the journal cannot be written: " + failure;
                return false;
            }

            _held.Dequeue();
            _writtenAfterOutage++;
        }

        Problem = null;
        return true;
    }

    private string? TryWrite(DecisionCycleRecord record)
    {
        try
        {
            _inner.Append(record);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private static DecisionCycleRecord With(DecisionCycleRecord record, string result, string detail) => record with
    {
        Actions = [.. record.Actions, new ActionRecord { Symbol = "*", Action = ActionNames.Journal, Result = result, ErrorDetail = detail }],
    };
}

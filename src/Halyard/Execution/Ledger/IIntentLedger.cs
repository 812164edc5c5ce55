namespace Halyard.Execution.Ledger;

/// <summary>
/// The intent ledger the Orchestrator owns: what it placed, keyed by entry cloid, plus the fill checkpoint
/// of each trader. The Manager chooses the persistence (<see cref="InMemoryIntentLedger"/>,
/// <see cref="JsonlIntentLedger"/>, or its own). Implementations are thread-safe; <see cref="Save"/> is durable
/// when it returns, because it runs before an order leaves.
/// </summary>
public interface IIntentLedger
{
    /// <summary>Inserts or replaces the entry with the same <see cref="LedgerEntry.Cloid"/>.</summary>
    void Save(LedgerEntry entry);

    /// <summary>The latest state of the entry with this entry cloid, or null.</summary>
    LedgerEntry? Find(string cloid);

    /// <summary>The latest state of every entry of <paramref name="traderId"/>, oldest first.</summary>
    IReadOnlyList<LedgerEntry> Entries(string traderId);

    /// <summary>Records that the trader's fills up to <paramref name="fillsSeenUntil"/> (venue time, inclusive) were reconciled.</summary>
    void SaveCheckpoint(string traderId, DateTimeOffset fillsSeenUntil);

    /// <summary>The last <see cref="SaveCheckpoint"/> of the trader, or null.</summary>
    DateTimeOffset? Checkpoint(string traderId);

    /// <summary>
    /// Every cloid the trader's entries ever used (to recognise our orders on the venue). Read every cycle, so a
    /// ledger may keep it between saves (<see cref="InMemoryIntentLedger"/> does); by default it is built from
    /// <see cref="Entries"/>.
    /// </summary>
    IReadOnlySet<string> KnownCloids(string traderId) => IntentLedgerExtensions.CloidsOf(Entries(traderId));
}

public static class IntentLedgerExtensions
{
    /// <summary>The trader's entries that may hold a position or still need settling.</summary>
    public static IReadOnlyList<LedgerEntry> Active(this IIntentLedger ledger, string traderId)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ActiveOf(ledger.Entries(traderId));
    }

    /// <summary>The entries of <paramref name="entries"/> that may hold a position or still need settling.</summary>
    public static IReadOnlyList<LedgerEntry> ActiveOf(IEnumerable<LedgerEntry> entries) => entries.Where(e => e.MayHoldPosition).ToArray();

    /// <summary>Every cloid of <paramref name="entries"/>: their entry cloids and every order cloid.</summary>
    public static IReadOnlySet<string> CloidsOf(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            set.Add(entry.Cloid);
            set.UnionWith(entry.OrderCloids);
        }

        return set;
    }
}

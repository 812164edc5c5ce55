using System.Globalization;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

/// <summary>
/// The entry point of the test assembly when run as a child process (<c>dotnet exec Halyard.Tests.dll
/// journal-crash-writer DIR</c>): opens the run folder's journal, resumes after the last journaled cycle
/// and appends deterministic records, printing each cycle number once it is written, until killed.
/// </summary>
internal static class JournalWriterChild
{
    public const string Verb = "journal-crash-writer";
    public const string TraderId = "t01";

    /// <summary>A safety cap so an orphaned child can never fill the disk.</summary>
    private const int MaxCyclesPerRun = 2_000;

    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Verb)
        {
            return 2;
        }

        using var journal = CompositeJournal.OpenRunFolder(args[1]);
        var next = (journal.LastCycle(TraderId) ?? 0) + 1;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {next} {journal.Reindexed}"));
        for (var cycle = next; cycle < next + MaxCyclesPerRun; cycle++)
        {
            journal.Append(Record(cycle));
            Console.Out.WriteLine(cycle.ToString(CultureInfo.InvariantCulture));
        }

        return 0;
    }

    /// <summary>The record the child writes for <paramref name="cycle"/>; sizes vary from about 2 KB to 34 KB.</summary>
    public static DecisionCycleRecord Record(long cycle) =>
        JournalSamples.Record(cycle, TraderId, cotChars: (int)(cycle * 7_919 % 32_000));
}

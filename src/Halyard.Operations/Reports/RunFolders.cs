using Halyard.Cycle.Reporting;
using Halyard.Journal;

namespace Halyard.Operations.Reports;

/// <summary>Reads finished runs (replay run folders and journal folders of <c>halyard run</c>) for the arena.</summary>
public static class RunFolders
{
    public const string SummaryFile = "summary.json";

    /// <summary>True when the folder holds a journal (<c>cycles.jsonl</c>).</summary>
    public static bool IsRunFolder(string folder) => File.Exists(Path.Combine(folder, CompositeJournal.JsonlFileName));

    /// <summary>
    /// Every trader of every folder, in folder order then trader id. With several folders the label is
    /// <c>folder/trader</c> (several models replayed on the same window side by side).
    /// </summary>
    public static IReadOnlyList<TraderRun> Load(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var runs = new List<TraderRun>();
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            var journal = JsonlJournal.Read(Path.Combine(full, CompositeJournal.JsonlFileName));
            var summaryPath = Path.Combine(full, SummaryFile);
            var summary = File.Exists(summaryPath) ? RunSummary.FromJson(File.ReadAllText(summaryPath)) : null;
            var byTrader = journal.Records.GroupBy(r => r.TraderId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
            foreach (var trader in byTrader)
            {
                runs.Add(new TraderRun
                {
                    Label = folders.Count > 1 ? Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) + "/" + trader.Key : trader.Key,
                    TraderId = trader.Key,
                    Records = [.. trader.OrderBy(r => r.Cycle)],
                    Summary = byTrader.Length == 1 ? summary : null,
                    Folder = full,
                });
            }
        }

        return runs;
    }
}

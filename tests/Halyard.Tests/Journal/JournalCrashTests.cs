using System.Diagnostics;
using System.Globalization;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

/// <summary>
/// The crash property for real: a child process appends to a run folder's journal and is killed
/// (SIGKILL) mid-stream, three times over the same folder. Each time, every record before the one in
/// flight must read back intact, the database must be consistent, and the next writer must carry on.
/// </summary>
public class JournalCrashTests
{
    private const int RecordsPerRound = 40;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_WriterProcessThreeTimes_LosesAtMostTheRecordInFlightEachTime()
    {
        using var dir = new TempDirectory();
        long acknowledged = 0;
        for (var round = 1; round <= 3; round++)
        {
            acknowledged = await RunAndKillAsync(dir.Path, acknowledged);

            var jsonl = JsonlJournal.Read(Path.Combine(dir.Path, CompositeJournal.JsonlFileName));
            var written = jsonl.Records.Select(r => r.Cycle).ToList();
            Assert.True(written.Count >= acknowledged, $"round {round}: {written.Count} records, {acknowledged} acknowledged");
            Assert.Equal(Enumerable.Range(1, written.Count).Select(c => (long)c), written);
            Assert.All(jsonl.Records, r => Assert.Equal(JournalJson.Serialize(JournalWriterChild.Record(r.Cycle)), JournalJson.Serialize(r)));
            Assert.True(jsonl.Problems.Count(p => p.Kind == JournalProblemKind.Corrupt) <= round - 1);
            Assert.True(jsonl.Problems.Count(p => p.Kind == JournalProblemKind.TornTail) <= 1);

            using var index = SqliteJournal.Open(Path.Combine(dir.Path, CompositeJournal.SqliteFileName));
            var indexed = index.ReadAll().Records.Select(r => r.Cycle).ToList();
            Assert.Equal(Enumerable.Range(1, indexed.Count).Select(c => (long)c), indexed);
            Assert.InRange(indexed.Count, written.Count - 1, written.Count);
            using var raw = SqliteJournalTests.OpenRaw(index.Path);
            Assert.Equal(["ok"], SqliteJournalTests.Rows(raw, "PRAGMA integrity_check"));
            Assert.Equal([(indexed.Count * 3).ToString(CultureInfo.InvariantCulture)], SqliteJournalTests.Rows(raw, "SELECT COUNT(*) FROM actions"));
        }

        using var journal = CompositeJournal.OpenRunFolder(dir.Path);
        var last = journal.Primary.ReadAll().Records[^1].Cycle;
        Assert.Equal(last, journal.LastCycle(JournalWriterChild.TraderId));
        journal.Append(JournalWriterChild.Record(last + 1));
        Assert.Equal(Enumerable.Range(1, (int)last + 1).Select(c => (long)c), journal.ReadAll().Records.Select(r => r.Cycle));
        Assert.Equal(Enumerable.Range(1, (int)last + 1).Select(c => (long)c), journal.Primary.ReadAll().Records.Select(r => r.Cycle));
    }

    /// <summary>Starts the writer, waits until it has acknowledged <see cref="RecordsPerRound"/> new records, kills it.</summary>
    private static async Task<long> RunAndKillAsync(string directory, long acknowledgedBefore)
    {
        using var child = Process.Start(StartInfo(directory)) ?? throw new InvalidOperationException("The child did not start.");
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            var header = await ReadLineAsync(child, guard.Token);
            var parts = header.Split(' ');
            Assert.Equal("start", parts[0]);
            var first = long.Parse(parts[1], CultureInfo.InvariantCulture);
            Assert.True(first > acknowledgedBefore, $"resumed at {first} after {acknowledgedBefore} acknowledged");

            long acknowledged;
            do
            {
                acknowledged = long.Parse(await ReadLineAsync(child, guard.Token), CultureInfo.InvariantCulture);
            }
            while (acknowledged < first + RecordsPerRound);

            return acknowledged;
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<string> ReadLineAsync(Process child, CancellationToken token) =>
        await child.StandardOutput.ReadLineAsync(token)
        ?? throw new InvalidOperationException("The writer ended early: " + await child.StandardError.ReadToEndAsync(token));

    private static ProcessStartInfo StartInfo(string directory)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(JournalWriterChild).Assembly.Location);
        info.ArgumentList.Add(JournalWriterChild.Verb);
        info.ArgumentList.Add(directory);
        return info;
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

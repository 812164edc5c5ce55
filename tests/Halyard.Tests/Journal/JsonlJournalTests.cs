using Halyard.Journal;

namespace Halyard.Tests.Journal;

public class JsonlJournalTests
{
    private static readonly JournalOptions Fast = new(FsyncEachRecord: false);

    [Fact]
    public void Append_ThreeRecords_ReadAllReturnsThemInOrder()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        var written = Enumerable.Range(1, 3).Select(c => JournalSamples.Record(c)).ToList();
        using (var journal = JsonlJournal.Open(path))
        {
            written.ForEach(journal.Append);
        }

        var result = JsonlJournal.Read(path);

        Assert.True(result.IsClean);
        Assert.Equal(written.Select(JournalJson.Serialize), result.Records.Select(JournalJson.Serialize));
    }

    [Fact]
    public void Read_TornFinalLine_SkipsAndReportsItAndKeepsEarlierRecords()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        WriteRecords(path, 1, 3);
        var intactLength = new FileInfo(path).Length;
        var fourth = JournalJson.SerializeLine(JournalSamples.Record(4, cotChars: 3000));
        AppendRaw(path, fourth.AsSpan(0, fourth.Length / 2));

        var result = JsonlJournal.Read(path);

        Assert.Equal([1L, 2L, 3L], result.Records.Select(r => r.Cycle));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(JournalProblemKind.TornTail, problem.Kind);
        Assert.Equal(4, problem.LineNumber);
        Assert.Equal(intactLength, problem.ByteOffset);
        Assert.Equal(fourth.Length / 2, problem.Length);
    }

    [Fact]
    public void Open_AfterTornTail_SealsItAndAppendsOnANewLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        WriteRecords(path, 1, 3);
        AppendRaw(path, JournalJson.SerializeLine(JournalSamples.Record(4)).AsSpan(0, 100));

        using (var journal = JsonlJournal.Open(path, Fast))
        {
            Assert.True(journal.SealedTornTail);
            journal.Append(JournalSamples.Record(5));
        }

        var result = JsonlJournal.Read(path);
        Assert.Equal([1L, 2L, 3L, 5L], result.Records.Select(r => r.Cycle));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(JournalProblemKind.Corrupt, problem.Kind);
        Assert.Equal(4, problem.LineNumber);
    }

    [Fact]
    public void Open_CleanFile_DoesNotSeal()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        WriteRecords(path, 1, 2);
        var length = new FileInfo(path).Length;

        using var journal = JsonlJournal.Open(path, Fast);

        Assert.False(journal.SealedTornTail);
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public void Read_GarbageLineInTheMiddle_SkipsItAndKeepsTheRest()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        WriteRecords(path, 1, 1);
        AppendRaw(path, "{\"not\": \"a record\"}\n\u0000\u0001garbage\n"u8);
        WriteRecords(path, 2, 3);

        var result = JsonlJournal.Read(path);

        Assert.Equal([1L, 2L, 3L], result.Records.Select(r => r.Cycle));
        Assert.Equal([2L, 3L], result.Problems.Select(p => p.LineNumber));
        Assert.All(result.Problems, p => Assert.Equal(JournalProblemKind.Corrupt, p.Kind));
    }

    [Fact]
    public void Read_FinalRecordMissingOnlyItsNewline_ReturnsTheRecord()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        WriteRecords(path, 1, 1);
        var second = JournalJson.SerializeLine(JournalSamples.Record(2));
        AppendRaw(path, second.AsSpan(0, second.Length - 1));

        var result = JsonlJournal.Read(path);
        using (var journal = JsonlJournal.Open(path, Fast))
        {
            journal.Append(JournalSamples.Record(3));
        }

        Assert.True(result.IsClean);
        Assert.Equal([1L, 2L], result.Records.Select(r => r.Cycle));
        var after = JsonlJournal.Read(path);
        Assert.True(after.IsClean);
        Assert.Equal([1L, 2L, 3L], after.Records.Select(r => r.Cycle));
    }

    [Fact]
    public void Read_RecordsLargerThanTheReadBuffer_AreReadWhole()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.jsonl");
        using (var journal = JsonlJournal.Open(path, Fast))
        {
            journal.Append(JournalSamples.Record(1, cotChars: 200_000));
            journal.Append(JournalSamples.Record(2, cotChars: 10));
            journal.Append(JournalSamples.Record(3, cotChars: 150_000));
        }

        var result = JsonlJournal.Read(path);

        Assert.True(result.IsClean);
        Assert.Equal([200_000, 10, 150_000], result.Records.Select(r => r.CotTrace!.Length));
    }

    [Fact]
    public void ReadAll_WhileTheWriterIsOpen_SeesEveryAppendedRecord()
    {
        using var dir = new TempDirectory();
        using var journal = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast);
        journal.Append(JournalSamples.Record(1));
        Assert.Single(journal.ReadAll().Records);

        journal.Append(JournalSamples.Record(2));

        Assert.Equal([1L, 2L], journal.ReadAll().Records.Select(r => r.Cycle));
    }

    [Fact]
    public void ReadLastAndLastCycle_TwoTraders_AnswerPerTrader()
    {
        using var dir = new TempDirectory();
        using var journal = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast);
        for (var c = 1; c <= 5; c++)
        {
            journal.Append(JournalSamples.Record(c, "a"));
            journal.Append(JournalSamples.Record(c * 10, "b"));
        }

        Assert.Equal([3L, 4L, 5L], journal.ReadLast("a", 3).Select(r => r.Cycle));
        Assert.Equal([10L, 20L, 30L, 40L, 50L], journal.ReadLast("b", 99).Select(r => r.Cycle));
        Assert.Empty(journal.ReadLast("a", 0));
        Assert.Equal(5, journal.LastCycle("a"));
        Assert.Equal(50, journal.LastCycle("b"));
        Assert.Null(journal.LastCycle("c"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Append_FullPromptOption_DecidesWhetherThePromptIsKept(bool keep)
    {
        using var dir = new TempDirectory();
        using var journal = JsonlJournal.Open(dir.File("cycles.jsonl"), new JournalOptions(FsyncEachRecord: false, KeepFullPrompt: keep));
        var record = JournalSamples.Record(1, withPrompt: true);

        journal.Append(record);

        var back = Assert.Single(journal.ReadAll().Records);
        Assert.Equal(record.InputPromptDigest, back.InputPromptDigest);
        Assert.Equal(keep ? record.InputPrompt : null, back.InputPrompt);
    }

    [Fact]
    public void Open_SecondWriterOnTheSameFile_IsRefused()
    {
        using var dir = new TempDirectory();
        using var first = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast);

        Assert.Throws<IOException>(() => JsonlJournal.Open(dir.File("cycles.jsonl"), Fast));
    }

    [Fact]
    public void Read_MissingFile_ReturnsNothing()
    {
        using var dir = new TempDirectory();

        var result = JsonlJournal.Read(dir.File("absent.jsonl"));

        Assert.Empty(result.Records);
        Assert.True(result.IsClean);
    }

    [Fact]
    public async Task Append_FromTwoThreads_EveryLineStaysWhole()
    {
        using var dir = new TempDirectory();
        using var journal = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast);

        await Task.WhenAll(
            Task.Run(() => Enumerable.Range(1, 200).ToList().ForEach(c => journal.Append(JournalSamples.Record(c, "a", cotChars: 5000)))),
            Task.Run(() => Enumerable.Range(1, 200).ToList().ForEach(c => journal.Append(JournalSamples.Record(c, "b", cotChars: 7000)))));

        var result = journal.ReadAll();
        Assert.True(result.IsClean);
        Assert.Equal(Enumerable.Range(1, 200).Select(c => (long)c), result.Records.Where(r => r.TraderId == "a").Select(r => r.Cycle));
        Assert.Equal(Enumerable.Range(1, 200).Select(c => (long)c), result.Records.Where(r => r.TraderId == "b").Select(r => r.Cycle));
    }

    [Fact]
    public void Append_AfterDispose_Throws()
    {
        using var dir = new TempDirectory();
        var journal = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast);
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Append(JournalSamples.Record(1)));
    }

    private static void WriteRecords(string path, int from, int to)
    {
        using var journal = JsonlJournal.Open(path, Fast);
        for (var c = from; c <= to; c++)
        {
            journal.Append(JournalSamples.Record(c));
        }
    }

    private static void AppendRaw(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        stream.Write(bytes);
    }
}

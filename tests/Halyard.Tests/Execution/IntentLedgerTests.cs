using System.Text;
using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Execution;

public class IntentLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_AfterSaves_RestoresTheLatestStateOfEachEntryAndTheCheckpoint()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ledger.jsonl");
        using (var ledger = JsonlIntentLedger.Open(path, fsync: false))
        {
            ledger.Save(Entry("0x01", LedgerStatus.Pending));
            ledger.Save(Entry("0x02", LedgerStatus.Pending));
            ledger.Save(Entry("0x01", LedgerStatus.Protected) with { FilledSize = 0.4m, StopCloid = "0xsl", OrderCloids = ["0x01", "0xsl"] });
            ledger.SaveCheckpoint("t01", T0.AddMinutes(5));
        }

        using var reopened = JsonlIntentLedger.Open(path, fsync: false);

        Assert.Equal(0, reopened.SkippedLines);
        Assert.Equal(["0x01", "0x02"], reopened.Entries("t01").Select(e => e.Cloid));
        var first = reopened.Find("0x01")!;
        Assert.Equal((LedgerStatus.Protected, 0.4m, "0xsl"), (first.Status, first.FilledSize, first.StopCloid));
        Assert.Equal(["0x01", "0xsl"], first.OrderCloids.ToArray());
        Assert.Equal(T0.AddMinutes(5), reopened.Checkpoint("t01"));
        Assert.Null(reopened.Checkpoint("t02"));
    }

    [Fact]
    public void Open_TornLastLine_SkipsItAndAppendsOnANewLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ledger.jsonl");
        using (var ledger = JsonlIntentLedger.Open(path, fsync: false))
        {
            ledger.Save(Entry("0x01", LedgerStatus.Open));
        }

        File.AppendAllText(path, "{\"kind\":\"entry\",\"entry\":{\"cloid\":\"0x02\"", Encoding.UTF8);
        using (var ledger = JsonlIntentLedger.Open(path, fsync: false))
        {
            Assert.Equal(1, ledger.SkippedLines);
            ledger.Save(Entry("0x03", LedgerStatus.Open));
        }

        using var reopened = JsonlIntentLedger.Open(path, fsync: false);
        Assert.Equal(["0x01", "0x03"], reopened.Entries("t01").Select(e => e.Cloid));
        Assert.Equal(1, reopened.SkippedLines);
    }

    [Fact]
    public void Open_SecondWriter_IsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ledger.jsonl");
        using var first = JsonlIntentLedger.Open(path, fsync: false);

        Assert.Throws<IOException>(() => JsonlIntentLedger.Open(path, fsync: false));
    }

    [Fact]
    public void Active_KnownCloids_CoverOpenEntriesAndEveryOrderCloidOfTheTrader()
    {
        var ledger = new InMemoryIntentLedger();
        ledger.Save(Entry("0x01", LedgerStatus.Protected) with { OrderCloids = ["0x01", "0xa"] });
        ledger.Save(Entry("0x02", LedgerStatus.Closed) with { OrderCloids = ["0x02", "0xb"] });
        ledger.Save(Entry("0x03", LedgerStatus.Open) with { TraderId = "t02" });

        Assert.Equal(["0x01"], ledger.Active("t01").Select(e => e.Cloid));
        Assert.Equal(new HashSet<string> { "0x01", "0xa", "0x02", "0xb" }, ledger.KnownCloids("t01"));
    }

    [Fact]
    public void EntriesAndKnownCloids_AreKeptUntilTheNextSave()
    {
        var ledger = new InMemoryIntentLedger();
        ledger.Save(Entry("0x01", LedgerStatus.Protected) with { OrderCloids = ["0x01", "0xa"] });
        var entries = ledger.Entries("t01");
        var cloids = ledger.KnownCloids("t01");

        Assert.Same(entries, ledger.Entries("t01"));
        Assert.Same(cloids, ledger.KnownCloids("t01"));

        ledger.Save(Entry("0x01", LedgerStatus.Closed) with { OrderCloids = ["0x01", "0xa", "0xc"] });
        ledger.Save(Entry("0x02", LedgerStatus.Open) with { TraderId = "t02" });

        Assert.Equal(LedgerStatus.Closed, Assert.Single(ledger.Entries("t01")).Status);
        Assert.Equal(new HashSet<string> { "0x01", "0xa", "0xc" }, ledger.KnownCloids("t01"));
        Assert.Equal(new HashSet<string> { "0x02" }, ledger.KnownCloids("t02"));
        Assert.Equal(new HashSet<string> { "0x01", "0xa" }, cloids);
    }

    [Fact]
    public void InMemory_SavesBetweenReads_EntriesAndCloidsEqualTheListBuiltAfreshAndEarlierListsUnchanged()
    {
        // The kept lists are updated by each save (appended or replaced); a ledger filled with the same saves and read
        // only at the end builds them from scratch: the two must agree after every save, for each trader.
        var random = new Random(11);
        var kept = new InMemoryIntentLedger();
        var saves = new List<LedgerEntry>();
        string[] traders = ["t01", "t02"];
        for (var step = 0; step < 300; step++)
        {
            var trader = traders[random.Next(traders.Length)];
            var cloid = "0x" + random.Next(40).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
            var owner = saves.LastOrDefault(e => e.Cloid == cloid)?.TraderId ?? trader;
            var entry = Entry(cloid, (LedgerStatus)random.Next(4)) with
            {
                TraderId = random.Next(25) == 0 ? trader : owner, // now and then a cloid changes trader
                FilledSize = step,
                OrderCloids = [cloid, "0xsl" + step],
            };
            var before = kept.Entries(owner);
            var beforeCopy = before.ToArray();
            kept.Save(entry);
            saves.Add(entry);

            var fresh = new InMemoryIntentLedger();
            foreach (var save in saves)
            {
                fresh.Save(save);
            }

            foreach (var t in traders)
            {
                Assert.Equal(fresh.Entries(t), kept.Entries(t));
                Assert.True(fresh.KnownCloids(t).SetEquals(kept.KnownCloids(t)));
            }

            Assert.Equal(beforeCopy, before);
            Assert.Equal(entry, kept.Find(cloid));
        }
    }

    private static LedgerEntry Entry(string cloid, LedgerStatus status) => new()
    {
        Cloid = cloid,
        TraderId = "t01",
        Symbol = "ETH",
        Side = PositionSide.Long,
        RequestedSize = 0.4m,
        StopLoss = 2_400m,
        OrderCloids = [cloid],
        Status = status,
        CreatedAt = T0,
        UpdatedAt = T0,
    };
}

using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>A ledger whose disk fails (throws) in the middle of an open: protection first, no new opens, recovery said.</summary>
public class LedgerDiskFailureTests
{
    [Fact]
    public async Task OpenAsync_DiskFailsAfterTheEntryLeft_FillIsProtectedFromMemoryAndOpensStopUntilTheDiskReturns()
    {
        var disk = new FailingLedger();
        using var sut = new ScriptedSut(ledger: disk);
        sut.Venue.OnRequest = kind => disk.Broken |= kind == "order:entry";

        var open = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.Filled, open.Result);
        Assert.Equal(ProtectionStatus.Protected, open.Protection.Status);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.Sz == 0.4m);
        Assert.Contains(open.Actions, a => a is { Action: OrderEventAction.Ledger, Result: OrderEventResult.Unwritable });
        Assert.NotNull(sut.Orchestrator.LedgerProblem);
        Assert.Equal(LedgerStatus.Pending, disk.Find(open.EntryCloid!)!.Status);

        var entries = sut.Venue.Count("order:entry");
        var refused = await sut.OpenAsync(ScriptedSut.Long("SOL", stop: 140m, target: 170m, cycle: 2));
        var blocked = await Reconcile(sut);

        Assert.Equal(IntentResult.Rejected, refused.Result);
        Assert.Equal(entries, sut.Venue.Count("order:entry"));
        Assert.NotNull(blocked.OpensBlocked);

        disk.Broken = false;
        var back = await Reconcile(sut);

        Assert.Contains(back.Actions, a => a is { Action: OrderEventAction.Ledger, Result: OrderEventResult.WritableAgain });
        Assert.Null(back.OpensBlocked);
        Assert.Null(sut.Orchestrator.LedgerProblem);
        Assert.Equal(LedgerStatus.Protected, disk.Find(open.EntryCloid!)!.Status);
    }

    [Fact]
    public async Task OpenAsync_DiskFailsBeforeTheEntryLeaves_NothingIsSent()
    {
        var disk = new FailingLedger { Broken = true };
        using var sut = new ScriptedSut(ledger: disk);

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(0, sut.Venue.Count("order:entry"));
        Assert.NotEqual(IntentResult.Filled, outcome.Result);
        Assert.Empty(disk.Entries(ScriptedSut.Trader));
    }

    [Fact]
    public void JsonlIntentLedger_WriteTornByAFailure_TheNextLineIsStillRead()
    {
        var path = Path.Combine(Path.GetTempPath(), "halyard-torn-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var at = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
            var entry = new LedgerEntry { Cloid = "0x000000000000000000000000000000aa", TraderId = "t01", Symbol = "ETH", Side = PositionSide.Long, Status = LedgerStatus.Open, CreatedAt = at, UpdatedAt = at };
            using (var ledger = JsonlIntentLedger.Open(path))
            {
                ledger.Save(entry);
            }

            File.AppendAllText(path, "{\"kind\":\"entry\",\"entry\":{\"cloid\":\"0x0");
            using (var ledger = JsonlIntentLedger.Open(path))
            {
                ledger.Save(entry with { Status = LedgerStatus.Protected });
            }

            using var reread = JsonlIntentLedger.Open(path);
            Assert.Equal(LedgerStatus.Protected, reread.Find(entry.Cloid)!.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<ReconcileReport> Reconcile(ScriptedSut sut) =>
        sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None));

    /// <summary>An in-memory ledger whose writes throw like a full disk while <see cref="Broken"/>.</summary>
    private sealed class FailingLedger : IIntentLedger
    {
        private readonly InMemoryIntentLedger _inner = new();

        public bool Broken { get; set; }

        public void Save(LedgerEntry entry)
        {
            Fail();
            _inner.Save(entry);
        }

        public LedgerEntry? Find(string cloid) => _inner.Find(cloid);

        public IReadOnlyList<LedgerEntry> Entries(string traderId) => _inner.Entries(traderId);

        public void SaveCheckpoint(string traderId, DateTimeOffset fillsSeenUntil)
        {
            Fail();
            _inner.SaveCheckpoint(traderId, fillsSeenUntil);
        }

        public DateTimeOffset? Checkpoint(string traderId) => _inner.Checkpoint(traderId);

        private void Fail()
        {
            if (Broken)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}

using Halyard.Journal;
using Halyard.Journal.Analytics;

namespace Halyard.Tests.Journal.Analytics;

public class JournalHistoryTests
{
    [Fact]
    public void EquityCurve_Records_OnePointPerAccountSnapshotAtTheCycleTime()
    {
        var records = new[] { JournalSamples.Record(1), JournalSamples.Record(2) with { AccountSnapshot = null }, JournalSamples.Record(3) };

        var curve = JournalHistory.EquityCurve(records);

        Assert.Equal(
            [new EquityPoint(records[0].Timestamp, 10_001m), new EquityPoint(records[2].Timestamp, 10_003m)],
            curve);
    }

    [Fact]
    public void Judgements_SampleRecord_JudgesActionableDecisionsAndSentActions()
    {
        // Verdicts: BTC adjusted (pass), DOGE rejected "liquidity_below_threshold" (risk), ETH hold (not judged).
        // Actions: set_leverage ok, entry filled, stop_loss invalid_param "Order has invalid price." (precision): all sent.
        var record = JournalSamples.Record(1);
        var unsent = record with { Actions = [.. record.Actions, new ActionRecord { Symbol = "BTC", Action = "entry", Result = "refused", Attempts = 0 }] };

        var judgements = JournalHistory.Judgements([unsent]);

        Assert.Equal(
            [
                new Judgement(record.Timestamp, JudgementSource.Validator, null),
                new Judgement(record.Timestamp, JudgementSource.Validator, RejectionClass.Risk),
                new Judgement(record.Timestamp, JudgementSource.Venue, null),
                new Judgement(record.Timestamp, JudgementSource.Venue, null),
                new Judgement(record.Timestamp, JudgementSource.Venue, RejectionClass.Precision),
            ],
            judgements);
    }

    [Fact]
    public void JournalHistory_FedToTheAnalyzer_GivesTheRejectionRateOfTheRecords()
    {
        // per record: 2 decisions judged (1 rejected) + 3 actions sent (1 rejected) → 2 / 5 = 40 %
        var records = Enumerable.Range(1, 4).Select(c => JournalSamples.Record(c)).ToList();

        var report = PerformanceAnalyzer.AnalyzePerformance(
            new PerformanceInputs { EquityCurve = JournalHistory.EquityCurve(records), Judgements = JournalHistory.Judgements(records) }, 10);

        Assert.Equal(40m, report.Rejections.RatePct);
        Assert.Equal(3, report.Returns.Returns);
    }
}

using Halyard.Cycle;
using Halyard.Cycle.Performance;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Journal.Analytics;
using Halyard.Risk;
using Halyard.Tests.Cycle.Replay;
using Halyard.Tests.Risk;

namespace Halyard.Tests.Cycle;

/// <summary>
/// The cycle's shortcuts (ninth round) against the computation they replace, on the records of a real replay
/// (the pinned scenario: opens, closes, a fired stop, positions held): the positions' fingerprint built only on a
/// change, the history's judgements without a list per record, the order step's split without LINQ, the record's
/// actions in one array.
/// </summary>
public sealed class CycleChainTests(ReplayScenario scenario) : IClassFixture<ReplayScenario>
{
    private static readonly DateTimeOffset T0 = ReplayScenario.From;

    [Fact]
    public void PositionsFingerprint_EveryRecordOfAReplay_EqualsTheFingerprintBuiltAfresh()
    {
        var fingerprint = new PositionsFingerprint();
        var changes = 0;
        string? last = null;
        foreach (var record in scenario.Records)
        {
            var account = AccountOf(record.PositionsSnapshot.Select(p => (p.Coin, p.Size)));
            var text = fingerprint.Of(account);
            Assert.Equal(TradeSync.Fingerprint(account), text);
            changes += text == last ? 0 : 1;
            last = text;
        }

        // Not trivial: the positions changed several times, and stood still most cycles.
        Assert.True(changes > 3, $"{changes} changes");
        Assert.True(changes < scenario.Records.Count / 2, $"{changes} changes");
    }

    [Fact]
    public void PositionsFingerprint_ALaterChange_IsSeen()
    {
        var fingerprint = new PositionsFingerprint();
        (string, decimal)[][] sequence =
        [
            [("BTC", 0.5m), ("ETH", -2m)],
            [("BTC", 0.5m), ("ETH", -2m)],
            [("BTC", 0.50m), ("ETH", -2m)],   // the same value with another scale: another text
            [("BTC", 0.50m), ("ETH", -2m), ("SOL", 0m)], // a flat position: the same text
            [("ETH", -2m), ("BTC", 0.50m)],   // another order
            [("ETH", -2m)],
            [("ETH", -2m), ("SOL", 1m)],
            [],
            [("SOL", 0m)],
            [("SOL", 1m)],
        ];
        foreach (var positions in sequence)
        {
            var account = AccountOf(positions);
            Assert.Equal(TradeSync.Fingerprint(account), fingerprint.Of(account));
        }
    }

    [Fact]
    public void TraderHistory_JudgementsOfAReplay_EqualTheJudgementsOfTheRecordsInItsWindow()
    {
        var history = new TraderHistory(windowCycles: 40);
        var added = new List<DecisionCycleRecord>();
        foreach (var record in scenario.Records)
        {
            history.Add(record);
            added.Add(record);
            var inputs = history.Inputs(new TradeBook(), []);
            var start = inputs.EquityCurve[0].Time;
            Assert.Equal(Expected(added).Where(j => j.Time >= start), inputs.Judgements);
        }

        Assert.Equal(Expected(scenario.Records), JournalHistory.Judgements(scenario.Records));
        Assert.Contains(Expected(scenario.Records), j => j.Source == JudgementSource.Venue);
        Assert.Contains(Expected(scenario.Records), j => j.Source == JudgementSource.Validator);
    }

    [Fact]
    public void OrderStepSplit_EqualsTheFilteredVerdicts()
    {
        var close = new TradingDecision("ETH", DecisionAction.CloseLong, Reasoning: "flip");
        var hold = new TradingDecision("BTC", DecisionAction.Hold, Reasoning: "intact");
        Verdict[] verdicts =
        [
            Verdict.Accept(0, hold),
            Verdict.Accept(1, ValidatorScenario.Long()),
            Verdict.Reject(2, ValidatorScenario.Short("DOGE"), [new RuleViolation(ReasonCode.CycleOpenCapReached, "cap")]),
            Verdict.Accept(3, close),
            Verdict.Accept(4, ValidatorScenario.Short("XRP")),
        ];
        int[] proposed = [3, 5, 6, 8, 9];

        var (finals, closes, opens) = OrderStep.Split(verdicts, proposed);

        var expected = verdicts.Select((v, i) => new FinalVerdict(proposed[i], v)).ToArray();
        var executable = expected.Where(f => f.Verdict.IsExecutable && (f.Verdict.Executable!.IsOpen || f.Verdict.Executable.IsClose)).ToArray();
        Assert.Equal(expected, finals);
        Assert.Equal(executable.Where(f => f.Verdict.Executable!.IsClose), closes);
        Assert.Equal(executable.Where(f => f.Verdict.Executable!.IsOpen), opens);
        Assert.Single(closes);
        Assert.Equal(2, opens.Length);
    }

    [Fact]
    public void Concat_TheRecordsActions_InOrder()
    {
        var actions = scenario.Records.SelectMany(r => r.Actions).Take(7).ToArray();
        Assert.Equal(7, actions.Length);
        IReadOnlyList<ActionRecord>[] parts = [actions[..2], [], actions[2..3], actions[3..], []];
        Assert.Equal(parts.SelectMany(p => p), TraderCycle.Concat(parts));
        Assert.Empty(TraderCycle.Concat([], []));
    }

    [Fact]
    public void OrdersOfHeld_TheOrdersOnHeldCoins_InTheVenuesOrder()
    {
        var account = AccountOf([("BTC", 0.5m), ("ETH", -2m), ("SOL", 0m)]);
        OpenOrder[] orders = [Order("ETH", 1), Order("DOGE", 2), Order("BTC", 3), Order("ETH", 4), Order("SOL", 5)];
        Assert.Equal(orders.Where(o => account.PositionOf(o.Coin) is not null), TraderCycle.OrdersOfHeld(orders, account));
        Assert.Empty(TraderCycle.OrdersOfHeld([Order("DOGE", 1)], account));
    }

    /// <summary>The judgements as the journal's history took them before (LINQ over each record).</summary>
    private static List<Judgement> Expected(IEnumerable<DecisionCycleRecord> records)
    {
        var judgements = new List<Judgement>();
        foreach (var record in records)
        {
            foreach (var verdict in record.Verdicts.Where(v => v.Action is not (DecisionAction.Hold or DecisionAction.Wait)))
            {
                var rejection = verdict.IsRejected
                    ? RejectionClassifier.FromReasonCode(verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : null)
                    : (RejectionClass?)null;
                judgements.Add(new Judgement(record.Timestamp, JudgementSource.Validator, rejection));
            }

            foreach (var action in record.Actions.Where(a => a.Attempts > 0))
            {
                var rejection = action.ErrorClass is { } errorClass
                    ? RejectionClassifier.FromVenueError(errorClass, action.ErrorDetail)
                    : (RejectionClass?)null;
                judgements.Add(new Judgement(record.Timestamp, JudgementSource.Venue, rejection));
            }
        }

        return judgements;
    }

    private static AccountSnapshot AccountOf(IEnumerable<(string Coin, decimal Size)> positions) =>
        new(10_000m, 0m, 0m, 10_000m, [.. positions.Select(p => ValidatorScenario.Held(p.Coin, p.Size))], T0);

    private static OpenOrder Order(string coin, long oid) =>
        new(coin, OrderSide.Sell, 100m, 1m, oid, null, true, true, 90m, "Stop Market", T0);
}

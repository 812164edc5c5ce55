using CsCheck;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// Random batches against the scenario's market: whatever the model proposes, the decisions left to
/// execute respect every limit jointly, and nothing rejected is ever among them.
/// </summary>
public class ValidatorPropertyTests
{
    private static readonly string[] Coins = ["SOL", "AVAX", "DOGE", "BTC", "ETH", "LOWCAP", "OLD", "NOPE"];

    // Biased toward plausible proposals (so many are accepted or clamped), with wild values mixed in.
    private static readonly Gen<TradingDecision> GenDecision =
        Gen.Select(
            Gen.OneOf(Coins),
            Gen.Enum<DecisionAction>(),
            Likely(Gen.Int[1, 10], Gen.Int[9, 25], Gen.Int[-1, 50]),
            Likely(Gen.Int[7_000, 16_000], Gen.Int[45_000, 110_000], Gen.Int[-100, 300_000]),
            Likely(Gen.Int[10, 500], Gen.Int[10, 500], Gen.Int[-3_000, 3_000]),
            Likely(Gen.Int[6, 10], Gen.Int[5, 7], Gen.Int[-4, 8]),
            Likely(Gen.Int[68, 100], Gen.Int[68, 100], Gen.Int[-10, 110]),
            Gen.Int[0, 39])
        .Select((coin, action, leverage, size, slBps, rewardHalves, confidence, nulls) =>
        {
            var price = new ValidatorScenario().Assets.TryGetValue(coin, out var a) ? a.LivePrice : 10m;
            var sign = action == DecisionAction.OpenShort ? -1 : 1;
            var isClose = action is DecisionAction.CloseLong or DecisionAction.CloseShort;
            var tpBps = slBps * rewardHalves / 2m;
            return new TradingDecision(
                coin,
                action,
                Leverage: nulls == 1 ? null : leverage,
                PositionSizeUsd: isClose ? (nulls is >= 20 and < 30 ? slBps : null) : nulls == 2 ? null : size * 1.0037m,
                StopLoss: price * (1m - (sign * slBps / 10_000m)),
                TakeProfit: nulls == 3 ? null : price * (1m + (sign * tpBps / 10_000m)),
                Confidence: nulls == 4 ? null : confidence,
                CloseFraction: isClose && nulls >= 30 ? (slBps % 120) / 100m : null);
        });

    /// <summary>Mostly the plausible ranges, sometimes anything.</summary>
    private static Gen<int> Likely(Gen<int> plausible, Gen<int> edge, Gen<int> wild) =>
        Gen.Frequency((6, (IGen<int>)plausible), (3, edge), (1, wild));

    private static readonly Gen<ValidatorScenario> GenScenario =
        Gen.Select(Gen.OneOf(Gen.Const(0), Gen.Int[0, 9_500]), Gen.Int[1, 5], Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 7], Gen.Int[2, 30])
        .Select((used, maxPositions, held, denyLeverage, denySize, cycleCap, stopRules, lossCap) => new ValidatorScenario
        {
            MarginMode = (stopRules & 1) == 0 ? MarginKind.Cross : MarginKind.Isolated,
            Guards = (stopRules & 4) == 0 ? GuardSwitches.AllOn : new GuardSwitches { ScaleIn = true },
            MarginUsed = used,
            Positions = [.. Coins.Take(held).Select((c, i) => ValidatorScenario.Held(c, i % 2 == 0 ? 1m : -1m))],
            Limits = new ValidatorScenario().Limits with
            {
                MaxPositions = maxPositions,
                MaxPositionSizeUsd = 60_000m,
                MaxNewPositionsPerCycle = cycleCap,
                LeverageOverCap = denyLeverage ? LeverageOverCapPolicy.Deny : LeverageOverCapPolicy.Clamp,
                SizeOverCap = denySize ? SizeOverCapPolicy.Deny : SizeOverCapPolicy.Clamp,
                MaxLossPerTradePct = lossCap,
                LossOverCap = (stopRules & 2) == 0 ? LossOverCapPolicy.Clamp : LossOverCapPolicy.Deny,
            },
        });

    [Fact]
    public void ValidateBatch_RandomBatches_ExecutableSetRespectsEveryLimit()
    {
        var openedAccepted = 0;
        var openedAdjusted = 0;
        var addsAccepted = 0;
        var partialCloses = 0;
        var tally = new System.Collections.Concurrent.ConcurrentDictionary<ReasonCode, int>();
        Gen.Select(GenScenario, GenDecision.Array[0, 8]).Sample((scenario, batch) =>
        {
            var ctx = scenario.Context();
            var verdicts = new Validator().ValidateBatch(batch, ctx);

            Assert.Equal(batch.Length, verdicts.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                var v = verdicts[i];
                Assert.Equal(i, v.Index);
                Assert.Same(batch[i], v.Decision);
                switch (v.Kind)
                {
                    case VerdictKind.Rejected:
                        Assert.Null(v.Executable);
                        Assert.NotEmpty(v.Violations);
                        break;
                    case VerdictKind.Accepted when batch[i].IsPartialClose:
                        // A partial close is restated as a fraction of the position (or as a full close).
                        Assert.Null(v.Executable!.PositionSizeUsd);
                        Assert.Empty(v.Violations);
                        break;
                    case VerdictKind.Accepted:
                        Assert.Same(batch[i], v.Executable);
                        Assert.Empty(v.Violations);
                        break;
                    default:
                        Assert.NotEmpty(v.Adjustments);
                        Assert.Empty(v.Violations);
                        break;
                }
            }

            var executable = verdicts.ToExecute();
            var rejected = verdicts.Where(v => v.Kind == VerdictKind.Rejected).Select(v => v.Decision).ToHashSet(ReferenceEqualityComparer.Instance);
            Assert.DoesNotContain(executable, d => rejected.Contains(d));
            CheckOpens(ctx, executable.Where(d => d.IsOpen).ToArray());
            StopRiskInvariants.Check(ctx, executable.Where(d => d.IsOpen).ToArray());
            CheckCloses(ctx, executable.Where(d => d.IsClose).ToArray());
            Interlocked.Add(ref openedAccepted, verdicts.Count(v => v.Kind == VerdictKind.Accepted && v.Decision.IsOpen));
            Interlocked.Add(ref addsAccepted, verdicts.Count(v => v.IsExecutable && v.Decision.IsOpen && ctx.Guards.ScaleIn && ctx.Account.PositionOf(v.Decision.Symbol) is not null));
            Interlocked.Add(ref partialCloses, verdicts.Count(v => v.IsExecutable && v.Executable.CloseFraction is not null));
            foreach (var reason in verdicts.Where(v => v.Decision.IsOpen).SelectMany(v => v.Reasons))
            {
                tally.AddOrUpdate(reason, 1, (_, n) => n + 1);
            }

            Interlocked.Add(ref openedAdjusted, verdicts.Count(v => v.Kind == VerdictKind.Adjusted));
        }, iter: 5_000);

        // The generator must reach the interesting region, or the invariants above prove nothing.
        Assert.True(openedAccepted > 50, $"only {openedAccepted} opens accepted " + string.Join(", ", tally.OrderByDescending(kv => kv.Value).Select(kv => kv.Key + "=" + kv.Value)));
        Assert.True(openedAdjusted > 50, $"only {openedAdjusted} opens adjusted");
        Assert.True(addsAccepted > 20, $"only {addsAccepted} scale-ins accepted");
        Assert.True(partialCloses > 20, $"only {partialCloses} partial closes accepted");
    }

    private static void CheckOpens(ValidationContext ctx, TradingDecision[] opens)
    {
        var limits = ctx.Limits;
        Assert.True(opens.Length <= limits.MaxNewPositionsPerCycle);
        bool IsAdd(TradingDecision o) => ctx.Guards.ScaleIn && ctx.Account.PositionOf(o.Symbol) is { } h && h.Side == (o.Action == DecisionAction.OpenLong ? PositionSide.Long : PositionSide.Short);
        var fresh = opens.Count(o => !IsAdd(o));
        Assert.True(fresh == 0 || ctx.OpenPositionCount + fresh <= limits.MaxPositions);
        Assert.Equal(opens.Length, opens.Select(o => o.Symbol).Distinct().Count());
        var margin = ctx.Account.TotalMarginUsed;
        foreach (var open in opens)
        {
            var rules = ctx.Instruments[open.Symbol];
            var price = ctx.Assets[open.Symbol].LivePrice;
            var major = limits.IsMajor(open.Symbol);
            var add = open.PositionSizeUsd!.Value;
            Assert.False(rules.IsDelisted);
            var held = IsAdd(open) ? ctx.Account.PositionOf(open.Symbol) : null;
            Assert.True(held is not null || ctx.Account.PositionOf(open.Symbol) is null, $"{open.Symbol}: an open on a held coin that is not a scale-in");
            Assert.True(held is null || ctx.AddsBySymbol.GetValueOrDefault(open.Symbol) < limits.MaxAddsPerPosition);
            var value = add + ((held?.AbsSize ?? 0m) * price);
            Assert.InRange(open.Leverage!.Value, 1, Math.Min(major ? limits.MajorCoinLeverage : limits.AltcoinLeverage, rules.MaxLeverage));
            Assert.True(value <= limits.MaxPositionSizeUsd);
            var (min, max) = major
                ? (limits.BtcEthPositionValueMinEquityMultiple, limits.BtcEthPositionValueMaxEquityMultiple)
                : (limits.AltPositionValueMinEquityMultiple, limits.AltPositionValueMaxEquityMultiple);
            Assert.InRange(value, min * ctx.Equity, max * ctx.Equity);
            Assert.InRange(open.Confidence!.Value, limits.MinConfidence, 100);
            var (sl, tp) = (open.StopLoss!.Value, open.TakeProfit!.Value);
            var rr = open.Action == DecisionAction.OpenLong
                ? (tp > price && price > sl ? (tp - price) / (price - sl) : -1m)
                : (sl > price && price > tp ? (price - tp) / (sl - price) : -1m);
            Assert.True(rr >= limits.MinRiskRewardRatio);
            Assert.True(rules.RoundSizeDown(add / price) * price >= limits.MinOrderValueUsd);
            Assert.True(ctx.Assets[open.Symbol].OpenInterestUsd >= limits.LiquidityThresholdUsd);
            margin += add / open.Leverage.Value;
        }

        Assert.True(opens.Length == 0 || margin * 100m <= ctx.Equity * limits.MaxMarginUsagePct);
    }

    private static void CheckCloses(ValidationContext ctx, TradingDecision[] closes)
    {
        Assert.Equal(closes.Length, closes.Select(c => c.Symbol).Distinct().Count());
        foreach (var close in closes)
        {
            var held = ctx.Account.PositionOf(close.Symbol);
            Assert.NotNull(held);
            Assert.Equal(close.Action == DecisionAction.CloseLong ? PositionSide.Long : PositionSide.Short, held.Side);
            if (close.CloseFraction is { } f)
            {
                // A partial close: a part and a remainder each worth the minimum order value at the live price.
                Assert.InRange(f, 0.000001m, 0.999999m);
                var price = ctx.Assets[close.Symbol].LivePrice;
                var part = ctx.Instruments[close.Symbol].RoundSizeDown(held.AbsSize * f);
                Assert.True(part * price >= ctx.Limits.MinOrderValueUsd, $"part {part} x {price}");
                Assert.True((held.AbsSize - part) * price >= ctx.Limits.MinOrderValueUsd, $"remainder of {held.AbsSize} - {part} x {price}");
            }
        }
    }
}

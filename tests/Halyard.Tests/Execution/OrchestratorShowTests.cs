using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Reconciliation;
using Halyard.PaperExchange;
using Halyard.Tests.Execution.Support;
using Xunit.Abstractions;

namespace Halyard.Tests.Execution;

/// <summary>
/// THE SHOW (issue 5): over a thousand open/close intents against the paper exchange with faults on every
/// /exchange request (HTTP 5xx, 429, timeouts, responses lost — 5 % each — plus 2 % truncated answers) and on
/// /info (5xx, 429, timeouts — 2 % each): no intent ever has two live orders (the audit of every request the
/// venue executed), every filled entry ends its workflow protected or flat, every leftover trigger is cancelled.
/// Prints the counts and the local decision-to-order latency (our own time: the time inside the venue handler
/// excluded).
/// </summary>
public class OrchestratorShowTests(ITestOutputHelper output)
{
    private const int TargetIntents = 1_000;
    private static readonly string[] Coins = ["BTC", "ETH", "SOL", "DOGE", "XRP", "BNB", "AVAX", "LINK", "ARB", "HYPE"];

    [Fact]
    public async Task Show_ThousandIntentsUnderFaults_NoDuplicateLiveOrderEveryFillProtectedOrFlatNoLeftoverTrigger()
    {
        var faults = new FaultOptions
        {
            Seed = 20251124,
            Exchange = new EndpointFaultOptions(Http5xx: 0.05, RateLimited: 0.05, Timeout: 0.05, ResponseLost: 0.05, Malformed: 0.02),
            Info = new EndpointFaultOptions(Http5xx: 0.02, RateLimited: 0.02, Timeout: 0.02),
            TimeoutAfter = TimeSpan.FromSeconds(11),
        };
        using var sut = new PaperSut(new PaperExchangeOptions { Faults = faults }, usdc: 1_000_000m);
        var random = new Random(42);
        var stats = new ShowStats();
        var wall = Stopwatch.StartNew();

        for (long cycle = 1; stats.Intents < TargetIntents; cycle++)
        {
            sut.Clock.Advance(TimeSpan.FromMinutes(3));
            var report = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(cycle), CancellationToken.None);
            stats.Add(report);
            await AssertNoOrphanTriggersAsync(sut, stats);

            var state = await sut.StateAsync();
            foreach (var position in state.Positions.Where(p => p.Size != 0m).ToArray())
            {
                if (random.NextDouble() < 0.5)
                {
                    var outcome = await sut.Orchestrator.CloseAsync(PaperSut.Close(position.Coin, position.Side, cycle), CancellationToken.None);
                    stats.AddClose(outcome);
                    await CheckClosedAsync(sut, outcome, stats);
                }
            }

            var held = (await sut.StateAsync()).Positions.Where(p => p.Size != 0m).Select(p => p.Coin).ToHashSet();
            var mids = await sut.MidsAsync();
            foreach (var coin in Coins.Where(c => !held.Contains(c)).OrderBy(_ => random.Next()).Take(2))
            {
                var intent = NewOpen(coin, mids[coin], cycle, random);
                var validatedAt = TimeProvider.System.GetTimestamp();
                var outcome = await sut.Orchestrator.OpenAsync(intent with { ValidatedAt = validatedAt }, CancellationToken.None);
                stats.AddOpen(outcome, LocalMicroseconds(sut, outcome, validatedAt), SendMicroseconds(sut, outcome, validatedAt));
                await CheckOpenedAsync(sut, outcome, stats);
            }
        }

        var final = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(-1), CancellationToken.None);
        stats.Add(final);
        foreach (var position in (await sut.StateAsync()).Positions.Where(p => p.Size != 0m).ToArray())
        {
            var outcome = await sut.Orchestrator.CloseAsync(PaperSut.Close(position.Coin, position.Side, 999_999), CancellationToken.None);
            stats.AddClose(outcome);
            await CheckClosedAsync(sut, outcome, stats);
        }

        await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(-2), CancellationToken.None);
        await AssertNoOrphanTriggersAsync(sut, stats);
        var audit = AuditCheck.Run(sut.AuditText, sut.Ledger.Entries(PaperSut.Trader));
        var fills = await sut.ReadAsync(ct => sut.Info.GetUserFillHistoryAsync(new Halyard.Hyperliquid.Info.FillHistoryQuery(sut.Account, PaperSut.Start, null) { MaxPages = 1_000 }, ct));
        var cloidsFilledByTwoOrders = fills.Fills.Where(f => f.Cloid is not null).GroupBy(f => f.Cloid!.Value).Count(g => g.Select(f => f.Oid).Distinct().Count() > 1);
        output.WriteLine(Fmt($"fills: {fills.Fills.Count} (complete: {fills.IsComplete}); cloids filled by two different orders: {cloidsFilledByTwoOrders}"));
        wall.Stop();

        stats.Print(output, audit, sut, wall.Elapsed);
        Assert.Empty(audit.CloidsAcceptedTwice);
        Assert.Empty(audit.IntentsWithTwoLiveOrders);
        Assert.True(fills.IsComplete);
        Assert.Equal(0, cloidsFilledByTwoOrders);
        Assert.Equal(0, stats.FilledNotSafe);
        Assert.Equal(0, stats.LeftoverAfterClose);
        Assert.Equal(0, stats.OrphansSeen);
        Assert.True(stats.Intents >= TargetIntents);
        Assert.True(audit.Faults.Values.Sum() > 0);
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static OpenIntent NewOpen(string coin, decimal mid, long cycle, Random random)
    {
        var side = random.NextDouble() < 0.5 ? PositionSide.Long : PositionSide.Short;
        var sign = side == PositionSide.Long ? 1m : -1m;
        var stopFraction = (decimal)(0.002 + (random.NextDouble() * 0.018));
        var targetFraction = (decimal)(0.01 + (random.NextDouble() * 0.05));
        var roll = random.NextDouble();
        decimal? stop = roll < 0.03 ? mid * (1m + (sign * 0.01m)) : mid * (1m - (sign * stopFraction));
        decimal? target = roll is >= 0.03 and < 0.08 ? null : mid * (1m + (sign * targetFraction));
        var usd = roll is >= 0.08 and < 0.10 ? 50_000_000m : (decimal)(50 + (random.NextDouble() * 1_950));
        // A trader's leverage per coin is configuration (majors 10, alts 5); one decision in ten asks for another.
        var leverage = random.NextDouble() < 0.1 ? random.Next(2, 15) : coin is "BTC" or "ETH" ? 10 : 5;
        return PaperSut.Open(coin, side, decimal.Round(usd, 2), stop, target, cycle, leverage);
    }

    /// <summary>Our own time from the validated decision to the entry's final answer, minus the time inside the venue handler.</summary>
    private static double? LocalMicroseconds(PaperSut sut, ExecutionOutcome outcome, long validatedAt)
    {
        if (outcome.Latency is not { } latency)
        {
            return null;
        }

        var end = validatedAt + (long)(latency.Total.TotalSeconds * Stopwatch.Frequency);
        var inside = sut.Network.InsideBetween(validatedAt, end);
        return Math.Max(0, (end - validatedAt - inside) * 1_000_000.0 / Stopwatch.Frequency);
    }

    /// <summary>Our own time from the validated decision until the entry request reached the network (first attempt), venue time excluded.</summary>
    private static double? SendMicroseconds(PaperSut sut, ExecutionOutcome outcome, long validatedAt)
    {
        if (outcome.EntryCloid is not { } cloid || sut.Network.FirstSent(cloid) is not { } sent)
        {
            return null;
        }

        var inside = sut.Network.InsideBetween(validatedAt, sent);
        return Math.Max(0, (sent - validatedAt - inside) * 1_000_000.0 / Stopwatch.Frequency);
    }

    private static async Task CheckOpenedAsync(PaperSut sut, ExecutionOutcome outcome, ShowStats stats)
    {
        if (outcome.FilledSize <= 0m && outcome.Result != IntentResult.Unresolved)
        {
            return;
        }

        var coin = outcome.Intent.Symbol;
        var position = (await sut.StateAsync()).PositionOf(coin);
        if (position is null)
        {
            stats.FilledThenFlat++;
            var left = (await sut.OpenOrdersAsync()).Count(o => o.Coin == coin);
            if (left > 0)
            {
                stats.LeftoverAfterClose++;
                stats.Problems.Add($"{coin} flattened with {left} order(s) left");
            }

            return;
        }

        var covered = (await sut.OpenOrdersAsync())
            .Where(o => o.Coin == coin && o.IsTrigger && o.ReduceOnly && o.OrderType.StartsWith("Stop", StringComparison.Ordinal) && o.Side == position.Side.ClosingSide())
            .Sum(o => o.Size);
        if (covered >= position.AbsSize)
        {
            stats.FilledThenProtected++;
        }
        else
        {
            stats.FilledNotSafe++;
            stats.Problems.Add($"{coin} {outcome.Result} {outcome.Protection.Status}: position {position.Size}, stop cover {covered}; {outcome.Detail}");
        }
    }

    private static async Task CheckClosedAsync(PaperSut sut, ExecutionOutcome outcome, ShowStats stats)
    {
        var coin = outcome.Intent.Symbol;
        var flat = (await sut.StateAsync()).PositionOf(coin) is null;
        var left = (await sut.OpenOrdersAsync()).Count(o => o.Coin == coin);
        if (flat && left > 0)
        {
            stats.LeftoverAfterClose++;
            stats.Problems.Add($"{coin} close {outcome.Result}: {left} order(s) left; {outcome.Detail}");
        }

        if (!flat)
        {
            stats.CloseNotFlat++;
        }
    }

    private static async Task AssertNoOrphanTriggersAsync(PaperSut sut, ShowStats stats)
    {
        var positions = (await sut.StateAsync()).Positions.Where(p => p.Size != 0m).Select(p => p.Coin).ToHashSet();
        var orphans = (await sut.OpenOrdersAsync()).Where(o => o.IsTrigger && !positions.Contains(o.Coin)).ToArray();
        if (orphans.Length > 0)
        {
            stats.OrphansSeen += orphans.Length;
            stats.Problems.Add("orphan triggers after reconciliation: " + string.Join(", ", orphans.Select(o => o.Coin + "#" + o.Oid)));
        }
    }
}

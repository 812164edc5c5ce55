using CsCheck;
using Halyard.Domain;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Tests.Hyperliquid.Http;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Hyperliquid.RateLimit;

public sealed class WeightBudgetTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AcquireAsync_WithinCapacity_GoesAtOnce()
    {
        var (budget, _) = CreateSut(WeightBudgetMode.Fail);

        Assert.Null(await budget.AcquireAsync(1200, None));
        Assert.Equal(0, budget.Available);
    }

    [Fact]
    public async Task AcquireAsync_FailMode_RefusesWithTheTimeUntilTheWindowHasRoom()
    {
        var (budget, clock) = CreateSut(WeightBudgetMode.Fail);
        await budget.AcquireAsync(600, None);
        clock.Advance(TimeSpan.FromSeconds(20));
        await budget.AcquireAsync(600, None);
        clock.Advance(TimeSpan.FromSeconds(10));

        var refused = await budget.AcquireAsync(20, None);

        Assert.Equal(ErrorClass.RateLimited, refused!.Class);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.False(refused.OutcomeUnknown);
        Assert.Contains("not sent", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireAsync_RollingWindow_WeightReturnsAMinuteAfterItWasTaken()
    {
        var (budget, clock) = CreateSut(WeightBudgetMode.Fail);
        await budget.AcquireAsync(600, None);
        clock.Advance(TimeSpan.FromSeconds(20));
        await budget.AcquireAsync(600, None);

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(600, budget.Available);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1200, budget.Available);
    }

    [Fact]
    public async Task AcquireAsync_WaitMode_DelaysOnTheInjectedClockUntilThereIsRoom()
    {
        var (budget, clock) = CreateSut(WeightBudgetMode.Wait);
        await budget.AcquireAsync(1200, None);

        var pending = budget.AcquireAsync(20, None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await pending);
        Assert.Equal(1180, budget.Available);
    }

    [Fact]
    public async Task AcquireAsync_WaitModeBeyondMaxWait_RefusesAtOnce()
    {
        var (budget, _) = CreateSut(WeightBudgetMode.Wait, maxWait: TimeSpan.FromSeconds(10));
        await budget.AcquireAsync(1200, None);

        var refused = await budget.AcquireAsync(20, None);

        Assert.Equal(TimeSpan.FromSeconds(60), refused!.RetryAfter);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        var (budget, _) = CreateSut(WeightBudgetMode.Wait);
        await budget.AcquireAsync(1200, None);
        using var cts = new CancellationTokenSource();

        var pending = budget.AcquireAsync(20, cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Charge_ItemSurchargeBeyondCapacity_PutsTheBudgetInDebt()
    {
        var (budget, clock) = CreateSut(WeightBudgetMode.Fail);
        await budget.AcquireAsync(20, None);
        clock.Advance(TimeSpan.FromSeconds(1));

        budget.Charge(1250);

        Assert.Equal(0, budget.Available);
        Assert.Equal(TimeSpan.FromSeconds(60), (await budget.AcquireAsync(2, None))!.RetryAfter);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1200, budget.Available);
    }

    [Fact]
    public async Task BlockUntil_NothingGoesBeforeThen()
    {
        var (budget, clock) = CreateSut(WeightBudgetMode.Fail);

        budget.BlockUntil(clock.GetUtcNow().AddSeconds(5));

        Assert.Equal(0, budget.Available);
        Assert.Equal(TimeSpan.FromSeconds(5), (await budget.AcquireAsync(1, None))!.RetryAfter);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await budget.AcquireAsync(1, None));
    }

    [Fact]
    public async Task AcquireAsync_ParallelCallers_NeverOverspend()
    {
        var (budget, _) = CreateSut(WeightBudgetMode.Fail, capacity: 100);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => budget.AcquireAsync(1, None).AsTask())));

        Assert.Equal(100, results.Count(r => r is null));
    }

    [Fact]
    public void AcquireAsync_AnySequence_MatchesTheRollingWindowModelExactly()
    {
        var steps = Gen.Select(Gen.Int[0, 30_000], Gen.Int[1, 400]).Array[1, 80];

        steps.Sample(sequence =>
        {
            var (budget, clock) = CreateSut(WeightBudgetMode.Fail);
            var granted = new List<(DateTimeOffset At, int Weight)>();
            foreach (var (advanceMs, weight) in sequence)
            {
                clock.Advance(TimeSpan.FromMilliseconds(advanceMs));
                var now = clock.GetUtcNow();
                var inWindow = granted.Where(g => g.At > now - TimeSpan.FromMinutes(1)).Sum(g => g.Weight);
                var refused = budget.AcquireAsync(weight, None).AsTask().GetAwaiter().GetResult();
                if ((refused is null) != (inWindow + weight <= 1200))
                {
                    return false;
                }

                if (refused is null)
                {
                    granted.Add((now, weight));
                }
                else if (refused.RetryAfter is not { } wait || wait <= TimeSpan.Zero
                    || granted.Where(g => g.At > now + wait - TimeSpan.FromMinutes(1)).Sum(g => g.Weight) + weight > 1200)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public async Task PostAsync_WaitMode_SixtyFirstInfoRequestWaitsForTheWindow()
    {
        var clock = TestHttp.Clock();
        var handler = StubHandler.Returning("{}");
        var http = TestHttp.Create(handler, clock);
        for (var i = 0; i < 60; i++)
        {
            Assert.True((await http.PostAsync("/info", "{}"u8.ToArray(), 20, None)).IsSuccess);
        }

        var pending = http.PostAsync("/info", "{}"u8.ToArray(), 20, None);
        Assert.False(pending.IsCompleted);
        Assert.Equal(60, handler.Requests.Count);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True((await pending).IsSuccess);
        Assert.Equal(61, handler.Requests.Count);
    }

    [Theory]
    [InlineData(0, 60, 60)]
    [InlineData(1200, 0, 60)]
    [InlineData(1200, 60, -1)]
    public void Constructor_InvalidOptions_Throws(int capacity, int windowSeconds, int maxWaitSeconds)
    {
        var options = new WeightBudgetOptions
        {
            Capacity = capacity,
            Window = TimeSpan.FromSeconds(windowSeconds),
            MaxWait = TimeSpan.FromSeconds(maxWaitSeconds),
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightBudget(options, TimeProvider.System));
    }

    private static (WeightBudget Budget, FakeTimeProvider Clock) CreateSut(
        WeightBudgetMode mode,
        int capacity = 1200,
        TimeSpan? maxWait = null)
    {
        var clock = TestHttp.Clock();
        var options = new WeightBudgetOptions { Mode = mode, Capacity = capacity, MaxWait = maxWait ?? TimeSpan.FromMinutes(1) };
        return (new WeightBudget(options, clock), clock);
    }
}

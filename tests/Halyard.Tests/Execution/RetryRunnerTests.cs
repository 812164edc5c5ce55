using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Retry;
using Halyard.Hyperliquid.Http;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Execution;

public class RetryRunnerTests
{
    [Fact]
    public async Task RunAsync_Temporary_WaitsAtLeast200Then400MillisecondsOfVirtualTime()
    {
        var clock = new FakeTimeProvider();
        var runner = new RetryRunner(new OrchestratorOptions(), clock, new Random(1));
        var times = new List<DateTimeOffset>();

        var run = await Support.ClockDriver.RunAsync(
            clock,
            runner.RunAsync(RetryProfile.Opening, _ => { times.Add(clock.GetUtcNow()); return ValueTask.FromResult<Error?>(new Error(ErrorClass.Temporary, "x")); }, CancellationToken.None),
            TimeSpan.FromMilliseconds(5));

        Assert.Equal((3, ErrorClass.Temporary), (run.Attempts, run.Error!.Class));
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(200));
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void Delay_Backoff_IsBaseTimesTwoToTheRetryWithAtMostTwentyPercentJitter()
    {
        var runner = new RetryRunner(new OrchestratorOptions(), new FakeTimeProvider(), new Random(3));
        var temporary = new Error(ErrorClass.Temporary, "x");
        for (var i = 0; i < 200; i++)
        {
            var first = runner.Delay(temporary, 0);
            var second = runner.Delay(temporary, 1);
            Assert.InRange(first, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(240));
            Assert.InRange(second, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(480));
        }

        Assert.Equal(TimeSpan.FromSeconds(7), runner.Delay(new Error(ErrorClass.RateLimited, "429", 429, TimeSpan.FromSeconds(7)), 0));
        Assert.Equal(TimeSpan.FromSeconds(1), runner.Delay(new Error(ErrorClass.RateLimited, "budget"), 2));
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithRetryAfter_WaitsExactlyThat()
    {
        var clock = new FakeTimeProvider();
        var runner = new RetryRunner(new OrchestratorOptions(), clock, new Random(1));
        var attempts = 0;
        var task = runner.RunAsync(
            RetryProfile.Opening,
            _ => ValueTask.FromResult<Error?>(++attempts < 2 ? new Error(ErrorClass.RateLimited, "429", 429, TimeSpan.FromSeconds(3)) : null),
            CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.Equal(1, attempts);
        var run = await Support.ClockDriver.RunAsync(clock, task, TimeSpan.FromMilliseconds(1));
        Assert.True(run.Succeeded);
        Assert.Equal(2, run.Attempts);
    }

    [Theory]
    [InlineData(ErrorClass.Unknown, false, 2)]
    [InlineData(ErrorClass.Temporary, false, 3)]
    [InlineData(ErrorClass.ExchangeDown, true, 5)]
    [InlineData(ErrorClass.InvalidParam, true, 1)]
    public async Task RunAsync_EveryAttemptFails_MakesTheAttemptsOfTheRulesCountingTheFirst(ErrorClass errorClass, bool protective, int expected)
    {
        var profile = protective ? RetryProfile.Protective : RetryProfile.Opening;
        var clock = new FakeTimeProvider();
        var runner = new RetryRunner(new OrchestratorOptions(), clock, new Random(1));
        var calls = 0;

        var run = await Support.ClockDriver.RunAsync(
            clock,
            runner.RunAsync(profile, _ => { calls++; return ValueTask.FromResult<Error?>(new Error(errorClass, "x")); }, CancellationToken.None),
            TimeSpan.FromMilliseconds(50));

        Assert.Equal((expected, expected, errorClass), (calls, run.Attempts, run.Error!.Class));
    }

    [Theory]
    [InlineData(ErrorClass.Unknown, false, 9)]
    [InlineData(ErrorClass.Temporary, false, 9)]
    [InlineData(ErrorClass.Temporary, true, 3)]
    [InlineData(ErrorClass.ExchangeDown, true, 9)]
    [InlineData(ErrorClass.RateLimited, true, 2)]
    [InlineData(ErrorClass.InvalidParam, true, 9)]
    public async Task RunAfterAsync_CallersFirstAttemptFailed_SameAttemptsWaitsAndOutcomeAsRunAsync(ErrorClass errorClass, bool protective, int succeedsAtCall)
    {
        // The same failing operation run whole by RunAsync, and by a caller that made the first attempt itself and handed
        // its error to RunAfterAsync: the same calls at the same virtual times, the same attempts and the same outcome.
        var profile = protective ? RetryProfile.Protective : RetryProfile.Opening;

        async Task<(RetryRun Run, List<DateTimeOffset> Times)> RunAsync(bool callerFirst)
        {
            var clock = new FakeTimeProvider();
            var runner = new RetryRunner(new OrchestratorOptions(), clock, new Random(7));
            var times = new List<DateTimeOffset>();
            var calls = 0;
            Func<CancellationToken, ValueTask<Error?>> attempt = _ =>
            {
                times.Add(clock.GetUtcNow());
                return ValueTask.FromResult(++calls >= succeedsAtCall ? null : new Error(errorClass, "x " + calls));
            };
            var task = callerFirst
                ? runner.RunAfterAsync(profile, (await attempt(CancellationToken.None))!, attempt, CancellationToken.None)
                : runner.RunAsync(profile, attempt, CancellationToken.None);
            return (await Support.ClockDriver.RunAsync(clock, task, TimeSpan.FromMilliseconds(5)), times);
        }

        var whole = await RunAsync(callerFirst: false);
        var after = await RunAsync(callerFirst: true);

        Assert.Equal((whole.Run.Attempts, whole.Run.Error?.Class, whole.Run.Error?.Message), (after.Run.Attempts, after.Run.Error?.Class, after.Run.Error?.Message));
        Assert.Equal(whole.Times, after.Times);
        Assert.True(whole.Run.Attempts > 1 || errorClass == ErrorClass.InvalidParam);
    }

    [Fact]
    public async Task RunAsync_FirstAttemptSucceeds_OneCallWithoutWaiting()
    {
        var clock = new FakeTimeProvider();
        var runner = new RetryRunner(new OrchestratorOptions(), clock, new Random(1));
        var calls = 0;

        var run = await runner.RunAsync(RetryProfile.Protective, _ => { calls++; return ValueTask.FromResult<Error?>(null); }, CancellationToken.None);

        Assert.Equal((true, 1, 1), (run.Succeeded, run.Attempts, calls));
    }

    [Fact]
    public async Task RunAsync_AttemptThrows_TheExceptionReachesTheCaller()
    {
        var runner = new RetryRunner(new OrchestratorOptions(), new FakeTimeProvider(), new Random(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(RetryProfile.Opening, _ => throw new InvalidOperationException("bug"), CancellationToken.None));
    }

    [Theory]
    [InlineData(ErrorClass.Temporary, false, 3)]
    [InlineData(ErrorClass.Temporary, true, 5)]
    [InlineData(ErrorClass.Unknown, false, 2)]
    [InlineData(ErrorClass.ExchangeDown, false, 1)]
    [InlineData(ErrorClass.ExchangeDown, true, 5)]
    [InlineData(ErrorClass.InvalidParam, true, 1)]
    [InlineData(ErrorClass.RiskRejected, true, 1)]
    [InlineData(ErrorClass.Insufficient, true, 1)]
    public void ShouldRetry_PerClass_StopsAtTheDesignedAttempt(ErrorClass errorClass, bool protective, int expectedAttempts)
    {
        var profile = protective ? RetryProfile.Protective : RetryProfile.Opening;
        var options = new OrchestratorOptions();
        var max = options.AttemptsFor(profile);
        var attempts = 1;
        while (RetryRules.ShouldRetry(errorClass, attempts, errorClass == ErrorClass.Unknown ? attempts : 0, max, profile))
        {
            attempts++;
        }

        Assert.Equal(expectedAttempts, attempts);
    }

    [Fact]
    public void AttemptsFor_IdempotentRetriesOff_IsOne() =>
        Assert.Equal(1, new OrchestratorOptions { Features = new ExecutionFeatures { IdempotentRetries = false } }.AttemptsFor(RetryProfile.Protective));

    [Fact]
    public void Validate_BadValues_NameEachOption()
    {
        var errors = new OrchestratorOptions { SlippageBps = 0m, MaxAttempts = 0, DeadMansSwitch = TimeSpan.FromSeconds(1), DefaultProtection = new ProtectionDistance(0m) }.Validate();

        Assert.Contains(errors, e => e.StartsWith("slippage_bps", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("max_attempts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("dead_mans_switch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("default_protection", StringComparison.Ordinal));
        Assert.Empty(new OrchestratorOptions().Validate());
    }

    [Fact]
    public void FromConfig_ExecutionAndFeatures_MapOntoTheOptions()
    {
        var config = new ExecutionConfig
        {
            Entry = EntryMode.Gtc, SlippageBps = 30m, GtcTimeout = TimeSpan.FromSeconds(45), CloseSlippageBps = 80m, MarginMode = MarginMode.Isolated,
            DeadMansSwitch = TimeSpan.FromMinutes(5), ExternalPositions = ExternalPositionPolicy.Adopt, MaxAttempts = 4,
            BackoffBase = TimeSpan.FromMilliseconds(100), RateLimitBackoff = TimeSpan.FromSeconds(2),
        };

        var options = config.ToOrchestratorOptions(new FeatureFlags { SltpOrchestration = false, MultiDecision = false });

        Assert.Equal(
            (EntryMode.Gtc, 30m, TimeSpan.FromSeconds(45), 80m, MarginMode.Isolated, TimeSpan.FromMinutes(5), ExternalPositionPolicy.Adopt, 4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)),
            (options.Entry, options.SlippageBps, options.GtcTimeout, options.CloseSlippageBps, options.MarginMode, options.DeadMansSwitch, options.ExternalPositions, options.MaxAttempts, options.BackoffBase, options.RateLimitBackoff));
        Assert.Equal((false, true, false), (options.Features.SltpOrchestration, options.Features.IdempotentRetries, options.Features.MultiDecision));
    }
}

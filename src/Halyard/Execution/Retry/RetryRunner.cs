using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Polly;
using Polly.Retry;

namespace Halyard.Execution.Retry;

/// <summary>The result of a retried operation: the last error (null on success) and the attempts made.</summary>
internal readonly record struct RetryRun(Error? Error, int Attempts)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs one venue operation under the per-class policy (<see cref="RetryRules"/>) with a Polly.Core
/// <see cref="ResiliencePipeline{T}"/> per profile, waiting on the injected <see cref="TimeProvider"/>:
/// backoff = base × 2^(attempt−1) × (1 + U·jitter) for Temporary/Unknown/ExchangeDown, and Retry-After (or the
/// fixed rate-limit backoff) for RateLimited. The jitter comes from a seeded <see cref="Random"/>.
/// </summary>
internal sealed class RetryRunner
{
    private readonly OrchestratorOptions _options;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly ResiliencePipeline<Attempt> _opening;
    private readonly ResiliencePipeline<Attempt> _protective;

    private readonly Microsoft.Extensions.Logging.ILogger _log;
    private readonly string _trader;

    public RetryRunner(OrchestratorOptions options, TimeProvider time, Random random, Microsoft.Extensions.Logging.ILogger? log = null, string trader = "")
    {
        _options = options;
        _random = random;
        _log = log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _trader = trader;
        _opening = Build(options.AttemptsFor(RetryProfile.Opening), time, RetryProfile.Opening);
        _protective = Build(options.AttemptsFor(RetryProfile.Protective), time, RetryProfile.Protective);
    }

    /// <summary>
    /// Calls <paramref name="attempt"/> until it returns null (success) or the policy stops. The callback is
    /// responsible for what a repeat means (e.g. settling an unknown outcome by cloid before sending again).
    /// </summary>
    public async Task<RetryRun> RunAsync(RetryProfile profile, Func<CancellationToken, ValueTask<Error?>> attempt, CancellationToken cancellationToken)
    {
        var state = new RunState(attempt, _options.AttemptsFor(profile), profile);
        if (!cancellationToken.IsCancellationRequested)
        {
            // The first attempt outside the pipeline: almost every operation succeeds (or fails for good) at once, and
            // then the pipeline would only add its overhead. One to repeat is handed to the pipeline as its first
            // outcome, so the waits, the log and the attempts that follow are the pipeline's, as before.
            var first = await AttemptAsync(state, cancellationToken).ConfigureAwait(false);
            if (!first.Retry)
            {
                return new RetryRun(first.Error, state.Attempts);
            }

            state.Pending = first;
        }

        return await PipelineAsync(state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rest of <see cref="RunAsync"/> after a first attempt the caller made itself and that failed with
    /// <paramref name="firstError"/> (a read's first attempt goes without a closure, a state and this runner: almost
    /// every read succeeds at once). The same attempts, waits and log follow as when <see cref="RunAsync"/> made it.
    /// </summary>
    public Task<RetryRun> RunAfterAsync(RetryProfile profile, Error firstError, Func<CancellationToken, ValueTask<Error?>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firstError);
        var state = new RunState(attempt, _options.AttemptsFor(profile), profile);
        var first = Counted(state, firstError);
        if (!first.Retry)
        {
            return Task.FromResult(new RetryRun(first.Error, state.Attempts));
        }

        state.Pending = first;
        return PipelineAsync(state, cancellationToken);
    }

    private async Task<RetryRun> PipelineAsync(RunState state, CancellationToken cancellationToken)
    {
        var pipeline = state.Profile == RetryProfile.Protective ? _protective : _opening;
        var last = await pipeline.ExecuteAsync(
            static (s, ct) => s.TakePending() is { } pending ? ValueTask.FromResult(pending) : AttemptAsync(s, ct),
            state,
            cancellationToken).ConfigureAwait(false);
        return new RetryRun(last.Error, state.Attempts);
    }

    private static async ValueTask<Attempt> AttemptAsync(RunState s, CancellationToken ct) =>
        Counted(s, await s.Attempt(ct).ConfigureAwait(false));

    /// <summary>One attempt's outcome counted: the attempts, the unknowns, and whether the policy repeats it.</summary>
    private static Attempt Counted(RunState s, Error? error)
    {
        s.Attempts++;
        if (error?.Class == ErrorClass.Unknown)
        {
            s.Unknowns++;
        }

        return new Attempt(error, error is not null && RetryRules.ShouldRetry(error.Class, s.Attempts, s.Unknowns, s.MaxAttempts, s.Profile));
    }

    private ResiliencePipeline<Attempt> Build(int maxAttempts, TimeProvider time, RetryProfile profile)
    {
        if (maxAttempts <= 1)
        {
            return ResiliencePipeline<Attempt>.Empty;
        }

        return new ResiliencePipelineBuilder<Attempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = maxAttempts - 1,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { Retry: true }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome.Result?.Error, args.AttemptNumber)),
                OnRetry = args =>
                {
                    if (args.Outcome.Result?.Error is { } error)
                    {
                        ExecutionLog.Retrying(_log, _trader, error.Class.ToString(), error.Message, args.AttemptNumber + 1, maxAttempts - 1, args.RetryDelay.TotalMilliseconds, profile.ToString());
                    }

                    return default;
                },
            })
            .Build();
    }

    /// <summary>The wait before the next attempt; <paramref name="retryIndex"/> is 0 before the second attempt.</summary>
    internal TimeSpan Delay(Error? error, int retryIndex)
    {
        if (error?.Class == ErrorClass.RateLimited)
        {
            return error.RetryAfter is { } after && after > TimeSpan.Zero ? after : _options.RateLimitBackoff;
        }

        double u;
        lock (_randomGate)
        {
            u = _random.NextDouble();
        }

        var factor = (1 << Math.Min(retryIndex, 16)) * (1 + (u * (double)_options.JitterFraction));
        return TimeSpan.FromTicks((long)(_options.BackoffBase.Ticks * factor));
    }

    private sealed record Attempt(Error? Error, bool Retry);

    private sealed class RunState(Func<CancellationToken, ValueTask<Error?>> attempt, int maxAttempts, RetryProfile profile)
    {
        public Func<CancellationToken, ValueTask<Error?>> Attempt { get; } = attempt;

        public int MaxAttempts { get; } = maxAttempts;

        public RetryProfile Profile { get; } = profile;

        public int Attempts { get; set; }

        public int Unknowns { get; set; }

        /// <summary>An outcome made before the pipeline ran, which its first execution returns.</summary>
        public Attempt? Pending { get; set; }

        public Attempt? TakePending()
        {
            var pending = Pending;
            Pending = null;
            return pending;
        }
    }
}

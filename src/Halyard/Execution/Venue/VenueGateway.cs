using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;
using Halyard.Execution.Retry;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution.Venue;

/// <summary>A retried action without per-order statuses (leverage, schedule cancel).</summary>
internal readonly record struct ActionRun(Error? Error, int Attempts, TimeSpan Elapsed)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

/// <summary>The fate of each cancel of a batch: gone (cancelled now, or already gone), or failed with an error.</summary>
internal sealed record CancelRun(ImmutableArray<Error?> Errors, int Attempts, TimeSpan Elapsed)
{
    public bool AllGone => Errors.All(e => e is null);
}

/// <summary>
/// Every venue call of the Orchestrator, each under the retry policy of its profile. Reads never have side
/// effects, so they are simply repeated; cancels are idempotent (a second cancel of a cancelled order answers
/// "never placed, already canceled, or filled", which means gone). Orders go through <see cref="OrderSubmitter"/>.
/// </summary>
internal sealed class VenueGateway(ExchangeClient exchange, InfoClient info, string account, RetryRunner runner, TimeProvider time, IPushedState? pushed = null, IPolledState? polled = null)
{
    /// <summary>The cancel answer for an order that is no longer open (cancelled, filled, or never placed).</summary>
    public const string MissingOrderPrefix = "Order was never placed, already canceled, or filled";

    public ExchangeClient Exchange => exchange;

    public InfoClient Info => info;

    public string Account => account;

    public RetryRunner Runner => runner;

    public TimeProvider Time => time;

    public Task<Result<AccountSnapshot>> AccountAsync(RetryProfile profile, CancellationToken ct) =>
        ReadAsync(profile, c => polled is null ? info.GetClearinghouseStateAsync(account, c) : polled.GetAccountAsync(account, c), ct);

    public Task<Result<IReadOnlyList<OpenOrder>>> OpenOrdersAsync(RetryProfile profile, CancellationToken ct) =>
        ReadAsync(profile, c => polled is null ? info.GetFrontendOpenOrdersAsync(account, c) : polled.GetOpenOrdersAsync(account, c), ct);

    /// <summary>The account as pushed (no request) when the pushed state is usable, else polled: for reads that verify nothing we just did.</summary>
    public async Task<Result<AccountSnapshot>> StateAccountAsync(RetryProfile profile, CancellationToken ct) =>
        pushed is not null && await pushed.AccountAsync(ct).ConfigureAwait(false) is { } value
            ? Result<AccountSnapshot>.Success(value)
            : await AccountAsync(profile, ct).ConfigureAwait(false);

    /// <summary>The resting orders as pushed when usable, else polled (see <see cref="StateAccountAsync"/>).</summary>
    public async Task<Result<IReadOnlyList<OpenOrder>>> StateOpenOrdersAsync(RetryProfile profile, CancellationToken ct) =>
        pushed is not null && await pushed.OpenOrdersAsync(ct).ConfigureAwait(false) is { } value
            ? Result<IReadOnlyList<OpenOrder>>.Success(value)
            : await OpenOrdersAsync(profile, ct).ConfigureAwait(false);

    public Task<Result<IReadOnlyList<InstrumentRules>>> MetaAsync(RetryProfile profile, CancellationToken ct) =>
        ReadAsync(profile, info.GetMetaAsync, ct);

    public Task<Result<OrderLookup>> OrderStatusAsync(Cloid cloid, RetryProfile profile, CancellationToken ct) =>
        ReadAsync(profile, c => info.GetOrderStatusAsync(account, cloid, c), ct);

    public Task<Result<OrderLookup>> OrderStatusAsync(long oid, RetryProfile profile, CancellationToken ct) =>
        ReadAsync(profile, c => info.GetOrderStatusAsync(account, oid, c), ct);

    /// <summary>Every fill of the account from <paramref name="since"/> (inclusive) until now.</summary>
    public async Task<Result<IReadOnlyList<UserFill>>> FillsAsync(DateTimeOffset since, RetryProfile profile, CancellationToken ct)
    {
        var query = new FillHistoryQuery(account, since, null);
        var read = await ReadAsync(profile, c => polled is null ? info.GetUserFillHistoryAsync(query, c) : polled.GetFillHistoryAsync(query, c), ct).ConfigureAwait(false);
        return read.Map(h => h.Fills);
    }

    /// <summary>The live mid of <paramref name="coin"/> (<c>allMids</c>); a coin without a mid is <see cref="ErrorClass.InvalidParam"/>.</summary>
    public async Task<Result<decimal>> MidAsync(string coin, RetryProfile profile, CancellationToken ct)
    {
        if (pushed is not null && await pushed.MidsAsync(ct).ConfigureAwait(false) is { } pushedMids)
        {
            return MidOf(pushedMids, coin);
        }

        // A missing mid is InvalidParam, which the policy never retries: the attempts are the read's.
        return await ReadAsync<decimal>(
            profile,
            async c =>
            {
                var mids = polled is null ? await info.GetAllMidsAsync(c).ConfigureAwait(false) : await polled.GetMidsAsync(c).ConfigureAwait(false);
                return mids.IsSuccess ? MidOf(mids.Value, coin) : mids.Error;
            },
            ct).ConfigureAwait(false);
    }

    private static Result<decimal> MidOf(IReadOnlyDictionary<string, decimal> mids, string coin) =>
        mids.TryGetValue(coin, out var mid) && mid > 0m ? Result<decimal>.Success(mid) : Error.Invalid("No mid price for " + coin + ".");

    /// <summary>
    /// One read under the retry policy: the value, or the last error with the number of attempts made
    /// (<see cref="Error.Attempts"/>).
    /// </summary>
    public async Task<Result<T>> ReadAsync<T>(RetryProfile profile, Func<CancellationToken, Task<Result<T>>> read, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return await RetriedAsync(profile, read, null, ct).ConfigureAwait(false);
        }

        // The first attempt as the runner would make it, without its closure and states: almost every read succeeds at once.
        var first = await read(ct).ConfigureAwait(false);
        return first.IsSuccess ? first : await RetriedAsync(profile, read, first.Error, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The read under the runner: the whole read (a cancelled token: the runner decides what that means), or, after a
    /// first attempt that failed with <paramref name="firstError"/>, the attempts its policy still allows.
    /// </summary>
    private async Task<Result<T>> RetriedAsync<T>(RetryProfile profile, Func<CancellationToken, Task<Result<T>>> read, Error? firstError, CancellationToken ct)
    {
        T? value = default;
        async ValueTask<Error?> Attempt(CancellationToken c)
        {
            var result = await read(c).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            value = result.Value;
            return null;
        }

        var run = firstError is null
            ? await runner.RunAsync(profile, Attempt, ct).ConfigureAwait(false)
            : await runner.RunAfterAsync(profile, firstError, Attempt, ct).ConfigureAwait(false);
        return run.Succeeded ? Result<T>.Success(value!) : run.Error with { Attempts = run.Attempts };
    }

    public Task<ActionRun> UpdateLeverageAsync(UpdateLeverageAction action, CancellationToken ct) =>
        AckAsync(RetryProfile.Opening, c => exchange.UpdateLeverageAsync(action, c), ct);

    public Task<ActionRun> ScheduleCancelAsync(ScheduleCancelAction action, CancellationToken ct) =>
        AckAsync(RetryProfile.Opening, c => exchange.ScheduleCancelAsync(action, c), ct);

    /// <summary>Cancels by order id (protective profile).</summary>
    public Task<CancelRun> CancelAsync(IReadOnlyList<CancelRequest> cancels, CancellationToken ct) =>
        CancelBatchAsync(cancels, (items, c) => exchange.CancelAsync(new CancelAction([.. items]), c), ct);

    /// <summary>Cancels by client order id (protective profile).</summary>
    public Task<CancelRun> CancelByCloidAsync(IReadOnlyList<CancelByCloidRequest> cancels, CancellationToken ct) =>
        CancelBatchAsync(cancels, (items, c) => exchange.CancelByCloidAsync(new CancelByCloidAction([.. items]), c), ct);

    private async Task<ActionRun> AckAsync(RetryProfile profile, Func<CancellationToken, Task<Result<ExchangeAck>>> send, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var run = await runner.RunAsync(
            profile,
            async c =>
            {
                var result = await send(c).ConfigureAwait(false);
                return result.IsSuccess ? null : result.Error;
            },
            ct).ConfigureAwait(false);
        return new ActionRun(run.Error, run.Attempts, time.GetElapsedTime(start));
    }

    private async Task<CancelRun> CancelBatchAsync<T>(
        IReadOnlyList<T> cancels,
        Func<IReadOnlyList<T>, CancellationToken, Task<Result<IReadOnlyList<CancelStatus>>>> send,
        CancellationToken ct)
    {
        var errors = new Error?[cancels.Count];
        var pending = Enumerable.Range(0, cancels.Count).ToList();
        var start = time.GetTimestamp();
        var run = await runner.RunAsync(
            RetryProfile.Protective,
            async c =>
            {
                var result = await send(pending.Select(i => cancels[i]).ToArray(), c).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    foreach (var i in pending)
                    {
                        errors[i] = result.Error;
                    }

                    return result.Error;
                }

                Error? retryable = null;
                var still = new List<int>();
                for (var k = 0; k < pending.Count; k++)
                {
                    var status = result.Value[k];
                    var index = pending[k];
                    if (status.Success || (status.Error ?? string.Empty).StartsWith(MissingOrderPrefix, StringComparison.Ordinal))
                    {
                        errors[index] = null;
                        continue;
                    }

                    var error = new Error(status.Class ?? ErrorClass.Unknown, status.Error ?? "cancel failed");
                    errors[index] = error;
                    if (error.Class.IsTransient() || error.Class == ErrorClass.ExchangeDown)
                    {
                        still.Add(index);
                        retryable ??= error;
                    }
                }

                pending = still;
                return retryable;
            },
            ct).ConfigureAwait(false);
        return new CancelRun([.. errors], run.Attempts, time.GetElapsedTime(start));
    }
}

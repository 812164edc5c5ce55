using Halyard.Domain;
using Halyard.Execution.Retry;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Errors;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution.Venue;

/// <summary>
/// One order to place. <paramref name="Build"/> is called before every send with the attempt number (1-based),
/// so an entry can be re-priced from a fresh mid on a retry; the cloid stays the same. It answers the wire of
/// the leg for that attempt, or why it cannot be sent (a formatter refusal, a failed price read).
/// </summary>
internal sealed record OrderLeg(OrderEventAction Role, Cloid? Cloid, Func<int, CancellationToken, ValueTask<Result<OrderWire>>> Build);

/// <summary>What became of one leg.</summary>
internal sealed class LegOutcome(OrderLeg leg)
{
    public OrderLeg Leg { get; } = leg;

    /// <summary>The accepted status (resting, filled, waiting for trigger), or null.</summary>
    public OrderStatus? Status { get; set; }

    /// <summary>The last error when not accepted.</summary>
    public Error? Error { get; set; }

    /// <summary>True when <see cref="Error"/> is the venue's own answer about this order (a per-order rejection, or a final status found by cloid), not a transport failure.</summary>
    public bool VenueAnswered { get; set; }

    /// <summary>True while the venue may hold the order although we have no answer.</summary>
    public bool Unresolved { get; set; }

    /// <summary>Sends that carried this leg.</summary>
    public int Attempts { get; set; }

    /// <summary>The wire last sent (for the records).</summary>
    public OrderWire? Wire { get; set; }

    public long? FirstSent { get; set; }

    public long? Answered { get; set; }

    public bool Accepted => Status is not null;

    /// <summary>Filled size and average price when the status is a fill.</summary>
    public OrderFilled? Fill => Status as OrderFilled;

    public long? Oid => Status switch
    {
        OrderResting r => r.Oid,
        OrderFilled f => f.Oid,
        OrderSettled s => s.Oid,
        _ => null,
    };

    internal bool Done { get; set; }
}

/// <summary>An accepted order found by <c>orderStatus</c> that is not a plain resting/filled answer (a trigger, open or fired).</summary>
internal sealed record OrderSettled(long Oid, string VenueStatus) : OrderStatus;

/// <summary>
/// Places a batch of legs (grouping <c>na</c>) under the retry policy. Before anything is sent again for a
/// leg whose outcome is unknown (timeout, reset, 5xx, unreadable answer) the leg is settled by
/// <c>orderStatus</c> by cloid: found → that is its outcome (never sent twice); unknown → sent again with the
/// SAME cloid. A leg without a cloid (idempotent retries off) is never re-sent after an unknown outcome.
/// After the last attempt an unknown leg is settled once more; if that fails too it stays unresolved.
/// </summary>
internal sealed class OrderSubmitter(VenueGateway venue)
{
    public async Task<IReadOnlyList<LegOutcome>> SubmitAsync(IReadOnlyList<OrderLeg> legs, RetryProfile profile, CancellationToken ct)
    {
        var outcomes = legs.Select(l => new LegOutcome(l)).ToArray();
        if (outcomes.Length == 0)
        {
            return outcomes;
        }

        var sentSince = venue.Time.GetUtcNow() - TimeSpan.FromMinutes(1);
        var attemptNumber = 0;
        await venue.Runner.RunAsync(
            profile,
            async c =>
            {
                attemptNumber++;
                var settleError = await SettleAsync(outcomes, sentSince, profile, retried: false, c).ConfigureAwait(false);
                if (settleError is not null)
                {
                    return settleError;
                }

                return await SendAsync(outcomes, attemptNumber, c).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);

        if (outcomes.Any(o => o.Unresolved))
        {
            await SettleAsync(outcomes, sentSince, profile, retried: true, ct).ConfigureAwait(false);
        }

        return outcomes;
    }

    /// <summary>Settles every unresolved leg; returns an error (outcome still unknown) when a lookup failed.</summary>
    /// <param name="retried">True after the last attempt: the lookup gets its own retries. Inside an attempt the
    /// attempt's own retry covers a failed lookup.</param>
    private async Task<Error?> SettleAsync(LegOutcome[] outcomes, DateTimeOffset sentSince, RetryProfile profile, bool retried, CancellationToken ct)
    {
        foreach (var outcome in outcomes.Where(o => o.Unresolved && !o.Done))
        {
            if (outcome.Leg.Cloid is not { } cloid)
            {
                outcome.Done = true;
                continue;
            }

            var lookup = await LookupAsync(cloid, profile, retried, ct).ConfigureAwait(false);
            if (!lookup.IsSuccess)
            {
                return lookup.Error with { OutcomeUnknown = true };
            }

            outcome.Unresolved = false;
            outcome.Answered = venue.Time.GetTimestamp();
            if (lookup.Value.Report is { } report)
            {
                await ApplyReportAsync(outcome, report, sentSince, profile, ct).ConfigureAwait(false);
            }
        }

        return null;
    }

    private Task<Result<OrderLookup>> LookupAsync(Cloid cloid, RetryProfile profile, bool retried, CancellationToken ct) =>
        retried ? venue.OrderStatusAsync(cloid, profile, ct) : venue.Info.GetOrderStatusAsync(venue.Account, cloid, ct);

    private async Task ApplyReportAsync(LegOutcome outcome, OrderStatusReport report, DateTimeOffset sentSince, RetryProfile profile, CancellationToken ct)
    {
        var order = report.Order;
        var filled = report.FilledSize;
        if (filled > 0m && !report.IsOpen)
        {
            var price = await AveragePriceAsync(outcome.Leg.Cloid!.Value, sentSince, profile, ct).ConfigureAwait(false) ?? order.LimitPrice;
            outcome.Status = new OrderFilled(filled, price, order.Oid, order.Cloid);
        }
        else if (report.IsOpen)
        {
            outcome.Status = order.IsTrigger ? new OrderSettled(order.Oid, report.Status) : new OrderResting(order.Oid, order.Cloid);
        }
        else if (report.Status == OrderStatusReport.Triggered)
        {
            outcome.Status = new OrderSettled(order.Oid, report.Status);
        }
        else
        {
            outcome.Error = new Error(VenueErrorMap.ClassifyStatus(report.Status), "orderStatus by cloid: " + report.Status + " without a fill");
            outcome.VenueAnswered = true;
            outcome.Done = !RetryableAgain(outcome.Error.Class);
            return;
        }

        outcome.Error = null;
        outcome.Done = true;
    }

    private async Task<decimal?> AveragePriceAsync(Cloid cloid, DateTimeOffset since, RetryProfile profile, CancellationToken ct)
    {
        var fills = await venue.FillsAsync(since, profile, ct).ConfigureAwait(false);
        if (!fills.IsSuccess)
        {
            return null;
        }

        var mine = fills.Value.Where(f => f.Cloid == cloid).ToArray();
        var size = mine.Sum(f => f.Size);
        return size > 0m ? mine.Sum(f => f.Size * f.Price) / size : null;
    }

    private async Task<Error?> SendAsync(LegOutcome[] outcomes, int attemptNumber, CancellationToken ct)
    {
        var batch = new List<(LegOutcome Outcome, OrderWire Wire)>();
        Error? buildError = null;
        foreach (var outcome in outcomes.Where(o => !o.Done && !o.Unresolved))
        {
            var built = await outcome.Leg.Build(attemptNumber, ct).ConfigureAwait(false);
            if (!built.IsSuccess)
            {
                outcome.Error = built.Error;
                outcome.Done = !RetryableAgain(built.Error.Class);
                buildError ??= outcome.Done ? null : built.Error;
                continue;
            }

            batch.Add((outcome, built.Value));
        }

        if (batch.Count == 0)
        {
            return buildError;
        }

        var sent = venue.Time.GetTimestamp();
        foreach (var (outcome, wire) in batch)
        {
            outcome.Wire = wire;
            outcome.Attempts++;
            outcome.FirstSent ??= sent;
        }

        var result = await venue.Exchange.PlaceOrdersAsync(new OrderAction([.. batch.Select(b => b.Wire)]), ct).ConfigureAwait(false);
        var answered = venue.Time.GetTimestamp();
        if (!result.IsSuccess)
        {
            foreach (var (outcome, _) in batch)
            {
                outcome.Answered = answered;
                outcome.Error = result.Error;
                outcome.VenueAnswered = false;
                outcome.Unresolved = result.Error.OutcomeUnknown;
            }

            return result.Error;
        }

        Error? retry = buildError;
        for (var i = 0; i < batch.Count; i++)
        {
            var (outcome, _) = batch[i];
            outcome.Answered = answered;
            if (result.Value[i] is OrderRejected rejected)
            {
                outcome.Error = new Error(rejected.Class, rejected.Message);
                outcome.VenueAnswered = true;
                outcome.Done = !RetryableAgain(rejected.Class);
                retry ??= outcome.Done ? null : outcome.Error;
            }
            else if (result.Value[i] is OrderWaitingForTrigger or OrderWaitingForFill && outcome.Leg.Cloid is not null)
            {
                // Accepted without an oid (the venue's answer for grouped TP/SL): find the order by its cloid.
                outcome.Error = null;
                outcome.Unresolved = true;
            }
            else
            {
                outcome.Status = result.Value[i];
                outcome.Error = null;
                outcome.Done = true;
            }
        }

        return retry;
    }

    /// <summary>Whether a leg that failed with this class may be sent again if the policy allows another attempt.</summary>
    private static bool RetryableAgain(ErrorClass errorClass) =>
        errorClass.IsTransient() || errorClass == ErrorClass.ExchangeDown;
}

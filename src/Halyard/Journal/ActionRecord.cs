using System.Text.Json.Serialization;
using Halyard.Domain;

namespace Halyard.Journal;

/// <summary>
/// One exchange action the Orchestrator took (issue "Records and flags"): set leverage, an entry, a
/// stop-loss or take-profit, a cancel, a close, a flatten. Plain strings keep the journal independent
/// of the execution types; <see cref="ErrorClass"/> holds <see cref="ErrorClassCodes.Of"/> of the
/// domain class.
/// </summary>
public sealed record ActionRecord
{
    public required string Symbol { get; init; }

    /// <summary>What was attempted, e.g. <c>set_leverage</c>, <c>entry</c>, <c>stop_loss</c>, <c>take_profit</c>, <c>cancel</c>, <c>close</c>, <c>flatten</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Size in coins as sent (or filled, see <see cref="Result"/>); null for actions without a size.</summary>
    public decimal? Qty { get; init; }

    /// <summary>Limit or trigger price as sent; null for actions without a price.</summary>
    public decimal? Price { get; init; }

    /// <summary>The venue's order id, when it gave one.</summary>
    public long? OrderId { get; init; }

    /// <summary>The client order id (<c>0x</c> + 32 hex digits), recorded before the request left.</summary>
    public string? Cloid { get; init; }

    /// <summary>The outcome, e.g. <c>filled</c>, <c>partially_filled</c>, <c>resting</c>, <c>canceled</c>, <c>rejected</c>, <c>failed</c>, <c>unresolved</c>.</summary>
    public required string Result { get; init; }

    /// <summary>Null on success; otherwise one of <see cref="ErrorClassCodes"/>.</summary>
    public string? ErrorClass { get; init; }

    /// <summary>The venue's or the network's message, verbatim.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Where the action went: null = the configured (live) venue; <c>shadow</c> = the shadow trader's own paper account.</summary>
    public string? Venue { get; init; }

    /// <summary>Requests sent for this action (0 when nothing left the process).</summary>
    public int Attempts { get; init; }

    /// <summary>An <c>insufficient</c> entry's size-down suggestion (USD notional that fits the margin now); null otherwise.</summary>
    public decimal? SuggestedSizeUsd { get; init; }

    /// <summary>Wall-clock milliseconds from the first request sent to the final response (network included).</summary>
    public double LatencyMs { get; init; }

    /// <summary>True when the venue (or the network) judged a request and the action failed.</summary>
    [JsonIgnore]
    public bool IsVenueRejection => Attempts > 0 && ErrorClass is not null;
}

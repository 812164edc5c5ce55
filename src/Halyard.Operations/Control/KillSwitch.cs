using System.Collections.Immutable;
using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;

namespace Halyard.Operations.Control;

/// <summary>What a flatten or cancel-all did: what it closed and cancelled, and whether the account is now flat (or without orders).</summary>
public sealed record KillSwitchReport(bool Ok, IReadOnlyList<string> Steps, IReadOnlyList<string> Remaining)
{
    public string Detail => string.Join("; ", Steps.Concat(Remaining.Select(r => "still open: " + r)));
}

/// <summary>
/// The kill switch at the venue: cancel open orders, close positions reduce-only through an Orchestrator's
/// close workflow (cancel the coin's orders, close reduce-only, verify flat), and read the account again to
/// verify. Used by the running process (through each trader's own Orchestrator, between its cycles) and by
/// <c>halyard flatten --config</c> / <c>cancel-all --config</c> when no process runs.
/// </summary>
public sealed class KillSwitch(IVenueReader reader, ExchangeClient exchange)
{
    /// <summary>Cancels every open order on the coins <paramref name="coins"/> accepts, then checks none is left.</summary>
    public async Task<KillSwitchReport> CancelOrdersAsync(Func<string, bool> coins, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coins);
        var steps = new List<string>();
        var orders = await reader.GetOpenOrdersAsync(ct).ConfigureAwait(false);
        if (!orders.IsSuccess)
        {
            return new(false, ["open orders unreadable: " + orders.Error.Message], []);
        }

        var targets = orders.Value.Where(o => coins(o.Coin)).ToArray();
        if (targets.Length > 0)
        {
            var universe = await reader.GetUniverseAsync(ct).ConfigureAwait(false);
            if (!universe.IsSuccess)
            {
                return new(false, ["meta unreadable: " + universe.Error.Message], []);
            }

            var cancels = targets
                .Where(o => universe.Value.Instrument(o.Coin) is not null)
                .Select(o => new CancelRequest(universe.Value.Instrument(o.Coin)!.AssetId, o.Oid))
                .ToImmutableArray();
            var result = await exchange.CancelAsync(new CancelAction(cancels), ct).ConfigureAwait(false);
            steps.Add(result.IsSuccess
                ? $"cancelled {result.Value.Count(s => s.Success)} of {cancels.Length} order(s)"
                : "cancel failed: " + result.Error!.Message);
        }
        else
        {
            steps.Add("no open order");
        }

        var after = await reader.GetOpenOrdersAsync(ct).ConfigureAwait(false);
        if (!after.IsSuccess)
        {
            return new(false, [.. steps, "open orders unreadable after cancelling: " + after.Error.Message], []);
        }

        var left = after.Value.Where(o => coins(o.Coin)).Select(o => $"{o.Coin} {o.OrderType} oid {o.Oid}").ToArray();
        return new(left.Length == 0, steps, left);
    }

    /// <summary>
    /// Closes every position on the coins <paramref name="coins"/> accepts with <paramref name="close"/> (an
    /// Orchestrator's close: reduce-only), cancels what orders remain on them, and verifies the account is flat there.
    /// </summary>
    public async Task<KillSwitchReport> FlattenAsync(Func<string, bool> coins, Func<CloseIntent, CancellationToken, Task<ExecutionOutcome>> close, string traderId, string decisionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coins);
        ArgumentNullException.ThrowIfNull(close);
        var steps = new List<string>();
        var account = await reader.GetAccountAsync(ct).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return new(false, ["account unreadable: " + account.Error.Message], []);
        }

        foreach (var position in account.Value.Positions.Where(p => p.Size != 0 && coins(p.Coin)))
        {
            var intent = new CloseIntent
            {
                TraderId = traderId,
                Cycle = 0,
                DecisionId = decisionId + ":" + position.Coin,
                Symbol = position.Coin,
                Side = position.Size > 0 ? PositionSide.Long : PositionSide.Short,
            };
            var outcome = await close(intent, ct).ConfigureAwait(false);
            steps.Add($"close {position.Coin} {position.Size}: {outcome.Result}{(outcome.Detail is { } d ? " (" + d + ")" : string.Empty)}");
        }

        var cancelled = await CancelOrdersAsync(coins, ct).ConfigureAwait(false);
        steps.AddRange(cancelled.Steps);
        var after = await reader.GetAccountAsync(ct).ConfigureAwait(false);
        if (!after.IsSuccess)
        {
            return new(false, [.. steps, "account unreadable after closing: " + after.Error.Message], []);
        }

        var open = after.Value.Positions.Where(p => p.Size != 0 && coins(p.Coin)).Select(p => $"{p.Coin} {p.Size}").ToList();
        open.AddRange(cancelled.Remaining);
        steps.Add(open.Count == 0 ? "verified flat" : "NOT flat");
        return new(open.Count == 0, steps, open);
    }
}

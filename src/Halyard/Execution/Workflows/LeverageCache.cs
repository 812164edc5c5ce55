using Halyard.Domain;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>
/// Sets an asset's leverage only when it differs from what the venue has. The venue's setting is read from
/// the trader's position (<c>clearinghouseState</c>) when there is one, else from this cache of what we last
/// set successfully (one cache per Orchestrator, i.e. per trader). Any error invalidates the asset's entry.
/// </summary>
internal sealed class LeverageCache(VenueGateway venue, OrchestratorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (int Leverage, bool IsCross)> _known = [];

    /// <summary>The leverage to use for <paramref name="requested"/>: clamped to [1, the asset's maximum].</summary>
    public static int Clamp(InstrumentRules rules, int requested) => Math.Clamp(requested, 1, Math.Max(1, rules.MaxLeverage));

    public bool IsCross(InstrumentRules rules) => options.MarginMode == MarginMode.Cross && !rules.OnlyIsolated;

    /// <summary>The update to send, or null when the venue already has it (a read failure yields the update: it is idempotent).</summary>
    public async Task<UpdateLeverageAction?> NeededAsync(InstrumentRules rules, int requested, CancellationToken ct)
    {
        var leverage = Clamp(rules, requested);
        var cross = IsCross(rules);
        lock (_gate)
        {
            if (_known.TryGetValue(rules.AssetId, out var known) && known == (leverage, cross))
            {
                return null;
            }
        }

        var account = await venue.AccountAsync(RetryProfile.Opening, ct).ConfigureAwait(false);
        if (account.IsSuccess && account.Value.PositionOf(rules.Name) is { } position)
        {
            Remember(rules.AssetId, position.Leverage, position.IsCross);
            if (position.Leverage == leverage && position.IsCross == cross)
            {
                return null;
            }
        }

        return new UpdateLeverageAction(rules.AssetId, cross, leverage);
    }

    public void Remember(int asset, int leverage, bool isCross)
    {
        lock (_gate)
        {
            _known[asset] = (leverage, isCross);
        }
    }

    public void Invalidate(int asset)
    {
        lock (_gate)
        {
            _known.Remove(asset);
        }
    }

    /// <summary>Ensures the leverage; logs the update when one is sent. Returns the error that stops the open, if any.</summary>
    public async Task<Error?> EnsureAsync(InstrumentRules rules, int requested, ActionLog log, CancellationToken ct)
    {
        var update = await NeededAsync(rules, requested, ct).ConfigureAwait(false);
        if (update is null)
        {
            return null;
        }

        var run = await venue.UpdateLeverageAsync(update, ct).ConfigureAwait(false);
        log.Simple(OrderEventAction.SetLeverage, run, update.Leverage);
        if (!run.Succeeded)
        {
            Invalidate(rules.AssetId);
            return run.Error;
        }

        Remember(rules.AssetId, update.Leverage, update.IsCross);
        return null;
    }
}

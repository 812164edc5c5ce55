using Halyard.Domain;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>
/// The instrument rules by coin, from <c>meta</c> (read on first use and again when a coin is missing), or
/// handed over by the Manager (<see cref="Orchestrator.UpdateInstruments"/>) to save the request.
/// </summary>
internal sealed class InstrumentDirectory(VenueGateway venue)
{
    private readonly Lock _gate = new();
    private Dictionary<string, InstrumentRules> _rules = new(StringComparer.Ordinal);

    /// <summary>Replaces the rules; rules equal to the ones held (every cycle, while the universe stands still) change nothing and cost no copy.</summary>
    public void Update(IEnumerable<InstrumentRules> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        lock (_gate)
        {
            if (Holds(instruments))
            {
                return;
            }
        }

        var map = new Dictionary<string, InstrumentRules>(StringComparer.Ordinal);
        foreach (var rules in instruments)
        {
            map[rules.Name] = rules;
        }

        lock (_gate)
        {
            _rules = map;
        }
    }

    /// <summary>True when <paramref name="instruments"/> are exactly the rules held, one per coin (the caller holds the lock).</summary>
    private bool Holds(IEnumerable<InstrumentRules> instruments)
    {
        var count = 0;
        foreach (var rules in instruments)
        {
            if (!_rules.TryGetValue(rules.Name, out var known) || !known.Equals(rules))
            {
                return false;
            }

            count++;
        }

        return count == _rules.Count;
    }

    public async Task<(InstrumentRules? Rules, Error? Error)> ResolveAsync(string symbol, RetryProfile profile, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_rules.TryGetValue(symbol, out var known))
            {
                return (known, null);
            }
        }

        var meta = await venue.MetaAsync(profile, ct).ConfigureAwait(false);
        if (!meta.IsSuccess)
        {
            return (null, meta.Error);
        }

        Update(meta.Value);
        lock (_gate)
        {
            return _rules.TryGetValue(symbol, out var found)
                ? (found, null)
                : (null, new Error(ErrorClass.InvalidParam, "Unknown symbol '" + symbol + "': not in the venue's meta."));
        }
    }
}

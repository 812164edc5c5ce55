using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Operations.Alerts;

/// <summary>
/// Turns journaled cycles into alerts on transitions only (one alert when a trader's venue goes down, one when
/// it falls into safe mode, one per failed cycle streak), so a long outage is one alert, not one per cycle.
/// </summary>
public sealed class CycleAlerts(string run)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    public IReadOnlyList<Alert> Observe(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var alerts = new List<Alert>();
        lock (_lock)
        {
            if (!_states.TryGetValue(record.TraderId, out var state))
            {
                state = new State();
                _states[record.TraderId] = state;
            }

            var venueDown = (!record.Success && record.AccountSnapshot is null)
                || record.Actions.Any(a => a.ErrorClass == ErrorClassCodes.ExchangeDown);
            if (venueDown && !state.VenueDown)
            {
                alerts.Add(New(AlertKinds.VenueDown, "critical", record, "venue unreachable or failing: " + (record.ErrorMessage ?? "exchange_down")));
            }
            else if (!venueDown && state.VenueDown)
            {
                alerts.Add(New(AlertKinds.VenueDown, "resolved", record, "venue reachable again"));
            }

            if (record.Gating.SafeMode && !state.SafeMode)
            {
                alerts.Add(New(AlertKinds.SafeMode, "critical", record,
                    $"LLM safe mode after {record.Gating.ConsecutiveLlmFailures} failed call(s): no new opens until the model answers again"));
            }

            // A breaker trips once per breach (the Manager journals the trip, not every paused cycle after it).
            foreach (var trip in record.Actions.Where(a => a.Action == ActionNames.CircuitBreaker && a.Result is not (ActionNames.Resumed or ActionNames.NotTripped)))
            {
                alerts.Add(New(AlertKinds.BreakerTripped, "critical", record, $"circuit breaker {trip.Result} tripped: {trip.ErrorDetail}"));
            }

            if (!record.Success && !venueDown && state.Succeeded)
            {
                alerts.Add(New(AlertKinds.CycleFailed, "warning", record, record.ErrorMessage ?? "cycle failed"));
            }

            state.VenueDown = venueDown;
            state.SafeMode = record.Gating.SafeMode;
            state.Succeeded = record.Success;
        }

        return alerts;
    }

    private Alert New(string kind, string severity, DecisionCycleRecord record, string message) =>
        new(kind, severity, record.TraderId, record.Timestamp, $"cycle {record.Cycle}: {message}", run);

    private sealed class State
    {
        public bool VenueDown { get; set; }

        public bool SafeMode { get; set; }

        public bool Succeeded { get; set; } = true;
    }
}

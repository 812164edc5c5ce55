using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Halyard.Journal;

namespace Halyard.Operations.Metrics;

/// <summary>
/// Halyard's metrics (System.Diagnostics.Metrics, meter <c>Halyard</c>), fed from each journaled cycle and
/// from the watchdog's venue checks, exported at <c>/metrics</c> in Prometheus format. Not static: one per run.
/// </summary>
public sealed class HalyardMetrics : IDisposable
{
    public const string MeterName = "Halyard";

    private readonly Meter _meter;
    private readonly Counter<long> _cycles;
    private readonly Histogram<double> _cycleSeconds;
    private readonly Histogram<double> _decisionSeconds;
    private readonly Histogram<double> _orderLatency;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _venueErrors;
    private readonly Counter<long> _llmTokens;
    private readonly Counter<long> _llmErrors;
    private readonly Counter<long> _controlActions;
    private readonly Counter<long> _stateChecks;
    private readonly Counter<long> _reactions;
    private readonly ConcurrentDictionary<string, TraderGauges> _gauges = new(StringComparer.Ordinal);

    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] };

    public HalyardMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _cycles = _meter.CreateCounter<long>("halyard.cycles", "{cycle}", "Decision cycles journaled, by trader and result (ok, failed).");
        _cycleSeconds = _meter.CreateHistogram("halyard.cycle.duration", "s", "Wall time of a whole cycle (decision maker included).", advice: Seconds);
        _decisionSeconds = _meter.CreateHistogram("halyard.decision.duration", "s", "Time the decision maker took per cycle.", advice: Seconds);
        _orderLatency = _meter.CreateHistogram("halyard.order.latency", "s", "Decision-to-send latency per order (our own time).", advice: Seconds);
        _orders = _meter.CreateCounter<long>("halyard.orders", "{order}", "Order actions sent, by action and result.");
        _rejections = _meter.CreateCounter<long>("halyard.rejections", "{decision}", "Validator rejections by reason code.");
        _venueErrors = _meter.CreateCounter<long>("halyard.venue.errors", "{request}", "Venue rejections and failures by error class.");
        _llmTokens = _meter.CreateCounter<long>("halyard.llm.tokens", "{token}", "LLM tokens by direction (input, output).");
        _llmErrors = _meter.CreateCounter<long>("halyard.llm.errors", "{call}", "Decision-maker calls that failed or could not be parsed, by outcome.");
        _controlActions = _meter.CreateCounter<long>("halyard.control.actions", "{action}", "Operator control actions by action and result.");
        _stateChecks = _meter.CreateCounter<long>("halyard.state.checks", "{check}", "WebSocket state cross-checks and resyncs by kind and result (agreed, disagreed, poll_failed).");
        _reactions = _meter.CreateCounter<long>("halyard.reactions", "{reaction}", "Reactions between cycles by trigger (protection_fired, entry_filled, liquidation, external_fill, position_changed).");
        _meter.CreateObservableGauge("halyard.equity", () => Observe(g => g.Equity), "USD", "Account value seen by each trader at its last cycle.");
        _meter.CreateObservableGauge("halyard.drawdown", () => Observe(g => g.DrawdownPct), "%", "Drawdown of each trader's account value from its peak.");
        _meter.CreateObservableGauge("halyard.positions", () => Observe(g => g.Positions), "{position}", "Open positions per trader.");
        _meter.CreateObservableGauge("halyard.unprotected.duration", () => Observe(g => g.UnprotectedSeconds), "s", "Longest time a trader's position has been without a stop-loss (0: all protected).");
    }

    /// <summary>Counts one journaled cycle.</summary>
    public void Observe(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var trader = new KeyValuePair<string, object?>("trader", record.TraderId);
        _cycles.Add(1, trader, new("result", record.Success ? "ok" : "failed"));
        var w = record.WallClock;
        _cycleSeconds.Record((w.DecisionMs + w.CycleOverheadMs) / 1000d, trader);
        if (record.ParseOutcome != ParseOutcomes.NotAsked || w.DecisionMs > 0)
        {
            _decisionSeconds.Record(w.DecisionMs / 1000d, trader);
        }

        foreach (var latency in w.OrderLatencies)
        {
            _orderLatency.Record(latency.DecisionToSendMs / 1000d, trader);
        }

        foreach (var action in record.Actions.Where(a => a.Attempts > 0))
        {
            _orders.Add(1, trader, new("action", action.Action), new("result", action.Result));
            if (action.ErrorClass is { } errorClass)
            {
                _venueErrors.Add(1, trader, new("class", errorClass));
            }
        }

        foreach (var action in record.Actions)
        {
            if (action.Action is ActionNames.StateCrossCheck or ActionNames.StateResync)
            {
                _stateChecks.Add(1, new("kind", action.Action), new("result", action.Result));
            }
            else if (action.Action == ActionNames.Reaction)
            {
                _reactions.Add(1, trader, new("trigger", action.Result));
            }
        }

        foreach (var verdict in record.Verdicts.Where(v => v.IsRejected))
        {
            _rejections.Add(1, trader, new("reason", verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : "unknown"));
        }

        if (record.TokenUsage is { } tokens)
        {
            _llmTokens.Add(tokens.InputTokens, trader, new("direction", "input"));
            _llmTokens.Add(tokens.OutputTokens, trader, new("direction", "output"));
        }

        if (record.ParseOutcome is ParseOutcomes.Failed or ParseOutcomes.ModelError)
        {
            _llmErrors.Add(1, trader, new("outcome", record.ParseOutcome));
        }

        var gauges = _gauges.GetOrAdd(record.TraderId, _ => new TraderGauges());
        if (record.AccountSnapshot is { } account)
        {
            gauges.Update(account.AccountValue, record.PositionsSnapshot.Count);
        }
    }

    /// <summary>The watchdog's finding: the longest time one of the trader's positions has had no stop-loss.</summary>
    public void ObserveUnprotected(string traderId, TimeSpan longest) =>
        _gauges.GetOrAdd(traderId, _ => new TraderGauges()).UnprotectedSeconds = longest.TotalSeconds;

    public void ObserveControl(string action, bool ok) =>
        _controlActions.Add(1, new KeyValuePair<string, object?>("action", action), new("result", ok ? "ok" : "failed"));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Observe(Func<TraderGauges, double> value) =>
        _gauges.Select(kv => new Measurement<double>(value(kv.Value), new KeyValuePair<string, object?>("trader", kv.Key))).ToArray();

    private sealed class TraderGauges
    {
        private decimal _peak;

        public double Equity { get; private set; }

        public double DrawdownPct { get; private set; }

        public double Positions { get; private set; }

        public double UnprotectedSeconds { get; set; }

        public void Update(decimal equity, int positions)
        {
            _peak = Math.Max(_peak, equity);
            Equity = (double)equity;
            DrawdownPct = _peak > 0 ? (double)((_peak - equity) * 100m / _peak) : 0d;
            Positions = positions;
        }
    }
}

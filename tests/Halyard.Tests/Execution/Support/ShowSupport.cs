using System.Globalization;
using System.Text.Json;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Xunit.Abstractions;

namespace Halyard.Tests.Execution.Support;

/// <summary>
/// Reads the paper exchange's /exchange audit (one line per request, the venue's answer even when the network
/// lost it): per cloid, how many orders the venue accepted (resting or filled); per intent, how many of its
/// entry orders were resting at once; and the faults injected.
/// </summary>
internal sealed record AuditCheck(
    IReadOnlyList<string> CloidsAcceptedTwice,
    IReadOnlyList<string> IntentsWithTwoLiveOrders,
    IReadOnlyDictionary<string, int> Faults,
    int OrderRequests,
    int CloidsSentMoreThanOnce,
    int ExecutedButAnswerLost)
{
    public static AuditCheck Run(string auditText, IReadOnlyList<LedgerEntry> entries)
    {
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        var resting = new Dictionary<string, int>(StringComparer.Ordinal);
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var faults = new Dictionary<string, int>(StringComparer.Ordinal);
        var orderRequests = 0;
        var lost = 0;
        foreach (var line in auditText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("fault").ValueKind == JsonValueKind.String)
            {
                var name = root.GetProperty("fault").GetString()!;
                faults[name] = faults.GetValueOrDefault(name) + 1;
                if (name is "response_lost" or "malformed" && root.GetProperty("response").ValueKind == JsonValueKind.Object)
                {
                    lost++;
                }
            }

            var action = root.GetProperty("request").GetProperty("action");
            if (action.GetProperty("type").GetString() != "order")
            {
                continue;
            }

            orderRequests++;
            var orders = action.GetProperty("orders").EnumerateArray().ToArray();
            var response = root.GetProperty("response");
            JsonElement[] statuses = response.ValueKind == JsonValueKind.Object && response.GetProperty("status").GetString() == "ok"
                ? [.. response.GetProperty("response").GetProperty("data").GetProperty("statuses").EnumerateArray()]
                : [];
            for (var i = 0; i < orders.Length; i++)
            {
                if (!orders[i].TryGetProperty("c", out var c))
                {
                    continue;
                }

                var cloid = c.GetString()!;
                sent[cloid] = sent.GetValueOrDefault(cloid) + 1;
                if (i < statuses.Length && statuses[i].ValueKind == JsonValueKind.Object)
                {
                    if (statuses[i].TryGetProperty("resting", out _) || statuses[i].TryGetProperty("filled", out _))
                    {
                        accepted[cloid] = accepted.GetValueOrDefault(cloid) + 1;
                    }

                    if (statuses[i].TryGetProperty("resting", out _) && !orders[i].GetProperty("t").TryGetProperty("trigger", out _))
                    {
                        resting[cloid] = resting.GetValueOrDefault(cloid) + 1;
                    }
                }
            }
        }

        var twoLive = entries
            .Where(e => e.OrderCloids.Sum(c => resting.GetValueOrDefault(c)) > 1)
            .Select(e => e.Cloid)
            .ToArray();
        return new AuditCheck(
            [.. accepted.Where(a => a.Value > 1).Select(a => a.Key)],
            twoLive,
            faults,
            orderRequests,
            sent.Count(s => s.Value > 1),
            lost);
    }
}

/// <summary>The show's counters.</summary>
internal sealed class ShowStats
{
    private readonly List<double> _localMicros = [];
    private readonly List<double> _totalMicros = [];
    private readonly List<double> _sendMicros = [];
    private readonly List<double> _firstAttemptMicros = [];

    public int Intents => Opens + Closes;

    public int Opens { get; private set; }

    public int Closes { get; private set; }

    public Dictionary<IntentResult, int> OpenResults { get; } = [];

    public Dictionary<IntentResult, int> CloseResults { get; } = [];

    public Dictionary<ProtectionStatus, int> Protections { get; } = [];

    public Dictionary<string, int> OpenFailures { get; } = [];

    public int FilledThenProtected { get; set; }

    public int FilledThenFlat { get; set; }

    public int FilledNotSafe { get; set; }

    public int LeftoverAfterClose { get; set; }

    public int CloseNotFlat { get; set; }

    public int OrphansSeen { get; set; }

    public int FailsCycle { get; private set; }

    public int Reconciliations { get; private set; }

    public int ClosedOnVenue { get; private set; }

    public Dictionary<string, int> ClosedReasons { get; } = [];

    public int OrphansCancelled { get; private set; }

    public int ReconcileProtected { get; private set; }

    public int ReconcileSettled { get; private set; }

    public int Attempts { get; private set; }

    public int Actions { get; private set; }

    public List<string> Problems { get; } = [];

    public void AddOpen(ExecutionOutcome outcome, double? localMicros, double? sendMicros)
    {
        if (sendMicros is { } send)
        {
            _sendMicros.Add(send);
        }

        Opens++;
        Count(OpenResults, outcome.Result);
        Count(Protections, outcome.Protection.Status);
        if (outcome.Result is IntentResult.Failed or IntentResult.Rejected or IntentResult.Unresolved)
        {
            Count(OpenFailures, outcome.Result + "/" + outcome.ErrorClass);
        }

        FailsCycle += outcome.FailsCycle ? 1 : 0;
        Tally(outcome);
        if (localMicros is { } local)
        {
            _localMicros.Add(local);
            _totalMicros.Add(outcome.Latency!.Total.TotalMicroseconds);
            if (outcome.Actions.Where(a => a.Action is OrderEventAction.Entry or OrderEventAction.SetLeverage).All(a => a.Attempts <= 1))
            {
                _firstAttemptMicros.Add(local);
            }
        }
    }

    public void AddClose(ExecutionOutcome outcome)
    {
        Closes++;
        Count(CloseResults, outcome.Result);
        FailsCycle += outcome.FailsCycle ? 1 : 0;
        Tally(outcome);
    }

    public void Add(ReconcileReport report)
    {
        Reconciliations++;
        ClosedOnVenue += report.Closed.Length;
        foreach (var closed in report.Closed)
        {
            ClosedReasons[closed.Reason] = ClosedReasons.GetValueOrDefault(closed.Reason) + 1;
        }

        OrphansCancelled += report.OrphansCancelled;
        ReconcileProtected += report.PositionsProtected;
        ReconcileSettled += report.EntriesSettled;
        Attempts += report.Actions.Sum(a => a.Attempts);
        Actions += report.Actions.Count(a => a.Attempts > 0);
    }

    public void Print(ITestOutputHelper output, AuditCheck audit, PaperSut sut, TimeSpan wall)
    {
        string P(double q) => Percentile(_localMicros, q).ToString("0", CultureInfo.InvariantCulture);
        string T(double q) => Percentile(_totalMicros, q).ToString("0", CultureInfo.InvariantCulture);
        string S(double q) => Percentile(_sendMicros, q).ToString("0", CultureInfo.InvariantCulture);
        string F(double q) => Percentile(_firstAttemptMicros, q).ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine(Fmt($"intents: {Intents} ({Opens} opens, {Closes} closes) over {Reconciliations} reconciliations; wall {wall.TotalSeconds:0.0} s; virtual {sut.Clock.GetUtcNow() - PaperSut.Start}"));
        output.WriteLine("open results: " + Join(OpenResults) + "; failures by class: " + Join(OpenFailures));
        output.WriteLine("protection at the end of the open workflow: " + Join(Protections));
        output.WriteLine(Fmt($"filled entries checked on the venue: protected {FilledThenProtected}, flat {FilledThenFlat}, neither {FilledNotSafe}"));
        output.WriteLine("close results: " + Join(CloseResults) + Fmt($"; not flat after the close {CloseNotFlat}; orders left after a flat close {LeftoverAfterClose}"));
        output.WriteLine(Fmt($"reconciliation: closed on venue {ClosedOnVenue} ({Join(ClosedReasons)}), orphan triggers cancelled {OrphansCancelled}, positions re-protected {ReconcileProtected}, entries settled {ReconcileSettled}; orphans seen after reconciliation {OrphansSeen}"));
        output.WriteLine(Fmt($"audit: {audit.OrderRequests} order requests; faults injected {Join(audit.Faults)}; executed but answer lost {audit.ExecutedButAnswerLost}; cloids sent more than once {audit.CloidsSentMoreThanOnce}; cloids accepted twice {audit.CloidsAcceptedTwice.Count}; intents with two live orders {audit.IntentsWithTwoLiveOrders.Count}"));
        output.WriteLine(Fmt($"requests through the network: {sut.Network.Requests}; virtual waits (backoff/Retry-After) {sut.OrchestratorClock.Waits}; outcomes failing the cycle {FailsCycle}"));
        output.WriteLine(Fmt($"local decision -> entry request on the network (venue time excluded), {_sendMicros.Count} entries: p50 {S(0.50)} µs, p95 {S(0.95)} µs, p99 {S(0.99)} µs"));
        output.WriteLine(Fmt($"local decision -> entry's final answer, retries included (venue time excluded), {_localMicros.Count} entries: p50 {P(0.50)} µs, p95 {P(0.95)} µs, p99 {P(0.99)} µs, max {P(1.0)} µs"));
        output.WriteLine(Fmt($"  of which entries answered at the first attempt ({_firstAttemptMicros.Count}): p50 {F(0.50)} µs, p95 {F(0.95)} µs"));
        output.WriteLine(Fmt($"decision-to-order incl. the in-process venue: p50 {T(0.50)} µs, p95 {T(0.95)} µs"));
        foreach (var problem in Problems.Take(20))
        {
            output.WriteLine("PROBLEM: " + problem);
        }
    }

    private void Tally(ExecutionOutcome outcome)
    {
        Attempts += outcome.Actions.Sum(a => a.Attempts);
        Actions += outcome.Actions.Count(a => a.Attempts > 0);
    }

    private static void Count<T>(Dictionary<T, int> counts, T key)
        where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Join<T>(IEnumerable<KeyValuePair<T, int>> counts)
        where T : notnull => string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => Fmt($"{c.Key} {c.Value}")));

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

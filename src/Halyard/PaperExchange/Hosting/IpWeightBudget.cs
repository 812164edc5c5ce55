using System.Text.Json;

namespace Halyard.PaperExchange.Hosting;

/// <summary>
/// The venue's per-IP limit (docs: "Rate limits and user limits"): 1,200 weight per rolling minute over REST
/// requests. <c>/exchange</c> weighs 1 + floor(batch length / 40); <c>/info</c> weighs 2 for <c>l2Book</c>,
/// <c>allMids</c>, <c>clearinghouseState</c>, <c>orderStatus</c>, <c>spotClearinghouseState</c>,
/// <c>exchangeStatus</c>, 60 for <c>userRole</c>, 20 otherwise (the per-item surcharges of the list endpoints are
/// not counted). A request over the budget is answered 429 and costs nothing. Time is the protocol clock.
/// </summary>
internal sealed class IpWeightBudget(int perMinute)
{
    private const long WindowMs = 60_000;
    private static readonly string[] BatchFields = ["orders", "cancels", "modifies"];
    private readonly object _gate = new();
    private readonly Queue<(long TimeMs, int Weight)> _spent = new();
    private int _total;

    /// <summary>Spends the request's weight when it fits; otherwise returns how long until it would.</summary>
    public TimeSpan? TrySpend(bool isExchange, JsonElement? request, long nowMs)
    {
        if (perMinute <= 0)
        {
            return null;
        }

        return TrySpend(isExchange ? ExchangeWeight(request) : InfoWeight(request), nowMs);
    }

    private TimeSpan? TrySpend(int weight, long nowMs)
    {
        if (perMinute <= 0)
        {
            return null;
        }

        lock (_gate)
        {
            while (_spent.Count > 0 && _spent.Peek().TimeMs <= nowMs - WindowMs)
            {
                _total -= _spent.Dequeue().Weight;
            }

            if (_total + weight > perMinute)
            {
                var wait = _spent.Count > 0 ? _spent.Peek().TimeMs + WindowMs - nowMs : 0;
                return TimeSpan.FromMilliseconds(Math.Max(1_000, wait));
            }

            _spent.Enqueue((nowMs, weight));
            _total += weight;
            return null;
        }
    }

    private static int ExchangeWeight(JsonElement? request)
    {
        if (request is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return 1;
        }

        foreach (var name in BatchFields)
        {
            if (action.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return 1 + (list.GetArrayLength() / 40);
            }
        }

        return 1;
    }

    /// <summary>Spends the weight of an <c>/info</c> request of <paramref name="type"/> served without a body (the replay's typed reads).</summary>
    public TimeSpan? TrySpendInfo(string type, long nowMs) => TrySpend(InfoWeight(type), nowMs);

    private static int InfoWeight(JsonElement? request) =>
        InfoWeight(request is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null);

    private static int InfoWeight(string? type) =>
        type switch
        {
            "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
            "userRole" => 60,
            _ => 20,
        };
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Errors;
using Halyard.Hyperliquid.Http;

namespace Halyard.Hyperliquid.Exchange;

/// <summary>
/// Reads <c>/exchange</c> answers (<c>hyperliquid-protocol.md</c> §2.3). An error inside HTTP 200 is a
/// rejection (classified with <see cref="VenueErrorMap"/>); an answer we cannot read means we do not know
/// what happened, so it is <see cref="ErrorClass.Unknown"/> with <c>OutcomeUnknown</c>.
/// </summary>
public static class ExchangeResponseParser
{
    public static Result<IReadOnlyList<OrderStatus>> ParseOrders(byte[] body, int orderCount) =>
        Parse<IReadOnlyList<OrderStatus>>(body, response => ReadStatuses(response, orderCount, ReadOrderStatus, m => new OrderRejected(m, VenueErrorMap.Classify(m))));

    public static Result<IReadOnlyList<CancelStatus>> ParseCancels(byte[] body, int cancelCount) =>
        Parse<IReadOnlyList<CancelStatus>>(body, response => ReadStatuses(response, cancelCount, ReadCancelStatus, m => new CancelStatus(false, m, VenueErrorMap.Classify(m))));

    /// <summary>Actions answered with <c>{"type":"default"}</c>; a statuses answer carrying an error is a rejection.</summary>
    public static Result<ExchangeAck> ParseAck(byte[] body) =>
        Parse<ExchangeAck>(body, response =>
        {
            var type = response.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("statuses", out var statuses) && statuses.ValueKind == JsonValueKind.Array)
            {
                foreach (var status in statuses.EnumerateArray())
                {
                    if (ErrorText(status) is { } message)
                    {
                        return Rejected(message);
                    }
                }
            }

            return type.Length > 0 ? new ExchangeAck(type) : Unreadable("response without type");
        });

    private static Result<T> Parse<T>(byte[] body, Func<JsonElement, object> readResponse)
        where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            if (status == "err")
            {
                var message = root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : r.GetRawText();
                return Result<T>.Failure(new Error(VenueErrorMap.Classify(message), message));
            }

            if (status != "ok" || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            {
                return Result<T>.Failure(UnknownOutcome("unexpected /exchange answer: " + Truncate(root.GetRawText())));
            }

            return readResponse(response) switch
            {
                T value => Result<T>.Success(value),
                Error error => Result<T>.Failure(error),
                _ => throw new InvalidOperationException("Response reader returned neither a value nor an error."),
            };
        }
        catch (JsonException ex)
        {
            return Result<T>.Failure(UnknownOutcome("unparseable /exchange answer: " + ex.Message));
        }
    }

    private static object ReadStatuses<TStatus>(JsonElement response, int expected, Func<JsonElement, TStatus?> read, Func<string, TStatus> rejected)
        where TStatus : class
    {
        if (!response.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("statuses", out var statuses) || statuses.ValueKind != JsonValueKind.Array)
        {
            return Unreadable("no statuses in " + Truncate(response.GetRawText()));
        }

        var items = statuses.EnumerateArray().ToArray();
        if (items.Length == 1 && expected > 1 && ErrorText(items[0]) is { } batchError)
        {
            // Some deterministic errors come once for the whole batch: every order is rejected with it.
            var one = rejected(batchError);
            return Enumerable.Repeat(one, expected).ToImmutableArray() as IReadOnlyList<TStatus>;
        }

        if (items.Length != expected)
        {
            return Unreadable(string.Create(CultureInfo.InvariantCulture, $"{items.Length} statuses for {expected} requests"));
        }

        var result = ImmutableArray.CreateBuilder<TStatus>(items.Length);
        foreach (var item in items)
        {
            if (ErrorText(item) is { } message)
            {
                result.Add(rejected(message));
            }
            else if (read(item) is { } status)
            {
                result.Add(status);
            }
            else
            {
                return Unreadable("unknown status " + Truncate(item.GetRawText()));
            }
        }

        return result.MoveToImmutable() as IReadOnlyList<TStatus>;
    }

    private static OrderStatus? ReadOrderStatus(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString() switch
            {
                "waitingForFill" => new OrderWaitingForFill(),
                "waitingForTrigger" => new OrderWaitingForTrigger(),
                _ => null,
            };
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (item.TryGetProperty("resting", out var resting) && TryOid(resting, out var restingOid))
        {
            return new OrderResting(restingOid, ReadCloid(resting));
        }

        if (item.TryGetProperty("filled", out var filled) && TryOid(filled, out var filledOid)
            && TryDecimal(filled, "totalSz", out var totalSize) && TryDecimal(filled, "avgPx", out var averagePrice))
        {
            return new OrderFilled(totalSize, averagePrice, filledOid, ReadCloid(filled));
        }

        return null;
    }

    private static CancelStatus? ReadCancelStatus(JsonElement item) =>
        item.ValueKind == JsonValueKind.String && item.GetString() == "success" ? CancelStatus.Succeeded : null;

    private static string? ErrorText(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("error", out var error)
            ? error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText()
            : null;

    private static bool TryOid(JsonElement obj, out long oid)
    {
        oid = 0;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("oid", out var o) && o.ValueKind == JsonValueKind.Number && o.TryGetInt64(out oid);
    }

    private static Cloid? ReadCloid(JsonElement obj) =>
        obj.TryGetProperty("cloid", out var c) && c.ValueKind == JsonValueKind.String && Cloid.TryParse(c.GetString(), out var cloid) ? cloid : null;

    private static bool TryDecimal(JsonElement obj, string name, out decimal value)
    {
        value = 0;
        return obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && decimal.TryParse(v.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static Error Rejected(string message) => new(VenueErrorMap.Classify(message), message);

    private static Error Unreadable(string what) => UnknownOutcome("unreadable /exchange answer: " + what);

    private static Error UnknownOutcome(string message) => new(ErrorClass.Unknown, message, OutcomeUnknown: true);

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

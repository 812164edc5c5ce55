namespace Halyard.PaperExchange.Protocol;

/// <summary>What <c>/exchange</c> answers, before serialization.</summary>
internal abstract record ExchangeResult;

/// <summary><c>{"status":"err","response":"…"}</c>.</summary>
internal sealed record ErrResult(string Message) : ExchangeResult;

/// <summary><c>{"status":"ok","response":{"type":"default"}}</c>.</summary>
internal sealed record DefaultResult : ExchangeResult
{
    public static DefaultResult Instance { get; } = new();
}

/// <summary><c>{"status":"ok","response":{"type":"order","data":{"statuses":[…]}}}</c>.</summary>
internal sealed record OrderStatusesResult(IReadOnlyList<OrderStatusEntry> Statuses) : ExchangeResult;

/// <summary><c>{"status":"ok","response":{"type":"cancel","data":{"statuses":["success" | {"error":…}]}}}</c>; null = success.</summary>
internal sealed record CancelStatusesResult(IReadOnlyList<string?> Errors) : ExchangeResult;

/// <summary>One entry of an order response's <c>statuses</c>.</summary>
internal abstract record OrderStatusEntry;

internal sealed record RestingStatus(long Oid, string? Cloid) : OrderStatusEntry;

internal sealed record FilledStatus(decimal TotalSz, decimal AvgPx, long Oid, string? Cloid) : OrderStatusEntry;

internal sealed record ErrorStatus(string Error) : OrderStatusEntry;

/// <summary><c>"waitingForFill"</c> or <c>"waitingForTrigger"</c>.</summary>
internal sealed record WaitingStatus(string Text) : OrderStatusEntry;

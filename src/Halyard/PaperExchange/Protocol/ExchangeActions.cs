using System.Text.Json;

namespace Halyard.PaperExchange.Protocol;

/// <summary>The signed envelope of a <c>/exchange</c> request, read from the raw JSON.</summary>
/// <param name="Action">The action exactly as received (its key order is what was signed).</param>
internal sealed record ExchangeEnvelope(
    JsonElement Action,
    string ActionType,
    long Nonce,
    JsonElement Signature,
    string? VaultAddress,
    long? ExpiresAfter);

/// <summary>An order's <c>t</c> field.</summary>
internal sealed record WireOrderType(
    Engine.TimeInForce Tif,
    bool IsTrigger,
    bool IsMarket,
    string? TriggerPx,
    bool IsTakeProfit);

/// <summary>One order as it arrived: prices and sizes are still the wire strings.</summary>
internal sealed record WireOrder(int Asset, bool IsBuy, string Price, string Size, bool ReduceOnly, WireOrderType Type, string? Cloid);

/// <summary>An <c>oid</c> or a cloid (modify targets either).</summary>
internal readonly record struct OrderRef(long? Oid, string? Cloid);

internal enum Grouping
{
    Na,
    NormalTpsl,
    PositionTpsl,
}

internal abstract record ExchangeAction;

internal sealed record OrderAction(IReadOnlyList<WireOrder> Orders, Grouping Grouping) : ExchangeAction;

internal sealed record CancelAction(IReadOnlyList<(int Asset, long Oid)> Cancels) : ExchangeAction;

internal sealed record CancelByCloidAction(IReadOnlyList<(int Asset, string Cloid)> Cancels) : ExchangeAction;

internal sealed record ModifyAction(OrderRef Target, WireOrder Order) : ExchangeAction;

internal sealed record BatchModifyAction(IReadOnlyList<ModifyAction> Modifies) : ExchangeAction;

internal sealed record UpdateLeverageAction(int Asset, bool IsCross, int Leverage) : ExchangeAction;

internal sealed record UpdateIsolatedMarginAction(int Asset, bool IsBuy, long Ntli) : ExchangeAction;

internal sealed record ScheduleCancelAction(long? Time) : ExchangeAction;

internal sealed record NoopAction : ExchangeAction;

/// <summary>User-signed <c>approveAgent</c>.</summary>
internal sealed record ApproveAgentAction(string HyperliquidChain, string AgentAddress, string AgentName, long Nonce) : ExchangeAction;

/// <summary>An action type the venue has but the simulator does not model (answered with an error, not a 422).</summary>
internal sealed record UnsupportedAction(string Type) : ExchangeAction;

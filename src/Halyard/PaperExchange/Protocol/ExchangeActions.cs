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
internal sealed record ReceivedOrderType(
    Engine.ReceivedTimeInForce Tif,
    bool IsTrigger,
    bool IsMarket,
    string? TriggerPx,
    bool IsTakeProfit);

/// <summary>One order as it arrived: prices and sizes are still the wire strings.</summary>
internal sealed record ReceivedOrder(int Asset, bool IsBuy, string Price, string Size, bool ReduceOnly, ReceivedOrderType Type, string? Cloid);

/// <summary>An <c>oid</c> or a cloid (modify targets either).</summary>
internal readonly record struct ReceivedOrderRef(long? Oid, string? Cloid);

internal enum Grouping
{
    Na,
    NormalTpsl,
    PositionTpsl,
}

internal abstract record ReceivedExchangeAction;

internal sealed record ReceivedOrderAction(IReadOnlyList<ReceivedOrder> Orders, Grouping Grouping) : ReceivedExchangeAction;

internal sealed record ReceivedCancelAction(IReadOnlyList<(int Asset, long Oid)> Cancels) : ReceivedExchangeAction;

internal sealed record ReceivedCancelByCloidAction(IReadOnlyList<(int Asset, string Cloid)> Cancels) : ReceivedExchangeAction;

internal sealed record ReceivedModifyAction(ReceivedOrderRef Target, ReceivedOrder Order) : ReceivedExchangeAction;

internal sealed record ReceivedBatchModifyAction(IReadOnlyList<ReceivedModifyAction> Modifies) : ReceivedExchangeAction;

internal sealed record ReceivedUpdateLeverageAction(int Asset, bool IsCross, int Leverage) : ReceivedExchangeAction;

internal sealed record ReceivedUpdateIsolatedMarginAction(int Asset, bool IsBuy, long Ntli) : ReceivedExchangeAction;

internal sealed record ReceivedScheduleCancelAction(long? Time) : ReceivedExchangeAction;

internal sealed record ReceivedNoopAction : ReceivedExchangeAction;

/// <summary>User-signed <c>approveAgent</c>.</summary>
internal sealed record ReceivedApproveAgentAction(string HyperliquidChain, string AgentAddress, string AgentName, long Nonce) : ReceivedExchangeAction;

/// <summary>An action type the venue has but the simulator does not model (answered with an error, not a 422).</summary>
internal sealed record ReceivedUnsupportedAction(string Type) : ReceivedExchangeAction;

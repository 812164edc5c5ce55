using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.Hyperliquid.Errors;

/// <summary>One row of the venue error table: a message prefix and its class.</summary>
public sealed record VenueErrorRule(string Prefix, ErrorClass Class);

/// <summary>
/// The one mapping table from venue error texts to <see cref="ErrorClass"/>
/// (<c>hyperliquid-protocol.md</c> §5). A message is matched by prefix after stripping any legacy
/// <c>L1 error: </c> prefix and surrounding white space; suffixes such as <c> asset=31</c> and the variable
/// parts (<c>bbo was 0.56@0.57</c>, the wallet address, the nonce) are tolerated because only the fixed
/// prefix is compared. Unmatched texts are <see cref="ErrorClass.Unknown"/>.
/// </summary>
public static class VenueErrorMap
{
    private const string LegacyPrefix = "L1 error:";

    /// <summary>The table, in match order (the first matching prefix wins).</summary>
    public static IReadOnlyList<VenueErrorRule> Rules { get; } =
    [
        // Price, size and notional rules: deterministic payload errors.
        new("Price must be divisible by tick size.", ErrorClass.InvalidParam),
        new("Order has invalid price.", ErrorClass.InvalidParam),
        new("Order has invalid size.", ErrorClass.InvalidParam),
        new("Order must have minimum value of", ErrorClass.InvalidParam), // "$10." (perp) and "10 {quote_token}." (spot)
        new("Order price cannot be more than 95% away from the reference price", ErrorClass.InvalidParam),
        new("Invalid TP/SL price.", ErrorClass.InvalidParam),
        new("Invalid leverage value", ErrorClass.InvalidParam),
        new("Cross margin is not allowed for this asset.", ErrorClass.InvalidParam),
        new("Position does not use isolated margin.", ErrorClass.InvalidParam),

        // Funds.
        new("Insufficient margin to place order.", ErrorClass.Insufficient),
        new("Order has insufficient spot balance to trade", ErrorClass.Insufficient),
        new("Insufficient spot balance", ErrorClass.Insufficient),
        new("Must deposit before performing actions.", ErrorClass.Insufficient), // "… User: 0x…"
        new("Cross position does not have sufficient margin available to decrease leverage.", ErrorClass.Insufficient),
        new("Isolated position does not have sufficient margin available to decrease leverage.", ErrorClass.Insufficient),

        // Venue risk and market-state rules.
        new("Reduce only order would increase position.", ErrorClass.RiskRejected),
        new("Order would increase open interest while open interest is capped", ErrorClass.RiskRejected),
        new("Order rejected due to price more aggressive than oracle while at open interest cap", ErrorClass.RiskRejected),
        new("Order would increase open interest too quickly", ErrorClass.RiskRejected),
        new("Order price too far from oracle", ErrorClass.RiskRejected),
        new("Price too far from oracle", ErrorClass.RiskRejected),
        new("Cannot switch leverage type with open position.", ErrorClass.RiskRejected),
        new("Order would cause position to exceed margin tier limit at current leverage", ErrorClass.RiskRejected),
        new("Cannot set scheduled cancel time until enough volume traded.", ErrorClass.RiskRejected),

        // Can succeed on a later attempt without changing intent (re-price, re-sign, no fill).
        new("Post only order would have immediately matched", ErrorClass.Temporary),
        new("Order could not immediately match against any resting orders.", ErrorClass.Temporary),
        new("No liquidity available for market order.", ErrorClass.Temporary),
        new("Invalid nonce", ErrorClass.Temporary), // "duplicate nonce n", "nonce too low n < least", "nonce too high n > most"
        new("Action already expired", ErrorClass.Temporary),

        // Races on finished orders: benign, reconcile via orderStatus; never retried as-is.
        new("Order was never placed, already canceled, or filled.", ErrorClass.InvalidParam),
        new("Cannot modify canceled or filled order", ErrorClass.InvalidParam),

        // Whole-request signer / account problems.
        new("User or API Wallet ", ErrorClass.InvalidParam),
        new("Vault not registered", ErrorClass.InvalidParam), // ": 0x…"

        // Address-based action budget (§6.2).
        new("Too many cumulative requests sent", ErrorClass.RateLimited),

        // HTTP 422 body and WebSocket subscription errors.
        new("Failed to deserialize the JSON body into the target type", ErrorClass.InvalidParam),
        new("Invalid subscription", ErrorClass.InvalidParam),
    ];

    /// <summary>
    /// The final <c>orderStatus</c> statuses of an order that ended without a fill (protocol §4 list), with
    /// their class: the same taxonomy as the error texts above, so one table classifies every venue text.
    /// </summary>
    public static IReadOnlyDictionary<string, ErrorClass> StatusRules { get; } = new Dictionary<string, ErrorClass>(StringComparer.Ordinal)
    {
        // No fill now; the same intent can succeed later (re-price, liquidity).
        ["canceled"] = ErrorClass.Temporary,
        ["iocCancelRejected"] = ErrorClass.Temporary,
        ["marketOrderNoLiquidityRejected"] = ErrorClass.Temporary,
        ["badAloPxRejected"] = ErrorClass.Temporary,

        // Funds.
        ["perpMarginRejected"] = ErrorClass.Insufficient,
        ["marginCanceled"] = ErrorClass.Insufficient,
        ["insufficientSpotBalanceRejected"] = ErrorClass.Insufficient,

        // Payload rules.
        ["tickRejected"] = ErrorClass.InvalidParam,
        ["minTradeNtlRejected"] = ErrorClass.InvalidParam,
        ["badTriggerPxRejected"] = ErrorClass.InvalidParam,

        // Venue risk and market-state rules.
        ["reduceOnlyRejected"] = ErrorClass.RiskRejected,
        ["reduceOnlyCanceled"] = ErrorClass.RiskRejected,
        ["oracleRejected"] = ErrorClass.RiskRejected,
        ["perpMaxPositionRejected"] = ErrorClass.RiskRejected,
        ["openInterestIncreaseRejected"] = ErrorClass.RiskRejected,
        ["positionIncreaseAtOpenInterestCapRejected"] = ErrorClass.RiskRejected,
        ["positionFlipAtOpenInterestCapRejected"] = ErrorClass.RiskRejected,
        ["tooAggressiveAtOpenInterestCapRejected"] = ErrorClass.RiskRejected,
        ["selfTradeCanceled"] = ErrorClass.RiskRejected,
        ["openInterestCapCanceled"] = ErrorClass.RiskRejected,
    };

    /// <summary>The class of a final <c>orderStatus</c> status without a fill; an unlisted status is <see cref="ErrorClass.Unknown"/>.</summary>
    public static ErrorClass ClassifyStatus(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return StatusRules.TryGetValue(status, out var errorClass) ? errorClass : ErrorClass.Unknown;
    }

    public static ErrorClass Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Normalize(message);
        foreach (var rule in Rules)
        {
            if (text.StartsWith(rule.Prefix, StringComparison.Ordinal))
            {
                return rule.Class;
            }
        }

        return ErrorClass.Unknown;
    }

    private static string Normalize(string message)
    {
        var text = message.AsSpan().Trim();
        while (text.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            text = text[LegacyPrefix.Length..].TrimStart();
        }

        return text.ToString();
    }
}

using Halyard.Domain;

namespace Halyard.Journal.Analytics;

/// <summary>
/// Maps validator reason codes and venue error classes to the five rejection classes
/// (table in <c>docs/analytics.md</c>). Reason codes are matched by keyword so codes the Validator adds
/// later still land in a sensible class; the precedence is insufficient, precision, parameters, risk, other.
/// </summary>
public static class RejectionClassifier
{
    private static readonly string[] PrecisionKeys = ["precision", "tick", "step", "sig_fig", "significant", "decimals"];

    private static readonly string[] ParameterKeys =
    [
        "missing", "invalid", "malformed", "wrong_side", "price_relation", "min_notional", "min_order_value",
        "unknown_symbol", "unknown_coin", "delisted", "no_price", "not_a_number",
    ];

    private static readonly string[] RiskKeys =
    [
        "risk", "rr_", "confidence", "leverage", "max_positions", "position_value", "position_size", "value_band", "margin",
        "liquidity", "cooldown", "pyramid", "hedg", "existing_position", "opens_per", "per_cycle", "per_hour", "paused", "gated",
        "safe_mode", "exposure",
    ];

    private static readonly string[] VenuePrecisionText = ["tick size", "invalid price", "invalid size", "decimal", "significant", "precision"];

    /// <summary>The class of a validator rejection, from its primary (first) reason code.</summary>
    public static RejectionClass FromReasonCode(string? reasonCode)
    {
        if (string.IsNullOrWhiteSpace(reasonCode))
        {
            return RejectionClass.Other;
        }

        var code = reasonCode.Trim().ToLowerInvariant();
        if (code.Contains("insufficient", StringComparison.Ordinal))
        {
            return RejectionClass.Insufficient;
        }

        if (ContainsAny(code, PrecisionKeys))
        {
            return RejectionClass.Precision;
        }

        if (ContainsAny(code, ParameterKeys))
        {
            return RejectionClass.Parameters;
        }

        return ContainsAny(code, RiskKeys) ? RejectionClass.Risk : RejectionClass.Other;
    }

    /// <summary>
    /// The class of a venue (or network) rejection: <c>invalid_param</c> is precision when the message is
    /// about tick, price or size precision and parameters otherwise; <c>risk_rejected</c> is risk;
    /// <c>insufficient</c> is insufficient; every transient or unknown class is other.
    /// </summary>
    public static RejectionClass FromVenueError(string errorClass, string? errorDetail)
    {
        ArgumentNullException.ThrowIfNull(errorClass);
        return ErrorClassCodes.Parse(errorClass) switch
        {
            Domain.ErrorClass.InvalidParam => errorDetail is not null && ContainsAny(errorDetail.ToLowerInvariant(), VenuePrecisionText)
                ? RejectionClass.Precision
                : RejectionClass.Parameters,
            Domain.ErrorClass.RiskRejected => RejectionClass.Risk,
            Domain.ErrorClass.Insufficient => RejectionClass.Insufficient,
            _ => RejectionClass.Other,
        };
    }

    private static bool ContainsAny(string text, string[] keys)
    {
        foreach (var key in keys)
        {
            if (text.Contains(key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

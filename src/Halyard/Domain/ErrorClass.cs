namespace Halyard.Domain;

/// <summary>
/// The one error taxonomy (design: "Error classification"). Every failure the venue or the network
/// can produce maps to exactly one class.
/// </summary>
public enum ErrorClass
{
    /// <summary>Network trouble, timeout, 5xx, or a venue answer that can succeed on retry without changing intent.</summary>
    Temporary,

    /// <summary>HTTP 429 or the address-based request budget.</summary>
    RateLimited,

    /// <summary>A deterministic payload or configuration error (precision, step, format, signature): never retried.</summary>
    InvalidParam,

    /// <summary>A venue risk or market-state rule refused it: not retried blindly.</summary>
    RiskRejected,

    /// <summary>Not enough balance or margin: fail with a size-down suggestion.</summary>
    Insufficient,

    /// <summary>The venue is unreachable or failing: fail the cycle.</summary>
    ExchangeDown,

    /// <summary>Anything unmapped: retried once as temporary, then reported as unknown.</summary>
    Unknown,
}

public static class ErrorClassExtensions
{
    /// <summary>True for the classes the retry policy may retry.</summary>
    public static bool IsTransient(this ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Temporary or ErrorClass.RateLimited or ErrorClass.Unknown => true,
        _ => false,
    };
}

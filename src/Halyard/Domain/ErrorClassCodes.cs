namespace Halyard.Domain;

/// <summary>The stable journal strings of <see cref="ErrorClass"/> (snake_case of the member name).</summary>
public static class ErrorClassCodes
{
    public const string Temporary = "temporary";
    public const string RateLimited = "rate_limited";
    public const string InvalidParam = "invalid_param";
    public const string RiskRejected = "risk_rejected";
    public const string Insufficient = "insufficient";
    public const string ExchangeDown = "exchange_down";
    public const string Unknown = "unknown";

    public static string Of(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Temporary => Temporary,
        ErrorClass.RateLimited => RateLimited,
        ErrorClass.InvalidParam => InvalidParam,
        ErrorClass.RiskRejected => RiskRejected,
        ErrorClass.Insufficient => Insufficient,
        ErrorClass.ExchangeDown => ExchangeDown,
        ErrorClass.Unknown => Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(errorClass), errorClass, "Unmapped error class."),
    };

    /// <summary>Parses a journal string back; accepts the snake_case code or the enum member name.</summary>
    public static ErrorClass? Parse(string? code)
    {
        if (string.IsNullOrEmpty(code) || !char.IsAsciiLetter(code[0]))
        {
            return null;
        }

        var compact = code.Replace("_", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<ErrorClass>(compact, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
    }
}

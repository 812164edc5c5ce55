using Halyard.Domain;

namespace Halyard.Hyperliquid.Errors;

/// <summary>
/// The one mapping table from venue error texts to <see cref="ErrorClass"/>
/// (<c>hyperliquid-protocol.md</c> §5). Matched by prefix after stripping a legacy <c>L1 error: </c>
/// prefix; <c> asset=N</c> suffixes are tolerated because only the prefix is compared.
/// </summary>
public static class VenueErrorMap
{
    private static readonly (string Prefix, ErrorClass Class)[] Table =
    [
        ("Price must be divisible by tick size.", ErrorClass.InvalidParam),
        ("Order has invalid price.", ErrorClass.InvalidParam),
        ("Order has invalid size.", ErrorClass.InvalidParam),
        ("Order must have minimum value of", ErrorClass.InvalidParam),
        ("Insufficient margin to place order.", ErrorClass.Insufficient),
        ("Reduce only order would increase position.", ErrorClass.RiskRejected),
        ("Post only order would have immediately matched", ErrorClass.Temporary),
        ("Order could not immediately match against any resting orders.", ErrorClass.Temporary),
        ("Invalid TP/SL price.", ErrorClass.InvalidParam),
        ("Order was never placed, already canceled, or filled.", ErrorClass.InvalidParam),
        ("User or API Wallet ", ErrorClass.InvalidParam),
        ("Invalid nonce", ErrorClass.Temporary),
    ];

    public static ErrorClass Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.StartsWith("L1 error: ", StringComparison.Ordinal) ? message["L1 error: ".Length..] : message;
        foreach (var (prefix, errorClass) in Table)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return errorClass;
            }
        }

        return ErrorClass.Unknown;
    }
}

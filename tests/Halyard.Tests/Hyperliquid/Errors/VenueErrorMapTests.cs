using Halyard.Domain;
using Halyard.Hyperliquid.Errors;

namespace Halyard.Tests.Hyperliquid.Errors;

/// <summary>One case per venue message of hyperliquid-protocol.md §5, with the exact text and the class given there.</summary>
public sealed class VenueErrorMapTests
{
    public static TheoryData<string, ErrorClass> ProtocolMessages() => new()
    {
        { "Price must be divisible by tick size.", ErrorClass.InvalidParam },
        { "Order has invalid price.", ErrorClass.InvalidParam },
        { "Order has invalid size.", ErrorClass.InvalidParam },
        { "Order must have minimum value of $10.", ErrorClass.InvalidParam },
        { "Order must have minimum value of 10 USDC.", ErrorClass.InvalidParam },
        { "Insufficient margin to place order.", ErrorClass.Insufficient },
        { "Order has insufficient spot balance to trade", ErrorClass.Insufficient },
        { "Insufficient spot balance", ErrorClass.Insufficient },
        { "Must deposit before performing actions.", ErrorClass.Insufficient },
        { "Reduce only order would increase position.", ErrorClass.RiskRejected },
        { "Post only order would have immediately matched, bbo was 0.56057@0.56086.", ErrorClass.Temporary },
        { "Order could not immediately match against any resting orders.", ErrorClass.Temporary },
        { "No liquidity available for market order.", ErrorClass.Temporary },
        { "Invalid TP/SL price.", ErrorClass.InvalidParam },
        { "Order would increase open interest while open interest is capped", ErrorClass.RiskRejected },
        { "Order rejected due to price more aggressive than oracle while at open interest cap", ErrorClass.RiskRejected },
        { "Order would increase open interest too quickly", ErrorClass.RiskRejected },
        { "Order price too far from oracle", ErrorClass.RiskRejected },
        { "Order price cannot be more than 95% away from the reference price", ErrorClass.InvalidParam },
        { "Price too far from oracle", ErrorClass.RiskRejected },
        { "Cannot switch leverage type with open position.", ErrorClass.RiskRejected },
        { "Cross margin is not allowed for this asset.", ErrorClass.InvalidParam },
        { "Position does not use isolated margin.", ErrorClass.InvalidParam },
        { "Cross position does not have sufficient margin available to decrease leverage. To decrease leverage, deposit more collateral.", ErrorClass.Insufficient },
        { "Isolated position does not have sufficient margin available to decrease leverage. To decrease leverage, add margin to the position.", ErrorClass.Insufficient },
        { "Action already expired", ErrorClass.Temporary },
        { "Invalid nonce: nonce too low 1776584283874 < 1776584799101", ErrorClass.Temporary },
        { "Invalid nonce: nonce too high 1791572677029 > 1791486156858", ErrorClass.Temporary },
        { "Must deposit before performing actions. User: 0x008d90fc2bebe284380f32bd9632f6922b701bc5", ErrorClass.Insufficient },
        { "Order would cause position to exceed margin tier limit at current leverage", ErrorClass.RiskRejected },
        { "Order was never placed, already canceled, or filled.", ErrorClass.InvalidParam },
        { "Cannot modify canceled or filled order", ErrorClass.InvalidParam },
        { "Invalid leverage value", ErrorClass.InvalidParam },
        { "Cannot set scheduled cancel time until enough volume traded. Required: $1000000.", ErrorClass.RiskRejected },
        { "Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $373.47205.", ErrorClass.RiskRejected },
        { "User or API Wallet 0x281abb829ea0b0291ceaa3b14b5b5d893070e8d5 does not exist.", ErrorClass.InvalidParam },
        { "Vault not registered", ErrorClass.InvalidParam },
        { "Vault not registered: 0x1111111111111111111111111111111111111111", ErrorClass.InvalidParam },
        { "Invalid nonce: duplicate nonce 1700000000000", ErrorClass.Temporary },
        { "Too many cumulative requests sent (14295 > 14294) for cumulative volume traded $4295.52. Place taker orders to free up 1 request per USDC traded.", ErrorClass.RateLimited },
        { "Failed to deserialize the JSON body into the target type", ErrorClass.InvalidParam },
        { """Invalid subscription {"type":"l2Book","coin":"NOPE"}""", ErrorClass.InvalidParam },
    };

    [Theory]
    [MemberData(nameof(ProtocolMessages))]
    public void Classify_ProtocolMessage_WithAndWithoutPrefixAndSuffix(string message, ErrorClass expected)
    {
        Assert.Equal(expected, VenueErrorMap.Classify(message));
        Assert.Equal(expected, VenueErrorMap.Classify("L1 error: " + message));
        Assert.Equal(expected, VenueErrorMap.Classify(message + " asset=31"));
        Assert.Equal(expected, VenueErrorMap.Classify("L1 error: " + message + " asset=173"));
        Assert.Equal(expected, VenueErrorMap.Classify("  " + message + "\n"));
    }

    [Fact]
    public void Rules_EveryRow_IsExercisedByAProtocolMessage()
    {
        var messages = ProtocolMessages().Select(row => (string)row[0]).ToArray();

        Assert.All(VenueErrorMap.Rules, rule => Assert.Contains(messages, m => m.StartsWith(rule.Prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Something the venue never said before.")]
    [InlineData("L1 error: ")]
    [InlineData("Order has invalid")]
    [InlineData("asset=31")]
    public void Classify_UnmappedText_IsUnknown(string message)
    {
        Assert.Equal(ErrorClass.Unknown, VenueErrorMap.Classify(message));
    }

    [Fact]
    public void Classify_ObservedAloRejectionWithAssetSuffix_IsTemporary()
    {
        Assert.Equal(ErrorClass.Temporary, VenueErrorMap.Classify("Post only order would have immediately matched, bbo was 0.56057@0.56086. asset=31"));
    }

    [Theory]
    [InlineData("iocCancelRejected", ErrorClass.Temporary)]
    [InlineData("perpMarginRejected", ErrorClass.Insufficient)]
    [InlineData("minTradeNtlRejected", ErrorClass.InvalidParam)]
    [InlineData("reduceOnlyCanceled", ErrorClass.RiskRejected)]
    [InlineData("tooAggressiveAtOpenInterestCapRejected", ErrorClass.RiskRejected)]
    [InlineData("someFutureRejected", ErrorClass.Unknown)]
    public void ClassifyStatus_FinalStatusWithoutAFill_HasTheTableClass(string status, ErrorClass expected) =>
        Assert.Equal(expected, VenueErrorMap.ClassifyStatus(status));
}

namespace Halyard.Hyperliquid.RateLimit;

/// <summary>
/// The documented request weights (protocol §6.1, docs "Rate limits and user limits").
/// </summary>
public static class RequestWeights
{
    /// <summary>Items per extra unit of weight for list endpoints (userFills, fundingHistory, …).</summary>
    public const int ItemsPerExtraWeight = 20;

    /// <summary>Candles per extra unit of weight for <c>candleSnapshot</c>.</summary>
    public const int CandlesPerExtraWeight = 60;

    /// <summary><c>/exchange</c>: 1 + floor(batch length / 40), where the batch length is the action's array length (1 for non-batched actions).</summary>
    public static int Exchange(int batchLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchLength);
        return 1 + (batchLength / 40);
    }

    /// <summary>The base weight of an <c>/info</c> request of the given <c>type</c>.</summary>
    public static int Info(string requestType)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        return requestType switch
        {
            "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
            "userRole" => 60,
            _ => 20,
        };
    }

    /// <summary>
    /// The weight charged after the response for list endpoints: +1 per 20 items for userFills,
    /// userFillsByTime, fundingHistory, userFunding, historicalOrders (and the other documented list
    /// requests), +1 per 60 candles for candleSnapshot; 0 for every other request.
    /// </summary>
    public static int InfoItemsSurcharge(string requestType, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        return requestType switch
        {
            "candleSnapshot" => itemCount / CandlesPerExtraWeight,
            "userFills" or "userFillsByTime" or "fundingHistory" or "userFunding" or "historicalOrders"
                or "recentTrades" or "nonUserFundingUpdates" or "twapHistory" or "userTwapSliceFills"
                or "userTwapSliceFillsByTime" or "delegatorHistory" or "delegatorRewards" or "validatorStats"
                => itemCount / ItemsPerExtraWeight,
            _ => 0,
        };
    }
}

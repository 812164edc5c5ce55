using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using static Halyard.Tests.PaperExchange.Conformance.ConformanceVenue;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>Each venue rule, through the real client: the exact text reaches the caller and is classified by the client's map (§5).</summary>
public sealed class ConformanceRejectionTests
{
    public static TheoryData<string, string, ErrorClass> Rules => new()
    {
        { "tick", "Price must be divisible by tick size.", ErrorClass.InvalidParam },
        { "size", "Order has invalid size.", ErrorClass.InvalidParam },
        { "minimum", "Order must have minimum value of $10.", ErrorClass.InvalidParam },
        { "margin", "Insufficient margin to place order.", ErrorClass.Insufficient },
        { "reduceOnly", "Reduce only order would increase position.", ErrorClass.RiskRejected },
        { "ioc", "Order could not immediately match against any resting orders.", ErrorClass.Temporary },
        { "alo", "Post only order would have immediately matched, bbo was ", ErrorClass.Temporary },
        { "tpsl", "Invalid TP/SL price.", ErrorClass.InvalidParam },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_Violated_ExactTextAndClass(string rule, string text, ErrorClass expected)
    {
        using var venue = new ConformanceVenue(usdc: 1_000m);
        var action = rule switch
        {
            "tick" => Orders(Limit(0, true, "100000.5", "0.001", TimeInForce.Gtc)),
            "size" => Orders(Limit(0, true, "100000", "0.000001", TimeInForce.Gtc)),
            "minimum" => Orders(Limit(0, true, "100000", "0.00009", TimeInForce.Gtc)),
            "margin" => Orders(Limit(0, true, "100000", "1", TimeInForce.Gtc)),
            "reduceOnly" => Orders(Limit(0, false, "100000", "0.001", TimeInForce.Ioc, reduceOnly: true)),
            "ioc" => Orders(Limit(0, true, "100000", "0.001", TimeInForce.Ioc)),
            "alo" => Orders(Limit(0, true, "110000", "0.001", TimeInForce.Alo)),
            "tpsl" => Grouped(OrderGrouping.NormalTpsl, Limit(0, true, "100000", "0.001", TimeInForce.Gtc), Trigger(0, false, "90000", "0.001", "95000", TpSl.TakeProfit)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var result = await venue.Client.PlaceOrdersAsync(action, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var rejected = Assert.IsType<OrderRejected>(result.Value![^1]);
        Assert.StartsWith(text, rejected.Message, StringComparison.Ordinal);
        Assert.EndsWith(" asset=0", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(expected, rejected.Class);
    }

    [Fact]
    public async Task DuplicateNonce_ClassifiedTemporary()
    {
        using var venue = new ConformanceVenue();
        var body = Halyard.Hyperliquid.Exchange.ExchangeRequest.SignL1(
            venue.AccountKey, new NoopAction(), new Halyard.Hyperliquid.Signing.L1SigningContext(venue.Clock.GetUtcNow().ToUnixTimeMilliseconds(), true));
        Assert.True((await venue.Transport.PostAsync("/exchange", body, 1, CancellationToken.None)).IsSuccess);
        var again = await venue.Transport.PostAsync("/exchange", body, 1, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(again.Value!);
        Assert.Contains("Invalid nonce: duplicate nonce", text, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

/// <summary>The venue's own prices in the real snapshots, checked against our rule.</summary>
public class RealPriceTests
{
    public static TheoryData<string> Snapshots() => [.. DomainFixtures.SnapshotFiles];

    /// <summary>markPx, oraclePx and prevDayPx are venue prices: each must be valid and pass every purpose unchanged.</summary>
    [Theory]
    [MemberData(nameof(Snapshots))]
    public void VenuePrices_EveryAsset_ValidAndUnchanged(string file)
    {
        var checkedPrices = 0;
        foreach (var (rules, context) in DomainFixtures.Assets(file))
        {
            foreach (var field in new[] { "markPx", "oraclePx", "prevDayPx" })
            {
                if (!TryPrice(context, field, out var price))
                {
                    continue;
                }

                Assert.True(rules.IsValidPrice(price), $"{rules.Name} {field} {price}");
                foreach (var side in Enum.GetValues<OrderSide>())
                {
                    foreach (var purpose in Enum.GetValues<PricePurpose>())
                    {
                        Assert.Equal(price, rules.FormatPrice(price, side, purpose).Value?.Value);
                    }
                }

                checkedPrices++;
            }
        }

        Assert.True(checkedPrices > 500, checkedPrices.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>midPx is the average of bid and ask, often half a tick: a buy entry rounds to at most mid, a sell to at least.</summary>
    [Theory]
    [MemberData(nameof(Snapshots))]
    public void MidPrices_OffGrid_BuyBelowSellAbove(string file)
    {
        var offGrid = 0;
        foreach (var (rules, context) in DomainFixtures.Assets(file))
        {
            if (!TryPrice(context, "midPx", out var mid))
            {
                continue;
            }

            var buy = rules.FormatPrice(mid, OrderSide.Buy, PricePurpose.Entry).Value!.Value;
            var sell = rules.FormatPrice(mid, OrderSide.Sell, PricePurpose.Entry).Value!.Value;
            Assert.True(buy <= mid && mid <= sell);
            if (!rules.IsValidPrice(mid))
            {
                offGrid++;
                Assert.Equal(rules.PriceStep(mid), sell - buy);
            }
        }

        Assert.True(offGrid > 20);
    }

    private static bool TryPrice(JsonElement context, string field, out decimal price)
    {
        price = 0m;
        return context.TryGetProperty(field, out var value)
            && value.ValueKind == JsonValueKind.String
            && WireNumber.TryParse(value.GetString(), out price);
    }
}

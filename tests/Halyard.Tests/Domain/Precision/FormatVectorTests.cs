using System.Text.Json;
using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

/// <summary>
/// Every case of <c>format.json</c>. The TS SDK truncates toward zero; for a positive price that is our
/// round-down direction (a buy entry), and for a size it is our only direction, so its output is compared
/// with ours. <c>validAsIs</c> is compared with our validity rule. Spot cases (8 − szDecimals decimals)
/// go through <see cref="PriceGrid"/> directly: Halyard trades perps, but the grid is the same shape.
/// </summary>
public class FormatVectorTests
{
    [Fact]
    public void PriceVectors_AllCases_MatchRuleAndTruncation()
    {
        using var vectors = DomainFixtures.Vectors("format.json");
        var cases = vectors.RootElement.GetProperty("price").EnumerateArray().ToList();
        Assert.Equal(37, cases.Count);
        foreach (var vector in cases)
        {
            var input = vector.GetProperty("input").GetString()!;
            var szDecimals = vector.GetProperty("szDecimals").GetInt32();
            var isSpot = vector.GetProperty("isSpot").GetBoolean();
            var validAsIs = vector.GetProperty("validAsIs").GetBoolean();
            var sdk = SdkFormatted(vector);
            var maxDecimals = Math.Max(0, (isSpot ? 8 : 6) - szDecimals);

            if (!WireNumber.TryParse(input, out var price))
            {
                Assert.Null(sdk);
                Assert.False(validAsIs);
                continue;
            }

            Assert.True(validAsIs == PriceGrid.IsValid(price, maxDecimals), input);
            var magnitudeDown = PriceGrid.TryAtOrBelow(Math.Abs(price), maxDecimals, out var down);
            Assert.True(PriceGrid.TryAtOrAbove(Math.Abs(price), maxDecimals, out var up) || price == 0m, input);
            if (sdk is null)
            {
                Assert.False(magnitudeDown, input);
            }
            else
            {
                Assert.True(magnitudeDown, input);
                Assert.Equal(sdk, (price < 0m ? "-" : "") + WireNumber.ToWire(down));
            }

            if (validAsIs)
            {
                Assert.Equal(price, down);
                Assert.Equal(price, up);
            }

            if (vector.TryGetProperty("pythonExampleRounded", out var python))
            {
                // Python rounds to nearest; nearest is always one of our two neighbours.
                Assert.Contains(python.GetString(), new[] { WireNumber.ToWire(down), WireNumber.ToWire(up) });
            }

            if (!isSpot)
            {
                AssertPerpFormatter(new InstrumentRules("T", 0, szDecimals, 1), price, validAsIs, sdk);
            }
        }
    }

    [Fact]
    public void SizeVectors_AllCases_MatchRuleAndTruncation()
    {
        using var vectors = DomainFixtures.Vectors("format.json");
        var cases = vectors.RootElement.GetProperty("size").EnumerateArray().ToList();
        Assert.Equal(19, cases.Count);
        foreach (var vector in cases)
        {
            var input = vector.GetProperty("input").GetString()!;
            var rules = new InstrumentRules("T", 0, vector.GetProperty("szDecimals").GetInt32(), 1);
            var validAsIs = vector.GetProperty("validAsIs").GetBoolean();
            var sdk = SdkFormatted(vector);

            if (!WireNumber.TryParse(input, out var size))
            {
                Assert.Null(sdk);
                Assert.False(validAsIs);
                continue;
            }

            Assert.True(validAsIs == rules.IsValidSize(size), input);
            var formatted = rules.FormatSize(size);
            var magnitude = rules.FormatSize(Math.Abs(size));
            if (sdk is null)
            {
                Assert.Equal(FormatRefusal.SizeRoundsToZero, formatted.Refusal);
            }
            else if (size < 0m)
            {
                Assert.Equal(FormatRefusal.NotPositive, formatted.Refusal);
                Assert.True(magnitude.IsOk);
                Assert.Equal(sdk, "-" + magnitude.Value.Text);
            }
            else
            {
                Assert.True(formatted.IsOk, input);
                Assert.Equal(sdk, formatted.Value.Text);
                Assert.Equal(validAsIs, formatted.Value.Value == size);
            }

            if (vector.TryGetProperty("pythonExampleRounded", out var python))
            {
                Assert.Equal(python.GetString(), formatted.Value?.Text);
            }
        }
    }

    private static void AssertPerpFormatter(InstrumentRules rules, decimal price, bool validAsIs, string? sdk)
    {
        Assert.Equal(validAsIs, rules.IsValidPrice(price));
        var buy = rules.FormatPrice(price, OrderSide.Buy, PricePurpose.Entry);
        if (price <= 0m)
        {
            Assert.Equal(FormatRefusal.NotPositive, buy.Refusal);
        }
        else if (sdk is null)
        {
            Assert.Equal(FormatRefusal.NoValidPrice, buy.Refusal);
        }
        else
        {
            Assert.True(buy.IsOk);
            Assert.Equal(sdk, buy.Value.Text);
        }
    }

    private static string? SdkFormatted(JsonElement vector) =>
        vector.GetProperty("sdkFormatted").ValueKind == JsonValueKind.Null ? null : vector.GetProperty("sdkFormatted").GetString();
}

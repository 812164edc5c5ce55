using CsCheck;
using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

/// <summary>
/// Properties of the formatter over EVERY asset of the two real <c>metaAndAssetCtxs</c> snapshots, every
/// order side and every purpose, with prices log-uniform from 1e-6 to 1e6 (plus values hugging powers of ten).
/// </summary>
public class WireFormatPropertyTests
{
    private static readonly IReadOnlyList<InstrumentRules> Assets = DomainFixtures.AllRules();

    private static readonly (OrderSide Side, PricePurpose Purpose)[] Intents =
    [
        .. from side in Enum.GetValues<OrderSide>()
           from purpose in Enum.GetValues<PricePurpose>()
           select (side, purpose),
    ];

    /// <summary>Log-uniform over [1e-6, 1e6) with 1 to 12 significant digits, built exactly in decimal.</summary>
    private static readonly Gen<decimal> LogUniform =
        Gen.Select(Gen.Double[-6.0, 5.999999], Gen.Int[1, 12], (exponent, digits) =>
        {
            var decade = (int)Math.Floor(exponent);
            var mantissa = (long)Math.Floor(Math.Pow(10, exponent - decade + digits - 1));
            return mantissa * DecimalDigits.Pow10(decade - digits + 1);
        });

    /// <summary>10^k nudged by ±10^j: 0.9999999, 1.0000001, 99999.99, 1000000.5 …</summary>
    private static readonly Gen<decimal> NearPowerOfTen =
        Gen.Select(Gen.Int[-6, 6], Gen.Int[1, 9], Gen.Bool, (power, depth, above) =>
        {
            var nudge = DecimalDigits.Pow10(power - depth);
            var center = DecimalDigits.Pow10(power);
            return above ? center + nudge : center - nudge;
        });

    private static readonly Gen<decimal> Prices = Gen.Frequency((4, LogUniform), (1, NearPowerOfTen));

    [Fact]
    public void Snapshots_EveryAsset_IsParsed()
    {
        Assert.Equal(203 + 228, Assets.Count);
        Assert.Contains(Assets, a => a.Name == "BTC" && a.SzDecimals == 5 && a.MaxLeverage == 40);
        Assert.Equal([0, 1, 2, 3, 4, 5], Assets.Select(a => a.SzDecimals).Distinct().Order());
    }

    [Fact]
    public void FormatPrice_EveryAssetAndPurpose_ValidSafeWithinOneStepIdempotent() =>
        Prices.Sample(price =>
        {
            foreach (var rules in Assets)
            {
                foreach (var (side, purpose) in Intents)
                {
                    AssertPriceProperties(rules, price, side, purpose);
                }
            }
        }, iter: 100, threads: 1);

    [Fact]
    public void FormatSize_EveryAsset_ValidTowardZeroWithinOneLotIdempotent() =>
        Gen.Select(Gen.Double[-7.0, 7.0], Gen.Int[1, 12], (exponent, digits) =>
        {
            var decade = (int)Math.Floor(exponent);
            var mantissa = (long)Math.Floor(Math.Pow(10, exponent - decade + digits - 1));
            return mantissa * DecimalDigits.Pow10(decade - digits + 1);
        }).Sample(size =>
        {
            foreach (var rules in Assets)
            {
                AssertSizeProperties(rules, size);
            }
        }, iter: 1_000, threads: 1);

    private static void AssertPriceProperties(InstrumentRules rules, decimal price, OrderSide side, PricePurpose purpose)
    {
        var maxDecimals = rules.MaxPriceDecimals;
        var result = rules.FormatPrice(price, side, purpose);
        var down = PriceRounding.For(side, purpose) == RoundingDirection.Down;
        if (!result.IsOk)
        {
            // The only refusal for a positive price: rounding down below the smallest valid price.
            Assert.Equal(FormatRefusal.NoValidPrice, result.Refusal);
            Check(down && price < rules.MinimumPrice, () => $"{rules.Name} {price} {side} {purpose}: {result.Reason}");
            return;
        }

        var formatted = result.Value.Value;
        Check(ReferenceRule.IsValidPrice(formatted, maxDecimals), () => $"{rules.Name} {price} -> {formatted}");
        Assert.True(rules.IsValidPrice(formatted));
        Check(down ? formatted <= price : formatted >= price, () => $"{rules.Name} {price} {side} {purpose} -> {formatted}");
        Check(Math.Abs(formatted - price) < ReferenceRule.GridStep(price, maxDecimals), () => $"{rules.Name} {price} -> {formatted}");
        if (ReferenceRule.IsValidPrice(price, maxDecimals))
        {
            Assert.Equal(price, formatted);
        }

        Assert.Equal(result, rules.FormatPrice(formatted, side, purpose));
        Assert.NotEqual("0", result.Value.Text);
        Assert.Equal(formatted, decimal.Parse(result.Value.Text, System.Globalization.CultureInfo.InvariantCulture));
        WireNumberTests.AssertCanonical(result.Value.Text);
    }

    /// <summary>Asserts without building the failure message unless it fails (the loops are hot).</summary>
    private static void Check(bool condition, Func<string> message)
    {
        if (!condition)
        {
            Assert.Fail(message());
        }
    }

    private static void AssertSizeProperties(InstrumentRules rules, decimal size)
    {
        var result = rules.FormatSize(size);
        if (size < rules.MinimumSize)
        {
            Assert.Equal(FormatRefusal.SizeRoundsToZero, result.Refusal);
            return;
        }

        Assert.True(result.IsOk);
        var formatted = result.Value.Value;
        Assert.True(ReferenceRule.IsValidSize(formatted, rules.SzDecimals));
        Check(formatted <= size && size - formatted < rules.MinimumSize, () => $"{rules.Name} {size} -> {formatted}");
        if (ReferenceRule.IsValidSize(size, rules.SzDecimals))
        {
            Assert.Equal(size, formatted);
        }

        Assert.Equal(result, rules.FormatSize(formatted));
        WireNumberTests.AssertCanonical(result.Value.Text);
    }
}

using System.Globalization;
using System.Text.Json;
using CsCheck;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Tests.Hyperliquid.Info;

public sealed class WireDecimalConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new WireDecimalConverter() } };

    [Fact]
    public void Read_AnyDecimalWrittenInvariant_RoundTripsExactly()
    {
        Gen.Decimal.Sample(value =>
        {
            var json = "\"" + value.ToString(CultureInfo.InvariantCulture) + "\"";
            var parsed = JsonSerializer.Deserialize<decimal>(json, Options);
            return parsed == value && JsonSerializer.Serialize(parsed, Options) == json;
        });
    }

    [Theory]
    [InlineData("\"0.0000125\"", "0.0000125")]
    [InlineData("\"-0.00925\"", "-0.00925")]
    [InlineData("\"170043721737.450012207\"", "170043721737.450012207")]
    [InlineData("\"30135.0\"", "30135.0")]
    [InlineData("\"1e-5\"", "0.00001")]
    [InlineData("12.5", "12.5")]
    public void Read_VenueSpellings_ExactDecimal(string json, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), JsonSerializer.Deserialize<decimal>(json, Options));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("\"1,5\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\" 1\"")]
    [InlineData("true")]
    [InlineData("1e400")]
    public void Read_NotADecimal_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<decimal>(json, Options));
    }

    [Fact]
    public void Read_NullableNull_IsNull()
    {
        Assert.Null(JsonSerializer.Deserialize<decimal?>("null", Options));
        Assert.Equal(1.5m, JsonSerializer.Deserialize<decimal?>("\"1.5\"", Options));
    }
}

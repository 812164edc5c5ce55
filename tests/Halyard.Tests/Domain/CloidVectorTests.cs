using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Tests.Domain;

/// <summary>Every case of <c>cloid.json</c>.</summary>
public class CloidVectorTests
{
    [Fact]
    public void FromInt_Vectors_Match()
    {
        using var vectors = DomainFixtures.Vectors("cloid.json");
        var cases = vectors.RootElement.GetProperty("fromInt").EnumerateArray().ToList();
        Assert.Equal(3, cases.Count);
        foreach (var vector in cases)
        {
            var input = vector.GetProperty("input");
            var value = input.ValueKind == JsonValueKind.Number
                ? (UInt128)input.GetUInt64()
                : UInt128.Parse(input.GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(vector.GetProperty("expected").GetString(), Cloid.FromInt(value).Value);
        }
    }

    [Fact]
    public void FromGuid_Vectors_Match()
    {
        using var vectors = DomainFixtures.Vectors("cloid.json");
        foreach (var vector in vectors.RootElement.GetProperty("fromUuid").EnumerateArray())
        {
            var guid = Guid.Parse(vector.GetProperty("input").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(vector.GetProperty("expected").GetString(), Cloid.FromGuid(guid).Value);
        }
    }

    [Fact]
    public void TryParse_ValidVectors_RoundTripUnchanged()
    {
        using var vectors = DomainFixtures.Vectors("cloid.json");
        var valid = vectors.RootElement.GetProperty("valid").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Equal(4, valid.Count);
        foreach (var text in valid)
        {
            Assert.True(Cloid.TryParse(text, out var cloid));
            Assert.Equal(text, cloid.Value);
        }
    }

    [Fact]
    public void TryParse_InvalidVectors_Refused()
    {
        using var vectors = DomainFixtures.Vectors("cloid.json");
        var invalid = vectors.RootElement.GetProperty("invalid").EnumerateArray().ToList();
        Assert.Equal(5, invalid.Count);
        foreach (var vector in invalid)
        {
            var text = vector.GetProperty("input").GetString()!;
            Assert.False(Cloid.TryParse(text, out _), vector.GetProperty("reason").GetString());
            Assert.Throws<FormatException>(() => Cloid.Parse(text));
        }
    }

    [Fact]
    public void TryParse_NotCanonicalVectors_Lowercased()
    {
        using var vectors = DomainFixtures.Vectors("cloid.json");
        foreach (var vector in vectors.RootElement.GetProperty("notCanonical").EnumerateArray())
        {
            Assert.Equal(vector.GetProperty("canonical").GetString(), Cloid.Parse(vector.GetProperty("input").GetString()!).Value);
        }
    }

    [Fact]
    public void FromInt_MaxValue_IsAllOnes() =>
        Assert.Equal("0x" + new string('f', 32), Cloid.FromInt(UInt128.MaxValue).Value);

    [Fact]
    public void FromInt_AnyValue_ParsesBackToTheSameInteger()
    {
        var value = (UInt128)BigInteger.Parse("123456789012345678901234567890", CultureInfo.InvariantCulture);
        var cloid = Cloid.FromInt(value);
        Assert.Equal(value, UInt128.Parse(cloid.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}

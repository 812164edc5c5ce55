using Halyard.Domain;

namespace Halyard.Tests.Domain;

public class CloidTests
{
    [Fact]
    public void FromInt_One_IsZeroPadded() =>
        Assert.Equal("0x00000000000000000000000000000001", Cloid.FromInt(1).Value);

    [Fact]
    public void Parse_Uppercase_IsCanonicalisedToLowercase() =>
        Assert.Equal("0x1e60610f0b3d420597c88c1fed2ad5ee", Cloid.Parse("0x1E60610F0B3D420597C88C1FED2AD5EE").Value);

    [Theory]
    [InlineData("0x1")]
    [InlineData("1e60610f0b3d420597c88c1fed2ad5ee00")]
    [InlineData("0x1e60610f0b3d420597c88c1fed2ad5eg")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(Cloid.TryParse(text, out _));

    [Fact]
    public void Derive_SameParts_SameCloid() =>
        Assert.Equal(Cloid.Derive("t01", "7", "BTC", "buy"), Cloid.Derive("t01", "7", "BTC", "buy"));
}

using CsCheck;
using Halyard.Domain;

namespace Halyard.Tests.Domain;

public class EthAddressTests
{
    [Fact]
    public void Parse_MixedCase_IsCanonicalLowercase() =>
        Assert.Equal("0x0d1d9635d0640821d15e323ac8adadfa9c111414", EthAddress.Parse("0x0D1d9635D0640821d15e323ac8AdADfA9c111414").Value);

    [Theory]
    [InlineData("0x0d1d9635d0640821d15e323ac8adadfa9c11141")]
    [InlineData("0x0d1d9635d0640821d15e323ac8adadfa9c1114144")]
    [InlineData("0d1d9635d0640821d15e323ac8adadfa9c11141400")]
    [InlineData("0x0d1d9635d0640821d15e323ac8adadfa9c11141g")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalse(string? text) => Assert.False(EthAddress.TryParse(text, out _));

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => EthAddress.Parse("0x12"));

    [Fact]
    public void FromBytes_ToBytes_RoundTrip() =>
        Gen.Byte.Array[20].Sample(bytes =>
        {
            var address = EthAddress.FromBytes(bytes);
            Assert.Equal(bytes, address.ToBytes());
            Assert.Equal(address, EthAddress.Parse(address.Value.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
            Span<byte> copy = stackalloc byte[20];
            address.CopyTo(copy);
            Assert.Equal(bytes, copy.ToArray());
        });

    [Fact]
    public void FromBytes_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => EthAddress.FromBytes(new byte[19]));
}

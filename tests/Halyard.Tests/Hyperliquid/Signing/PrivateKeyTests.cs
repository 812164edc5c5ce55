using System.Diagnostics;
using System.Reflection;
using Halyard.Domain;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Signing;

public class PrivateKeyTests
{
    private const string PythonKey = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private const string PythonAddress = "0x14791697260e4c9a71f18484c9f997b308e59325";

    [Fact]
    public void FromHex_PublicTestKeys_DeriveKnownAddresses()
    {
        Assert.Equal(PythonAddress, PrivateKey.FromHex(PythonKey).Address.Value);
        Assert.Equal("0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901", PrivateKey.FromHex("822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff").Address.Value);
    }

    [Fact]
    public void ToString_NeverContainsTheKey()
    {
        var key = PrivateKey.FromHex(PythonKey);
        var text = key.ToString();

        Assert.Equal($"PrivateKey({PythonAddress})", text);
        Assert.DoesNotContain("0123456789012345678901234567890123456789012345678901234567890123", text, StringComparison.OrdinalIgnoreCase);
        var identity = SigningIdentity.ForAgent(key, EthAddress.Parse("0x1234567890123456789012345678901234567890"));
        Assert.DoesNotContain("01234567890123456789012345678901234567890123", identity.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PythonAddress, identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DebuggerDisplay_ShowsOnlyTheAddress()
    {
        var attribute = typeof(PrivateKey).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal("PrivateKey({Address})", attribute.Value);
        Assert.DoesNotContain(typeof(PrivateKey).GetProperties(), p => p.PropertyType != typeof(EthAddress));
    }

    [Theory]
    [InlineData("0x012345678901234567890123456789012345678901234567890123456789012")]
    [InlineData("0x012345678901234567890123456789012345678901234567890123456789012z")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void FromHex_Invalid_ThrowsWithoutEchoingTheInput(string hex)
    {
        var ex = Assert.Throws<FormatException>(() => PrivateKey.FromHex(hex));
        Assert.DoesNotContain(hex[2..20], ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromVariable_SetValue_LoadsKey() =>
        Assert.Equal(PythonAddress, PrivateKey.FromVariable("HALYARD_AGENT_KEY", "  " + PythonKey + "\n").Address.Value);

    [Fact]
    public void FromVariable_BadOrMissingValue_ThrowsNamingTheVariableWithoutEchoingTheValue()
    {
        const string secretLooking = "0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbe";
        var ex = Assert.Throws<InvalidOperationException>(() => PrivateKey.FromVariable("HALYARD_AGENT_KEY", secretLooking));
        Assert.DoesNotContain("deadbeef", ex.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HALYARD_AGENT_KEY", ex.Message, StringComparison.Ordinal);

        Assert.Throws<InvalidOperationException>(() => PrivateKey.FromVariable("HALYARD_AGENT_KEY", null));
    }

    [Fact]
    public void FromFile_KeyWithWhitespace_LoadsKey()
    {
        var path = Path.Combine(Path.GetTempPath(), "halyard-key-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "\n" + PythonKey[2..] + "  \n");
        try
        {
            Assert.Equal(PythonAddress, PrivateKey.FromFile(path).Address.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_Missing_Throws() =>
        Assert.Throws<FileNotFoundException>(() => PrivateKey.FromFile(Path.Combine(Path.GetTempPath(), "halyard-missing-" + Guid.NewGuid().ToString("N"))));

    [Fact]
    public void SigningIdentity_Agent_ActsForMasterAccount()
    {
        var agent = PrivateKey.FromHex(PythonKey);
        var master = EthAddress.Parse("0x1234567890123456789012345678901234567890");
        var vault = EthAddress.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");

        var identity = SigningIdentity.ForAgent(agent, master, vault);

        Assert.True(identity.IsAgent);
        Assert.Equal(master, identity.Account);
        Assert.Equal(vault, identity.VaultAddress);
        Assert.False(SigningIdentity.ForAccount(agent).IsAgent);
    }
}

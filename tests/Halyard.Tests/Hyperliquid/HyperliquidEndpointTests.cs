using Halyard.Hyperliquid;

namespace Halyard.Tests.Hyperliquid;

public sealed class HyperliquidEndpointTests
{
    [Fact]
    public void Mainnet_OfficialUrlAndSourceA()
    {
        var e = HyperliquidEndpoint.Mainnet;

        Assert.Equal(("https://api.hyperliquid.xyz/", true, "a", "Mainnet"), (e.BaseUrl.ToString(), e.IsMainnet, e.SignatureSource, e.HyperliquidChain));
        Assert.Equal("wss://api.hyperliquid.xyz/ws", e.WebSocketUrl.ToString());
    }

    [Fact]
    public void Testnet_OfficialUrlAndSourceB()
    {
        var e = HyperliquidEndpoint.Testnet;

        Assert.Equal(("https://api.hyperliquid-testnet.xyz/", false, "b", "Testnet"), (e.BaseUrl.ToString(), e.IsMainnet, e.SignatureSource, e.HyperliquidChain));
        Assert.Equal("wss://api.hyperliquid-testnet.xyz/ws", e.WebSocketUrl.ToString());
    }

    [Theory]
    [InlineData("mainnet", null, "https://api.hyperliquid.xyz/", true)]
    [InlineData(" Testnet ", null, "https://api.hyperliquid-testnet.xyz/", false)]
    [InlineData("https://api.hyperliquid.xyz", true, "https://api.hyperliquid.xyz/", true)]
    [InlineData("https://api.hyperliquid-testnet.xyz", null, "https://api.hyperliquid-testnet.xyz/", false)]
    [InlineData("http://127.0.0.1:5080/paper", false, "http://127.0.0.1:5080/paper", false)]
    [InlineData("http://127.0.0.1:5080", true, "http://127.0.0.1:5080/", true)]
    public void TryParse_Valid(string network, bool? isMainnet, string url, bool mainnet)
    {
        Assert.True(HyperliquidEndpoint.TryParse(network, isMainnet, out var endpoint, out var error), error);

        Assert.Equal((url, mainnet), (endpoint.BaseUrl.ToString(), endpoint.IsMainnet));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", null, "explicit isMainnet")]
    [InlineData("https://api.hyperliquid.xyz", false, "belongs to mainnet")]
    [InlineData("testnet", true, "belongs to testnet")]
    [InlineData("devnet", null, "must be")]
    [InlineData("ftp://example.com", false, "must be")]
    [InlineData("", null, "must be")]
    [InlineData(null, null, "must be")]
    public void TryParse_Invalid_ExplainsWhy(string? network, bool? isMainnet, string reason)
    {
        Assert.False(HyperliquidEndpoint.TryParse(network, isMainnet, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.hyperliquid.xyz", "/info", "https://api.hyperliquid.xyz/info")]
    [InlineData("http://127.0.0.1:5080/paper", "/exchange", "http://127.0.0.1:5080/paper/exchange")]
    [InlineData("http://127.0.0.1:5080/paper/", "info", "http://127.0.0.1:5080/paper/info")]
    public void Resolve_KeepsTheBasePath(string baseUrl, string path, string expected)
    {
        Assert.Equal(expected, new HyperliquidEndpoint(new Uri(baseUrl), false).Resolve(path).ToString());
    }

    [Fact]
    public void WebSocketUrl_PlainHttp_Ws()
    {
        Assert.Equal("ws://127.0.0.1:5080/paper/ws", new HyperliquidEndpoint(new Uri("http://127.0.0.1:5080/paper"), false).WebSocketUrl.ToString());
    }

    [Fact]
    public void Constructor_RelativeOrNonHttpUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HyperliquidEndpoint(new Uri("/info", UriKind.Relative), true));
        Assert.Throws<ArgumentException>(() => new HyperliquidEndpoint(new Uri("ftp://example.com"), true));
    }
}

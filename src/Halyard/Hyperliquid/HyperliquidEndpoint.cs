using System.Diagnostics.CodeAnalysis;

namespace Halyard.Hyperliquid;

/// <summary>
/// Where the client talks to and which network it signs for: the mainnet or testnet API, or any URL
/// (our paper exchange) together with an explicit network flag. The flag chooses the phantom-agent
/// <c>source</c> of L1 signatures (<c>a</c> mainnet, <c>b</c> testnet) and the <c>hyperliquidChain</c>
/// of user-signed actions; the server rejects a signature made for the other network.
/// </summary>
public sealed record HyperliquidEndpoint
{
    /// <summary>The mainnet REST base URL.</summary>
    public static readonly Uri MainnetUrl = new("https://api.hyperliquid.xyz");

    /// <summary>The testnet REST base URL.</summary>
    public static readonly Uri TestnetUrl = new("https://api.hyperliquid-testnet.xyz");

    public HyperliquidEndpoint(Uri baseUrl, bool isMainnet)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The base URL must be an absolute http(s) URL.", nameof(baseUrl));
        }

        BaseUrl = baseUrl;
        IsMainnet = isMainnet;
    }

    public static HyperliquidEndpoint Mainnet { get; } = new(MainnetUrl, isMainnet: true);

    public static HyperliquidEndpoint Testnet { get; } = new(TestnetUrl, isMainnet: false);

    public Uri BaseUrl { get; }

    /// <summary>True when signatures are made for mainnet (source <c>a</c>).</summary>
    public bool IsMainnet { get; }

    /// <summary>The phantom-agent <c>source</c> of L1 action signatures: <c>a</c> mainnet, <c>b</c> testnet.</summary>
    public string SignatureSource => IsMainnet ? "a" : "b";

    /// <summary>The <c>hyperliquidChain</c> field of user-signed actions.</summary>
    public string HyperliquidChain => IsMainnet ? "Mainnet" : "Testnet";

    /// <summary>The WebSocket URL of the same server (<c>wss://host/ws</c>, <c>ws://</c> for plain http).</summary>
    public Uri WebSocketUrl
    {
        get
        {
            var builder = new UriBuilder(Resolve("/ws")) { Scheme = BaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
            return builder.Uri;
        }
    }

    /// <summary>
    /// The network the base URL is known to belong to, or null for any other URL. Used to refuse
    /// a configuration that points at mainnet but signs for testnet (or the reverse).
    /// </summary>
    public static bool? KnownNetworkOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.Host, MainnetUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(url.Host, TestnetUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

    /// <summary>
    /// Reads the configuration: <paramref name="network"/> is <c>mainnet</c>, <c>testnet</c> or an absolute
    /// http(s) URL. A URL of the official API implies its network; any other URL needs
    /// <paramref name="isMainnet"/> (there is no silent default); a flag that contradicts a known URL is refused.
    /// </summary>
    public static bool TryParse(
        string? network,
        bool? isMainnet,
        [NotNullWhen(true)] out HyperliquidEndpoint? endpoint,
        [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        error = null;
        var text = network?.Trim() ?? string.Empty;
        Uri url;
        if (string.Equals(text, "mainnet", StringComparison.OrdinalIgnoreCase))
        {
            url = MainnetUrl;
        }
        else if (string.Equals(text, "testnet", StringComparison.OrdinalIgnoreCase))
        {
            url = TestnetUrl;
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out url!) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            error = "The Hyperliquid network must be 'mainnet', 'testnet' or an absolute http(s) URL, got '" + text + "'.";
            return false;
        }

        var known = KnownNetworkOf(url);
        if (known is not null && isMainnet is not null && known != isMainnet)
        {
            error = "The URL " + url + " belongs to " + (known.Value ? "mainnet" : "testnet") + " but isMainnet says otherwise.";
            return false;
        }

        var mainnet = known ?? isMainnet;
        if (mainnet is null)
        {
            error = "A custom Hyperliquid URL (" + url + ") needs an explicit isMainnet flag for signing.";
            return false;
        }

        endpoint = new HyperliquidEndpoint(url, mainnet.Value);
        return true;
    }

    /// <summary>
    /// The absolute URL of <paramref name="path"/> under the base URL, keeping any path prefix of the
    /// base (<c>http://host/paper</c> + <c>/info</c> = <c>http://host/paper/info</c>).
    /// </summary>
    public Uri Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var basePath = BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(basePath + "/" + path.TrimStart('/'));
    }
}

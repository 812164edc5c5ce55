using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Audit;
using Halyard.PaperExchange.Data;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.PaperExchange.Support;

/// <summary>An in-process paper exchange on the embedded data, a fake clock, a funded account and raw-JSON helpers.</summary>
internal sealed class PaperHarness : IDisposable
{
    public const string Alice = "0x00000000000000000000000000000000000a11ce";
    public const string Bob = "0x0000000000000000000000000000000000000b0b";
    public const int Btc = 0;
    public const int Eth = 1;
    public const int Sol = 5;

    /// <summary>2025-07-01T00:00Z: inside the bundled 5m data.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private long _lastNonce;

    public PaperHarness(PaperExchangeOptions? options = null, DateTimeOffset? start = null, decimal aliceUsdc = 10_000m, MarketDataSet? data = null)
    {
        Clock = new FakeTimeProvider(start ?? T0);
        AuditText = new StringWriter(CultureInfo.InvariantCulture);
        var configured = options ?? new PaperExchangeOptions();
        Options = configured with { Accounts = [new FundedAccount(Alice, aliceUsdc), .. configured.Accounts] };
        Engine = new PaperExchangeEngine(Options, Clock, data, new FakeSignerRecovery(), new AuditLog(AuditText));
        Http = new HttpClient(Engine.CreateHandler()) { BaseAddress = new Uri("http://paper.local/") };
    }

    public FakeTimeProvider Clock { get; }

    public PaperExchangeOptions Options { get; }

    public PaperExchangeEngine Engine { get; }

    public HttpClient Http { get; }

    public StringWriter AuditText { get; }

    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public long NextNonce() => _lastNonce = Math.Max(NowMs, _lastNonce + 1);

    /// <summary>Sends <paramref name="actionJson"/> signed (fake) by <paramref name="signer"/>; returns the parsed answer.</summary>
    public async Task<JsonElement> ExchangeAsync(string actionJson, string signer = Alice, long? nonce = null, string extra = "")
    {
        var (status, body) = await PostAsync("exchange", Envelope(actionJson, signer, nonce ?? NextNonce(), extra));
        Assert.True(status == 200, $"HTTP {status}: {body}");
        return Parse(body);
    }

    public string Envelope(string actionJson, string signer, long nonce, string extra = "") =>
        "{\"action\":" + actionJson + ",\"nonce\":" + nonce.ToString(CultureInfo.InvariantCulture)
        + ",\"signature\":" + FakeSignerRecovery.SignatureFor(signer) + extra + "}";

    public async Task<JsonElement> InfoAsync(string requestJson)
    {
        var (status, body) = await PostAsync("info", requestJson);
        Assert.True(status == 200, $"HTTP {status}: {body}");
        return Parse(body);
    }

    public async Task<(int Status, string Body)> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Places one order (grouping na); returns its status element.</summary>
    public async Task<JsonElement> OrderAsync(int asset, bool isBuy, string px, string sz, string tif = "Gtc", bool reduceOnly = false, string? cloid = null, string signer = Alice)
    {
        var answer = await ExchangeAsync(OrderJson([Limit(asset, isBuy, px, sz, tif, reduceOnly, cloid)]), signer);
        return Statuses(answer)[0];
    }

    public static string OrderJson(IEnumerable<string> orders, string grouping = "na") =>
        "{\"type\":\"order\",\"orders\":[" + string.Join(',', orders) + "],\"grouping\":\"" + grouping + "\"}";

    public static string Limit(int asset, bool isBuy, string px, string sz, string tif = "Gtc", bool reduceOnly = false, string? cloid = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"a\":{asset},\"b\":{Bool(isBuy)},\"p\":\"{px}\",\"s\":\"{sz}\",\"r\":{Bool(reduceOnly)},\"t\":{{\"limit\":{{\"tif\":\"{tif}\"}}}}")
        + (cloid is null ? string.Empty : ",\"c\":\"" + cloid + "\"") + "}";

    public static string Trigger(int asset, bool isBuy, string px, string sz, string triggerPx, string tpsl, bool isMarket = true, bool reduceOnly = true, string? cloid = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"a\":{asset},\"b\":{Bool(isBuy)},\"p\":\"{px}\",\"s\":\"{sz}\",\"r\":{Bool(reduceOnly)},\"t\":{{\"trigger\":{{\"isMarket\":{Bool(isMarket)},\"triggerPx\":\"{triggerPx}\",\"tpsl\":\"{tpsl}\"}}}}")
        + (cloid is null ? string.Empty : ",\"c\":\"" + cloid + "\"") + "}";

    public static JsonElement[] Statuses(JsonElement answer)
    {
        Assert.True(answer.GetProperty("status").GetString() == "ok", answer.ToString());
        return [.. answer.GetProperty("response").GetProperty("data").GetProperty("statuses").EnumerateArray()];
    }

    public async Task<decimal> MidAsync(string coin) => Dec((await InfoAsync("{\"type\":\"allMids\"}")).GetProperty(coin));

    public async Task<JsonElement> StateAsync(string user = Alice) =>
        await InfoAsync("{\"type\":\"clearinghouseState\",\"user\":\"" + user + "\"}");

    public async Task<JsonElement> BookAsync(string coin) => await InfoAsync("{\"type\":\"l2Book\",\"coin\":\"" + coin + "\"}");

    /// <summary>Signed size of the user's position in <paramref name="coin"/> (0 when none).</summary>
    public async Task<decimal> PositionAsync(string coin, string user = Alice)
    {
        foreach (var entry in (await StateAsync(user)).GetProperty("assetPositions").EnumerateArray())
        {
            var position = entry.GetProperty("position");
            if (position.GetProperty("coin").GetString() == coin)
            {
                return Dec(position.GetProperty("szi"));
            }
        }

        return 0m;
    }

    public void Advance(TimeSpan span) => Clock.Advance(span);

    public static decimal Dec(JsonElement element) => decimal.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Invariant text without trailing zeros (<c>107147.0m</c> → <c>107147</c>).</summary>
    public static string Str(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Http.Dispose();
        Engine.Dispose();
        AuditText.Dispose();
    }

    private static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}

using System.Text.Json;
using Halyard.Hyperliquid.Info;
using Halyard.Tests.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>Every recorded venue response goes through <see cref="InfoClient"/> and maps; the request we send matches the recorded one.</summary>
public sealed class InfoClientFixtureTests
{
    public static TheoryData<string> ConsumedSamples() =>
        [.. Fixtures.Index().Where(e => InfoCalls.Consumed.Contains(e.RequestType)).Select(e => e.File)];

    public static TheoryData<string> InfoVectors() => [.. Fixtures.InfoVectors().Select(v => v.Id)];

    [Fact]
    public void Index_EverySample_IsConsumedOrDeliberatelySkipped()
    {
        var index = Fixtures.Index();
        var files = Directory.GetFiles(Fixtures.Directory, "*.json").Select(Path.GetFileName).Where(f => f != "INDEX.json");

        Assert.Equal(files.Order(StringComparer.Ordinal), index.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.All(index, e => Assert.True(
            InfoCalls.Consumed.Contains(e.RequestType) || InfoCalls.NotConsumed.ContainsKey(e.RequestType),
            e.File + " (" + e.RequestType + ") is neither read by InfoClient nor listed as deliberately skipped"));
        Assert.Equal(33, index.Count(e => InfoCalls.Consumed.Contains(e.RequestType)));
    }

    [Theory]
    [MemberData(nameof(ConsumedSamples))]
    public async Task ApiSample_ParsesAndMaps(string file)
    {
        var entry = Fixtures.Index().Single(e => e.File == file);
        var handler = StubHandler.Returning(Fixtures.Bytes(file));
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        var value = await InfoCalls.CallAsync(client, entry.RequestType, entry.RequestBody);

        Assert.NotNull(value);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/info", sent.Uri.AbsolutePath);
        if (entry.RequestBody is { } recorded && !IsOtherDex(recorded))
        {
            using var ours = JsonDocument.Parse(sent.Body);
            Assert.Equal(InfoCalls.Canonical(recorded), InfoCalls.Canonical(ours.RootElement));
        }
    }

    [Theory]
    [MemberData(nameof(InfoVectors))]
    public async Task InfoVector_ParsesAndMaps(string id)
    {
        var vector = Fixtures.InfoVectors().Single(v => v.Id == id);
        var handler = StubHandler.Returning(vector.Response);
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        var value = await InfoCalls.CallAsync(client, vector.Request.GetProperty("type").GetString()!, vector.Request);

        Assert.NotNull(value);
        using var ours = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal(InfoCalls.Canonical(vector.Request), InfoCalls.Canonical(ours.RootElement));
    }

    private static bool IsOtherDex(JsonElement request) =>
        request.TryGetProperty("dex", out var dex) && dex.GetString() is { Length: > 0 };
}

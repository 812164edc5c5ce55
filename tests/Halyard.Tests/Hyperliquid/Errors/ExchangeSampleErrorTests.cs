using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid.Errors;
using Halyard.Tests.Hyperliquid.Info;

namespace Halyard.Tests.Hyperliquid.Errors;

/// <summary>The error texts of the recorded testnet /exchange responses are all in the table.</summary>
public sealed class ExchangeSampleErrorTests
{
    public static TheoryData<string, ErrorClass?> Samples() => new()
    {
        { "testnet_exchange_cancelByCloid_2025-10-22.json", ErrorClass.InvalidParam },
        { "testnet_exchange_cancelByCloid_2025-10-22_2.json", null },
        { "testnet_exchange_cancel_2025-10-22.json", null },
        { "testnet_exchange_cancel_2025-10-22_2.json", ErrorClass.InvalidParam },
        { "testnet_exchange_order_2025-10-22.json", null },
        { "testnet_exchange_order_2025-10-22_2.json", null },
        { "testnet_exchange_order_2025-10-22_3.json", null },
        { "testnet_exchange_order_2025-10-22_4.json", null },
        { "testnet_exchange_order_2025-10-22_5.json", ErrorClass.InvalidParam },
        { "testnet_exchange_order_2025-10-22_6.json", ErrorClass.InvalidParam },
        { "testnet_exchange_order_2025-10-22_7.json", null },
        { "testnet_exchange_order_2025-10-22_8.json", ErrorClass.InvalidParam },
    };

    [Fact]
    public void Samples_CoverEveryRecordedExchangeResponse()
    {
        var recorded = Fixtures.Index().Where(e => e.RequestType.StartsWith("exchange_", StringComparison.Ordinal)).Select(e => e.File);

        Assert.Equal(recorded.Order(StringComparer.Ordinal), Samples().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ExchangeSample_ErrorTexts_ClassifyAsExpected(string file, ErrorClass? expected)
    {
        using var doc = JsonDocument.Parse(Fixtures.Bytes(file));

        var errors = ErrorTexts(doc.RootElement).ToArray();

        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.NotEmpty(errors);
            Assert.All(errors, text => Assert.Equal(expected, VenueErrorMap.Classify(text)));
        }
    }

    /// <summary>A whole-request <c>{"status":"err","response":"…"}</c> or per-order <c>{"error":"…"}</c> statuses.</summary>
    private static IEnumerable<string> ErrorTexts(JsonElement root)
    {
        if (root.GetProperty("status").GetString() == "err")
        {
            yield return root.GetProperty("response").GetString()!;
            yield break;
        }

        foreach (var status in root.GetProperty("response").GetProperty("data").GetProperty("statuses").EnumerateArray())
        {
            if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("error", out var error))
            {
                yield return error.GetString()!;
            }
        }
    }
}

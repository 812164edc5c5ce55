using Halyard.Execution;
using System.Globalization;
using Halyard.Risk;

namespace Halyard.Cycle.Configuration;

/// <summary>The YAML spelling of every enum value and number, shared by the loader and the writer.</summary>
internal static class Names
{
    public static string Of(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Without trailing zeros (8000.0 → 8000), for messages.</summary>
    public static string Plain(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(TimeSpan value) => DurationText.Format(value);

    /// <summary>A UTC date (<c>2025-10-01</c>) at midnight, else date and time (<c>2025-10-01T12:00:00Z</c>).</summary>
    public static string Of(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public static string Of(ExchangeProvider value) => value switch
    {
        ExchangeProvider.Paper => "paper",
        ExchangeProvider.Testnet => "testnet",
        ExchangeProvider.Mainnet => "mainnet",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(MarketProvider value) => value switch
    {
        MarketProvider.Hyperliquid => "hyperliquid",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(DecisionMakerProvider value) => value switch
    {
        DecisionMakerProvider.Baseline => "baseline",
        DecisionMakerProvider.OpenAI => "openai",
        DecisionMakerProvider.Anthropic => "anthropic",
        DecisionMakerProvider.Recorded => "recorded",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(StructuredOutputMode value) => value switch
    {
        StructuredOutputMode.Auto => "auto",
        StructuredOutputMode.On => "on",
        StructuredOutputMode.Off => "off",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(LeverageOverCapPolicy value) => value == LeverageOverCapPolicy.Clamp ? "clamp" : "deny";

    public static string Of(SizeOverCapPolicy value) => value == SizeOverCapPolicy.Clamp ? "clamp" : "deny";

    public static string Of(EntryMode value) => value == EntryMode.Ioc ? "ioc" : "gtc";

    public static string Of(MarginMode value) => value == MarginMode.Cross ? "cross" : "isolated";

    public static string Of(ExternalPositionPolicy value) => value == ExternalPositionPolicy.Leave ? "leave" : "adopt";
}

using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary>
/// Source-generated JSON metadata for every <c>/info</c> response type. Unknown fields are ignored; a
/// missing <c>required</c> field or a null in a non-nullable one is a <see cref="System.Text.Json.JsonException"/>
/// (never a silent zero); decimals go through <see cref="WireDecimalConverter"/>.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WireDecimalConverter)])]
[JsonSerializable(typeof(MetaWire))]
[JsonSerializable(typeof(MetaAndAssetCtxsWire))]
[JsonSerializable(typeof(IReadOnlyList<AssetCtxWire>))]
[JsonSerializable(typeof(ClearinghouseStateWire))]
[JsonSerializable(typeof(IReadOnlyList<InfoOrderWire>))]
[JsonSerializable(typeof(OrderStatusWire))]
[JsonSerializable(typeof(IReadOnlyList<OrderStatusEntryWire>))]
[JsonSerializable(typeof(IReadOnlyList<UserFillWire>))]
[JsonSerializable(typeof(IReadOnlyList<CandleWire>))]
[JsonSerializable(typeof(L2BookWire))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, decimal>))]
[JsonSerializable(typeof(IReadOnlyList<FundingHistoryWire>))]
[JsonSerializable(typeof(IReadOnlyList<UserFundingWire>))]
[JsonSerializable(typeof(UserRateLimitWire))]
public sealed partial class InfoJsonContext : JsonSerializerContext;

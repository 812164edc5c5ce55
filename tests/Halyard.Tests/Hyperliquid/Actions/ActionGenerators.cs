using System.Globalization;
using CsCheck;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Tests.Hyperliquid.Actions;

/// <summary>CsCheck generators for every typed L1 action, keys and signing contexts.</summary>
internal static class ActionGenerators
{
    public static readonly Gen<string> WireNumber =
        from mantissa in Gen.OneOf(Gen.Long[0, 1_000], Gen.Long[0, 100_000_000_000])
        from scale in Gen.Int[0, 10]
        select Canonical(new decimal(mantissa) / Pow10(scale));

    public static readonly Gen<Cloid> Cloid = Gen.UInt.Array[4].Select(parts =>
        Halyard.Domain.Cloid.FromInt(((UInt128)parts[0] << 96) | ((UInt128)parts[1] << 64) | ((UInt128)parts[2] << 32) | parts[3]));

    public static readonly Gen<EthAddress> Address = Gen.Byte.Array[20].Select(bytes => EthAddress.FromBytes(bytes));

    public static readonly Gen<int> Asset = Gen.OneOf(Gen.Int[0, 200], Gen.Int[0, 200_000]);

    public static readonly Gen<long> Oid = Gen.OneOf(Gen.Long[0, 300], Gen.Long[0, 200_000_000_000], Gen.Long[0, long.MaxValue]);

    public static readonly Gen<OrderType> OrderType = Gen.OneOf<OrderType>(
        Gen.Enum<TimeInForce>().Select(tif => (OrderType)new LimitOrderType(tif)),
        from isMarket in Gen.Bool
        from px in WireNumber
        from tpsl in Gen.Enum<TpSl>()
        select (OrderType)new TriggerOrderType(isMarket, px, tpsl));

    public static readonly Gen<OrderWire> Order =
        from asset in Asset
        from isBuy in Gen.Bool
        from price in WireNumber
        from size in WireNumber
        from reduceOnly in Gen.Bool
        from type in OrderType
        from hasCloid in Gen.Bool
        from cloid in Cloid
        select new OrderWire(asset, isBuy, price, size, reduceOnly, type, hasCloid ? cloid : null);

    public static readonly Gen<OrderRef> OrderRef = Gen.OneOf(
        Oid.Select(Halyard.Hyperliquid.Actions.OrderRef.ByOid),
        Cloid.Select(Halyard.Hyperliquid.Actions.OrderRef.ByCloid));

    public static readonly Gen<ModifyRequest> Modify =
        from target in OrderRef
        from order in Order
        select new ModifyRequest(target, order);

    public static readonly Gen<IL1Action> Action = Gen.OneOf<IL1Action>(
        from orders in Order.Array[1, 45]
        from grouping in Gen.Enum<OrderGrouping>()
        from hasBuilder in Gen.Bool
        from builder in Address
        from fee in Gen.Int[0, 100]
        select (IL1Action)new OrderAction([.. orders], grouping, hasBuilder ? new BuilderFee(builder, fee) : null),
        Gen.Select(Asset, Oid, (a, o) => new CancelRequest(a, o)).Array[1, 20].Select(c => (IL1Action)new CancelAction([.. c])),
        Gen.Select(Asset, Cloid, (a, c) => new CancelByCloidRequest(a, c)).Array[1, 20].Select(c => (IL1Action)new CancelByCloidAction([.. c])),
        Modify.Select(m => (IL1Action)new ModifyAction(m)),
        Modify.Array[1, 17].Select(m => (IL1Action)new BatchModifyAction([.. m])),
        Gen.Select(Asset, Gen.Bool, Gen.Int[1, 100], (a, c, l) => (IL1Action)new UpdateLeverageAction(a, c, l)),
        Gen.Select(Asset, Gen.Bool, Gen.Long, (a, b, n) => (IL1Action)new UpdateIsolatedMarginAction(a, b, n)),
        Gen.Bool.Select(Gen.Long[0, long.MaxValue], (set, t) => set ? (long?)t : null).Select(t => (IL1Action)new ScheduleCancelAction(t)),
        Gen.Const<IL1Action>(new NoopAction()));

    public static readonly Gen<PrivateKey> Key = Gen.Byte.Array[32]
        .Where(bytes => bytes.Any(b => b != 0) && bytes[0] < 0xff)
        .Select(bytes => PrivateKey.FromHex(Convert.ToHexStringLower(bytes)));

    public static readonly Gen<L1SigningContext> Context =
        from nonce in Gen.Long[0, long.MaxValue]
        from isMainnet in Gen.Bool
        from hasVault in Gen.Bool
        from vault in Address
        from hasExpiry in Gen.Bool
        from expiry in Gen.Long[0, long.MaxValue]
        select new L1SigningContext(nonce, isMainnet, hasVault ? vault : null, hasExpiry ? expiry : null);

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static string Canonical(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}

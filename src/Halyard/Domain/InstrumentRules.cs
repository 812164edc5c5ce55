using Halyard.Domain.Precision;

namespace Halyard.Domain;

/// <summary>
/// What the venue accepts for one perpetual, as data, from <c>meta</c> / <c>metaAndAssetCtxs</c>.
/// </summary>
/// <param name="Name">Coin name as in <c>meta.universe[i].name</c>, e.g. <c>BTC</c>.</param>
/// <param name="AssetId">Index in <c>meta.universe</c>; the <c>a</c> field of every order.</param>
/// <param name="SzDecimals">Decimals allowed in a size.</param>
/// <param name="MaxLeverage">The asset's maximum leverage (integer).</param>
/// <param name="OnlyIsolated">True when cross margin is not allowed.</param>
/// <param name="IsDelisted">True when the coin is delisted (its slot is kept).</param>
public sealed record InstrumentRules(
    string Name,
    int AssetId,
    int SzDecimals,
    int MaxLeverage,
    bool OnlyIsolated = false,
    bool IsDelisted = false)
{
    /// <summary>Perpetuals: prices have at most 6 − szDecimals decimals.</summary>
    public const int PerpMaxDecimals = 6;

    /// <summary>Prices have at most 5 significant figures (integers are always valid).</summary>
    public const int MaxSignificantFigures = 5;

    /// <summary>The venue's minimum order value in USD.</summary>
    public const decimal MinOrderValueUsd = 10m;

    /// <summary>The number of decimals a price may carry.</summary>
    public int MaxPriceDecimals => Math.Max(0, PerpMaxDecimals - SzDecimals);

    /// <summary>A size rounded toward zero to <see cref="SzDecimals"/>: sizes never round up.</summary>
    public decimal RoundSizeDown(decimal size) => decimal.Round(size, SzDecimals, MidpointRounding.ToZero);

    /// <summary>
    /// True when the venue accepts the price as it is: positive and either an integer or at most
    /// <see cref="MaxSignificantFigures"/> significant figures and <see cref="MaxPriceDecimals"/> decimals.
    /// </summary>
    public bool IsValidPrice(decimal price) => PriceGrid.IsValid(price, MaxPriceDecimals);

    /// <summary>True when the venue accepts the size as it is: positive, at most <see cref="SzDecimals"/> decimals.</summary>
    public bool IsValidSize(decimal size) => size > 0m && DecimalDigits.Decimals(size) <= SzDecimals;

    /// <summary>The greatest valid price ≤ <paramref name="price"/>; false when none exists (see <see cref="PriceGrid"/>).</summary>
    public bool TryPriceAtOrBelow(decimal price, out decimal valid) => PriceGrid.TryAtOrBelow(price, MaxPriceDecimals, out valid);

    /// <summary>The least valid price ≥ <paramref name="price"/>; false only for a price that is not positive.</summary>
    public bool TryPriceAtOrAbove(decimal price, out decimal valid) => PriceGrid.TryAtOrAbove(price, MaxPriceDecimals, out valid);

    /// <summary>The distance between neighbouring valid prices around a positive price.</summary>
    public decimal PriceStep(decimal price) => PriceGrid.Step(price, MaxPriceDecimals);

    /// <summary>The smallest valid price of this instrument: 10^−<see cref="MaxPriceDecimals"/>.</summary>
    public decimal MinimumPrice => PriceGrid.MinimumPrice(MaxPriceDecimals);

    /// <summary>The smallest valid size of this instrument: 10^−<see cref="SzDecimals"/>.</summary>
    public decimal MinimumSize => DecimalDigits.Pow10(-SzDecimals);
}

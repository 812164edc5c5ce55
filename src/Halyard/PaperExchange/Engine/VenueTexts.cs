using System.Globalization;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// The venue's error texts (<c>hyperliquid-protocol.md</c> §5), exactly. Per-order errors carry the
/// venue's <c> asset=N</c> suffix (observed on testnet/mainnet). Texts marked "simulator wording" have no
/// known venue original and are listed as such in <c>docs/paper-exchange.md</c>.
/// </summary>
internal static class VenueTexts
{
    public const string TickSize = "Price must be divisible by tick size.";
    public const string InvalidPrice = "Order has invalid price.";
    public const string InvalidSize = "Order has invalid size.";
    public const string MinimumValue = "Order must have minimum value of $10.";
    public const string InsufficientMargin = "Insufficient margin to place order.";
    public const string ReduceOnlyIncrease = "Reduce only order would increase position.";
    public const string IocNoMatch = "Order could not immediately match against any resting orders.";
    public const string InvalidTpsl = "Invalid TP/SL price.";
    public const string PriceBand = "Order price cannot be more than 95% away from the reference price";
    public const string CannotSwitchMode = "Cannot switch leverage type with open position.";
    public const string CrossNotAllowed = "Cross margin is not allowed for this asset.";
    public const string NotIsolated = "Position does not use isolated margin.";
    public const string CrossDecreaseLeverage = "Cross position does not have sufficient margin available to decrease leverage. To decrease leverage, deposit more collateral.";
    public const string IsolatedDecreaseLeverage = "Isolated position does not have sufficient margin available to decrease leverage. To decrease leverage, add margin to the position.";
    public const string MissingOrder = "Order was never placed, already canceled, or filled.";
    public const string CannotModify = "Cannot modify canceled or filled order";
    public const string InvalidLeverage = "Invalid leverage value";
    public const string Expired = "Action already expired";

    /// <summary>The venue's HTTP 422 body for a request it cannot read.</summary>
    public const string Deserialize = "Failed to deserialize the JSON body into the target type";

    // Simulator wording (no venue original known).
    public const string ParentRejected = "TP/SL parent order was rejected.";
    public const string EmptyBatch = "Order batch is empty.";
    public const string TpslNotReduceOnly = "TP/SL orders must be reduce only.";
    public const string TooManyOpenOrders = "Too many open orders.";
    public const string DuplicateCloid = "An open order already has this cloid.";
    public const string InsufficientToRemove = "Insufficient margin to remove from isolated position.";
    public const string ScheduleTooSoon = "Scheduled cancel time must be at least 5 seconds in the future.";
    public const string ScheduleTooMany = "Too many scheduled cancels today (maximum 10).";
    public const string AgentIsUser = "Agent address is already a user.";
    public const string TooManyAgents = "Too many named agents (maximum 3).";
    public const string NonceMismatch = "Invalid nonce: the request nonce must equal the action's nonce.";
    public const string SignatureUnrecoverable = "Signature does not recover to a public key.";

    public static string BadAlo(decimal bid, decimal ask) =>
        string.Create(CultureInfo.InvariantCulture, $"Post only order would have immediately matched, bbo was {PriceMath.Plain(bid)}@{PriceMath.Plain(ask)}.");

    public static string MustDeposit(string user) => $"Must deposit before performing actions. User: {user}";

    public static string VaultNotRegistered(string vault) => $"Vault not registered: {vault}";

    public static string UnknownSigner(string address) => $"User or API Wallet {address} does not exist.";

    public static string ScheduleVolume(decimal required, decimal traded) =>
        string.Create(CultureInfo.InvariantCulture, $"Cannot set scheduled cancel time until enough volume traded. Required: ${PriceMath.Plain(decimal.Round(required))}. Traded: ${PriceMath.Plain(traded)}.");

    public static string WithAsset(string text, int asset) => string.Create(CultureInfo.InvariantCulture, $"{text} asset={asset}");

    public static string UnknownAsset(int asset) => string.Create(CultureInfo.InvariantCulture, $"Asset {asset} does not exist.");

    public static string NoMarketData(string coin) => $"Asset {coin} has no market data in the paper exchange at this time.";


    public static string Unsupported(string type) => $"Action {type} is not supported by the paper exchange.";

    public static string WrongChain(string chain) => $"Action for {chain} sent to a paper exchange of another network.";

    public static string RateLimited(long used, long cap, decimal volume) =>
        string.Create(CultureInfo.InvariantCulture, $"Too many cumulative requests sent ({used} > {cap}) for cumulative volume traded ${decimal.Round(volume, 2):0.00}. Place taker orders to free up 1 request per USDC traded.");
}

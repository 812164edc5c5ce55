using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Exchange;

/// <summary>
/// Signs and posts <c>/exchange</c> actions for one <see cref="SigningIdentity"/>. Every answer is a value:
/// per-order statuses, a classified whole-request rejection, or a transport failure whose
/// <see cref="Error.OutcomeUnknown"/> is kept. No builder fee is ever added: only an
/// <see cref="OrderAction"/> built with a <see cref="BuilderFee"/> carries one.
/// </summary>
public sealed class ExchangeClient
{
    private const string Path = "/exchange";

    private readonly HyperliquidHttp _http;
    private readonly SigningIdentity _identity;
    private readonly NonceGenerator _nonces;
    private readonly ExchangeClientOptions _options;

    /// <param name="nonces">The nonce generator of <paramref name="identity"/>'s signer key (one per key, shared by its users).</param>
    public ExchangeClient(HyperliquidHttp http, SigningIdentity identity, NonceGenerator nonces, ExchangeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _identity = identity;
        _nonces = nonces;
        _options = options;
    }

    public SigningIdentity Identity => _identity;

    /// <summary>The network fields user-signed actions are built with.</summary>
    public UserSignedChain Chain => new(_options.IsMainnet, _options.SignatureChainId);

    /// <summary>Request weight of an action batch: 1 + floor(n / 40).</summary>
    public static int Weight(int batchSize) => RequestWeights.Exchange(batchSize);

    public Task<Result<IReadOnlyList<OrderStatus>>> PlaceOrdersAsync(OrderAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SendL1Async(action, response => ExchangeResponseParser.ParseOrders(response, action.Orders.Length), cancellationToken);
    }

    public Task<Result<IReadOnlyList<CancelStatus>>> CancelAsync(CancelAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SendL1Async(action, response => ExchangeResponseParser.ParseCancels(response, action.Cancels.Length), cancellationToken);
    }

    public Task<Result<IReadOnlyList<CancelStatus>>> CancelByCloidAsync(CancelByCloidAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SendL1Async(action, response => ExchangeResponseParser.ParseCancels(response, action.Cancels.Length), cancellationToken);
    }

    /// <summary>batchModify answers with one order status per modify.</summary>
    public Task<Result<IReadOnlyList<OrderStatus>>> BatchModifyAsync(BatchModifyAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SendL1Async(action, response => ExchangeResponseParser.ParseOrders(response, action.Modifies.Length), cancellationToken);
    }

    public Task<Result<ExchangeAck>> ModifyAsync(ModifyAction action, CancellationToken cancellationToken) =>
        SendL1AckAsync(action, cancellationToken);

    public Task<Result<ExchangeAck>> UpdateLeverageAsync(UpdateLeverageAction action, CancellationToken cancellationToken) =>
        SendL1AckAsync(action, cancellationToken);

    public Task<Result<ExchangeAck>> UpdateIsolatedMarginAsync(UpdateIsolatedMarginAction action, CancellationToken cancellationToken) =>
        SendL1AckAsync(action, cancellationToken);

    public Task<Result<ExchangeAck>> ScheduleCancelAsync(ScheduleCancelAction action, CancellationToken cancellationToken) =>
        SendL1AckAsync(action, cancellationToken);

    public Task<Result<ExchangeAck>> NoopAsync(CancellationToken cancellationToken) =>
        SendL1AckAsync(new NoopAction(), cancellationToken);

    /// <summary>Approves <paramref name="agent"/> as an API wallet of this account (master key only).</summary>
    public Task<Result<ExchangeAck>> ApproveAgentAsync(EthAddress agent, string? agentName, CancellationToken cancellationToken) =>
        SendUserSignedAsync(nonce => new ApproveAgentAction(Chain, agent, agentName, nonce), cancellationToken);

    public Task<Result<ExchangeAck>> UsdSendAsync(EthAddress destination, string amount, CancellationToken cancellationToken) =>
        SendUserSignedAsync(nonce => new UsdSendAction(Chain, destination, amount, nonce), cancellationToken);

    public Task<Result<ExchangeAck>> WithdrawAsync(EthAddress destination, string amount, CancellationToken cancellationToken) =>
        SendUserSignedAsync(nonce => new WithdrawAction(Chain, destination, amount, nonce), cancellationToken);

    public Task<Result<ExchangeAck>> UsdClassTransferAsync(string amount, bool toPerp, CancellationToken cancellationToken) =>
        SendUserSignedAsync(nonce => new UsdClassTransferAction(Chain, amount, toPerp, nonce), cancellationToken);

    public Task<Result<ExchangeAck>> ApproveBuilderFeeAsync(EthAddress builder, string maxFeeRate, CancellationToken cancellationToken) =>
        SendUserSignedAsync(nonce => new ApproveBuilderFeeAction(Chain, maxFeeRate, builder, nonce), cancellationToken);

    private Task<Result<ExchangeAck>> SendL1AckAsync(IL1Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SendL1Async(action, ExchangeResponseParser.ParseAck, cancellationToken);
    }

    /// <summary>Signs <paramref name="action"/> with a fresh nonce, posts it, and parses a 2xx answer with <paramref name="parse"/>.</summary>
    private async Task<Result<T>> SendL1Async<T>(
        IL1Action action,
        Func<byte[], Result<T>> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var nonce = _nonces.Next();
        long? expiresAfter = _options.ExpiresAfter is { } ttl ? nonce + (long)ttl.TotalMilliseconds : null;
        var context = new L1SigningContext(nonce, _options.IsMainnet, _identity.VaultAddress, expiresAfter);
        var body = ExchangeRequest.SignL1(_identity.Signer, action, context);
        var outcome = await _http.PostAsync(Path, body, Weight(action.BatchSize), cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess ? parse(outcome.Value) : Result<T>.Failure(outcome.Error);
    }

    private async Task<Result<ExchangeAck>> SendUserSignedAsync(Func<long, IUserSignedAction> create, CancellationToken cancellationToken)
    {
        if (_identity.IsAgent)
        {
            return Result<ExchangeAck>.Failure(
                new Error(ErrorClass.InvalidParam, "User-signed actions must be signed by the account's own key, not an agent wallet."));
        }

        var nonce = _nonces.Next();
        var body = ExchangeRequest.SignUser(_identity.Signer, create(nonce));
        var outcome = await _http.PostAsync(Path, body, Weight(0), cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess
            ? ExchangeResponseParser.ParseAck(outcome.Value)
            : Result<ExchangeAck>.Failure(outcome.Error);
    }
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Bench;

/// <summary>
/// One typical order action (limit Gtc with cloid): msgpack + keccak + EIP-712 + RFC 6979 ECDSA, the full
/// request body, and signer recovery from the received JSON (what the paper exchange does per request).
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const long Nonce = 1_700_000_000_000;

    // A throwaway key derived from a fixed phrase: benchmarks never hold a real key.
    private readonly PrivateKey _key = PrivateKey.FromHex(
        "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("halyard-bench"u8)));

    private readonly OrderAction _order = new(
        [new OrderWire(4, true, "1670.1", "0.0147", false, new LimitOrderType(TimeInForce.Gtc), Cloid.FromInt(42))]);

    private readonly L1SigningContext _context = new(Nonce, IsMainnet: true);

    private JsonDocument _received = null!;
    private Signature _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _received = JsonDocument.Parse(ActionJson.ToUtf8(_order));
        _signature = L1Signer.Sign(_key, _order, _context);
    }

    [GlobalCleanup]
    public void Cleanup() => _received.Dispose();

    [Benchmark(Baseline = true)]
    public Signature SignOrder() => L1Signer.Sign(_key, _order, _context);

    [Benchmark]
    public byte[] SignOrderRequestBody() => ExchangeRequest.SignL1(_key, _order, _context);

    [Benchmark]
    public Halyard.Domain.Result<Halyard.Domain.EthAddress> RecoverOrderSigner() =>
        SignatureRecovery.RecoverL1Signer(_received.RootElement, Nonce, null, null, _signature, isMainnet: true);

    [Benchmark]
    public byte[] HashOnly() => L1Signer.Digest(_order, _context);
}

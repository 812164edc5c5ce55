using System.Diagnostics;
using System.Globalization;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Bench;

/// <summary>
/// Halyard's half of bench/peer-signing: signs the same order actions as <c>bench/peer-signing/sdk.mjs</c>
/// (limit Gtc buy of 0.0147 at 1670.1 on asset 4, cloid = i, nonce = 1,700,000,000,000 + i, mainnet) with
/// the same throwaway key (SHA-256 of "halyard-bench"), one core, and prints one JSON line: the count,
/// the seconds, signatures per second, the signing backend and the first and last signature (the script
/// checks they equal the SDK's, so both sides signed the same bytes).
/// Run: dotnet bench/Halyard.Bench/bin/Release/net10.0/Halyard.Bench.dll peer-signing 5000
/// </summary>
internal static class PeerSigning
{
    private const long FirstNonce = 1_700_000_000_000;

    public static int Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var key = PrivateKey.FromHex("0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("halyard-bench"u8)));
        for (var i = 0; i < 200; i++)
        {
            _ = Sign(key, i);
        }

        var first = Sign(key, 0);
        var last = first;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            last = Sign(key, i);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"impl":"halyard","backend":"{{Ecdsa.Backend.ToString().ToLowerInvariant()}}","count":{{count}},"seconds":{{seconds:0.000}},"perSecond":{{count / seconds:0}},"first":"{{Text(first)}}","last":"{{Text(last)}}"}"""));
        return 0;
    }

    private static Signature Sign(PrivateKey key, int i) =>
        L1Signer.Sign(
            key,
            new OrderAction([new OrderWire(4, true, "1670.1", "0.0147", false, new LimitOrderType(TimeInForce.Gtc), Cloid.FromInt((UInt128)i))]),
            new L1SigningContext(FirstNonce + i, IsMainnet: true));

    private static string Text(Signature s) => s.R + s.S[2..] + s.V.ToString("x2", CultureInfo.InvariantCulture);
}

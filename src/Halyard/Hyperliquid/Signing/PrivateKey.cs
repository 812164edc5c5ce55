using System.Diagnostics;
using Halyard.Domain;
using Org.BouncyCastle.Math;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// A secp256k1 private key. It never prints itself: <see cref="ToString"/> and the debugger show only the
/// address, and no exception message ever contains key material. Load it from an environment variable or
/// a key file; <see cref="FromHex"/> is for the public test keys.
/// </summary>
[DebuggerDisplay("PrivateKey({Address})")]
public sealed class PrivateKey
{
    private readonly BigInteger _d;

    private PrivateKey(BigInteger d)
    {
        _d = d;
        Address = Secp256k1.AddressOf(Secp256k1.PublicKeyOf(d));
    }

    /// <summary>The address of this key.</summary>
    public EthAddress Address { get; }

    /// <summary>Parses 64 hex digits, with or without <c>0x</c>; surrounding whitespace is ignored.</summary>
    public static PrivateKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var text = hex.AsSpan().Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length != 64)
        {
            throw new FormatException("A private key is 64 hex digits (optionally 0x-prefixed).");
        }

        Span<byte> bytes = stackalloc byte[32];
        if (Convert.FromHexString(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            throw new FormatException("A private key is 64 hex digits (optionally 0x-prefixed).");
        }

        var d = new BigInteger(1, bytes);
        bytes.Clear();
        if (d.SignValue == 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new FormatException("The private key is outside the secp256k1 range.");
        }

        return new PrivateKey(d);
    }

    /// <summary>
    /// The hex key held by the environment variable <paramref name="variableName"/>, whose
    /// <paramref name="value"/> the composition root read (this type reads no environment itself).
    /// Messages name the variable, never the value.
    /// </summary>
    public static PrivateKey FromVariable(string variableName, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Environment variable '{variableName}' holding the private key is not set.");
        }

        try
        {
            return FromHex(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Environment variable '{variableName}' does not hold a valid private key (64 hex digits).");
        }
    }

    /// <summary>Reads the hex key from a file (its only content; surrounding whitespace is trimmed).</summary>
    public static PrivateKey FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Private key file not found.", path);
        }

        try
        {
            return FromHex(File.ReadAllText(path));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Key file '{path}' does not hold a valid private key (64 hex digits).");
        }
    }

    /// <summary>Signs a 32-byte digest directly (no further hashing): RFC 6979, low s, v = 27 + recovery id.</summary>
    public Signature SignDigest(ReadOnlySpan<byte> digest) => Secp256k1.Sign(_d, digest);

    public override string ToString() => $"PrivateKey({Address})";
}

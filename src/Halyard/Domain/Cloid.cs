using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Halyard.Domain;

/// <summary>
/// A Hyperliquid client order id: 16 bytes, written on the wire as <c>0x</c> + 32 lowercase hex digits.
/// The only way to obtain one is through validation, so every instance is canonical.
/// </summary>
public readonly record struct Cloid
{
    private readonly string? _hex;

    private Cloid(string hex) => _hex = hex;

    /// <summary>The canonical wire text (<c>0x</c> + 32 lowercase hex digits).</summary>
    public string Value => _hex ?? throw new InvalidOperationException("Uninitialised Cloid.");

    public static Cloid FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16)
        {
            throw new ArgumentException("A cloid is exactly 16 bytes.", nameof(bytes));
        }

        return new Cloid("0x" + Convert.ToHexStringLower(bytes));
    }

    /// <summary>Python SDK <c>Cloid.from_int</c>: the integer as 32 hex digits.</summary>
    public static Cloid FromInt(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return FromBytes(bytes);
    }

    public static Cloid FromGuid(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        return FromBytes(bytes);
    }

    /// <summary>
    /// A cloid derived deterministically from the parts of an intent: the first 16 bytes of
    /// SHA-256 over the parts joined by a unit separator. Same intent, same cloid.
    /// </summary>
    public static Cloid Derive(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join('\u001f', parts);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return FromBytes(hash[..16]);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Cloid cloid)
    {
        cloid = default;
        if (text is null || text.Length != 34 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        cloid = new Cloid("0x" + text[2..].ToLowerInvariant());
        return true;
    }

    public static Cloid Parse(string text) =>
        TryParse(text, out var cloid)
            ? cloid
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Not a cloid (0x + 32 hex digits): '{text}'."));

    public override string ToString() => _hex ?? "<no cloid>";
}

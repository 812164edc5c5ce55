using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Halyard.Domain;

/// <summary>
/// A 20-byte Ethereum address. Its only text form is canonical: <c>0x</c> + 40 lowercase hex digits
/// (the form that is hashed and sent). Parsing accepts any letter case (EIP-55 checksums are not
/// verified, only the hex digits).
/// </summary>
public readonly record struct EthAddress
{
    /// <summary>Length in bytes.</summary>
    public const int Length = 20;

    private readonly string? _hex;

    private EthAddress(string hex) => _hex = hex;

    /// <summary>The canonical text: <c>0x</c> + 40 lowercase hex digits.</summary>
    public string Value => _hex ?? throw new InvalidOperationException("Uninitialised EthAddress.");

    /// <summary>The zero address <c>0x0000…0000</c>.</summary>
    public static EthAddress Zero { get; } = new("0x" + new string('0', 40));

    public static EthAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("An address is exactly 20 bytes.", nameof(bytes));
        }

        return new EthAddress("0x" + Convert.ToHexStringLower(bytes));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out EthAddress address)
    {
        address = default;
        if (text is null || text.Length != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
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

        address = new EthAddress("0x" + text[2..].ToLowerInvariant());
        return true;
    }

    public static EthAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Not an address (0x + 40 hex digits): '{text}'."));

    /// <summary>The 20 raw bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(Value.AsSpan(2));

    /// <summary>Writes the 20 raw bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("Destination shorter than 20 bytes.", nameof(destination));
        }

        Convert.FromHexString(Value.AsSpan(2), destination[..Length], out _, out _);
    }

    public override string ToString() => _hex ?? "<no address>";
}

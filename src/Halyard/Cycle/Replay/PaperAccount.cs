using System.Security.Cryptography;
using System.Text;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Cycle.Replay;

/// <summary>
/// The throwaway account of a paper run when the configuration names none: a key derived from a fixed
/// label, so every replay signs with the same key and reproduces the same requests. It only ever holds
/// paper money on the paper exchange; it is never used against a real venue.
/// </summary>
public static class PaperAccount
{
    public static PrivateKey Key(string label = "halyard paper account")
    {
        ArgumentNullException.ThrowIfNull(label);
        return PrivateKey.FromHex(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label))));
    }
}

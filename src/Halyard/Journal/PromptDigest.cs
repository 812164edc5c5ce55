using System.Security.Cryptography;
using System.Text;

namespace Halyard.Journal;

/// <summary>The journal's prompt digest: <c>sha256:</c> + lowercase hex of SHA-256 over the UTF-8 prompt.</summary>
public static class PromptDigest
{
    public const string Prefix = "sha256:";

    public static string Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)));
    }
}

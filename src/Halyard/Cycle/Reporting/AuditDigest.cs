using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Halyard.Cycle.Reporting;

/// <summary>
/// The order fingerprint of a run: SHA-256 over the <c>action</c> of every <c>/exchange</c> request in the
/// paper exchange's audit log (<c>exchange.jsonl</c>), in order, one compact JSON line each. Nonces,
/// signatures and responses are left out, so two runs that sent the same orders have the same digest.
/// </summary>
public static class AuditDigest
{
    /// <summary>The digest (lowercase hex) and the number of requests; (null, 0) when the file is missing.</summary>
    public static (string? Sha256, int Requests) Of(string auditPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(auditPath);
        if (!File.Exists(auditPath))
        {
            return (null, 0);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var requests = 0;
        foreach (var line in File.ReadLines(auditPath))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var action = document.RootElement.TryGetProperty("request", out var request)
                && request.ValueKind == JsonValueKind.Object && request.TryGetProperty("action", out var a)
                ? a.GetRawText()
                : "null";
            hash.AppendData(Encoding.UTF8.GetBytes(action + "\n"));
            requests++;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), requests);
    }
}

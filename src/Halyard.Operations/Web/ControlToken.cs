using System.Security.Cryptography;
using System.Text.Json;

namespace Halyard.Operations.Web;

/// <summary>Where a running <c>halyard run</c> listens (<c>control.json</c>, next to the owner-only <c>control.token</c>).</summary>
public sealed record ControlEndpoint(string Url, int ProcessId, DateTimeOffset Started);

/// <summary>
/// The control API's bearer token: 32 random bytes (hex), written at start to <c>control.token</c> in the journal
/// folder, readable by its owner only (mode 600); <c>control.json</c> says where the API listens.
/// </summary>
public static class ControlToken
{
    public const string TokenFile = "control.token";
    public const string EndpointFile = "control.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Writes the token to <c>FOLDER/control.token</c>, created owner-only (an old file is replaced).</summary>
    public static string Write(string folder, string token)
    {
        var path = Path.Combine(folder, TokenFile);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token);
        }

        return path;
    }

    public static void WriteEndpoint(string folder, ControlEndpoint endpoint) =>
        File.WriteAllText(Path.Combine(folder, EndpointFile), JsonSerializer.Serialize(endpoint, Json));

    /// <summary>The endpoint and token of the process running on <paramref name="folder"/>, or why there is none.</summary>
    public static (ControlEndpoint? Endpoint, string? Token, string? Problem) Read(string folder)
    {
        var endpointPath = Path.Combine(folder, EndpointFile);
        var tokenPath = Path.Combine(folder, TokenFile);
        if (!File.Exists(endpointPath) || !File.Exists(tokenPath))
        {
            return (null, null, $"no running halyard run on {Path.GetFullPath(folder)} (no {EndpointFile} / {TokenFile})");
        }

        var endpoint = JsonSerializer.Deserialize<ControlEndpoint>(File.ReadAllText(endpointPath), Json);
        return endpoint is null ? (null, null, EndpointFile + " is empty") : (endpoint, File.ReadAllText(tokenPath).Trim(), null);
    }

    /// <summary>Removes both files (the process is stopping).</summary>
    public static void Remove(string folder)
    {
        File.Delete(Path.Combine(folder, EndpointFile));
        File.Delete(Path.Combine(folder, TokenFile));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Cycle.Live;

/// <summary>The venue a journal folder belongs to, and the scope its cloids carry (<c>venue.json</c> in the folder).</summary>
/// <param name="Network">paper (with its URL), testnet or mainnet.</param>
/// <param name="Account">The trading account (the vault when one is set), lowercase.</param>
/// <param name="CloidScope">Random, made once with the folder: a wiped journal gets a new one, so cloids are never reused.</param>
public sealed record JournalVenue(string Network, string Account, string CloidScope);

/// <summary>
/// One process per account, and one account per journal folder. <see cref="Acquire"/> takes an exclusive lock
/// keyed by network + account in the journal folder and in the machine's temporary folder (so a second
/// <c>halyard run</c> on the same account fails even with another <c>journal.dir</c>), then reads or writes the
/// folder's <c>venue.json</c>, refusing a folder made for another network or account. The operating system
/// drops the locks when the process ends, however it ends (a SIGKILL included).
/// </summary>
public sealed class AccountClaim : IDisposable
{
    public const string VenueFileName = "venue.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private readonly List<FileStream> _locks;

    private AccountClaim(List<FileStream> locks, JournalVenue venue)
    {
        _locks = locks;
        Venue = venue;
    }

    public JournalVenue Venue { get; }

    /// <summary>Claims <paramref name="account"/> on <paramref name="network"/> for this process and the folder; an error text when it cannot.</summary>
    public static Result<AccountClaim> Acquire(string folder, string network, string account, string? machineLockFolder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        account = account.ToLowerInvariant();
        var key = Key(network, account);
        var locks = new List<FileStream>();
        try
        {
            foreach (var path in new[] { Path.Combine(folder, "halyard-" + key + ".lock"), Path.Combine(machineLockFolder ?? Path.Combine(Path.GetTempPath(), "halyard-locks"), key + ".lock") })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                FileStream stream;
                try
                {
                    stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    Release(locks);
                    return Error.Invalid($"another halyard run already trades {network} account {account} (lock {path} is held): one process per account; stop it first");
                }

                locks.Add(stream);
                stream.SetLength(0);
                stream.Write(System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            var file = Path.Combine(folder, VenueFileName);
            if (File.Exists(file))
            {
                var known = JsonSerializer.Deserialize<JournalVenue>(File.ReadAllText(file), Json);
                if (known is null || known.Network != network || !string.Equals(known.Account, account, StringComparison.Ordinal))
                {
                    Release(locks);
                    return Error.Invalid($"journal.dir {folder} belongs to {known?.Network} account {known?.Account}; this run trades {network} account {account}: choose another journal.dir");
                }

                return new AccountClaim(locks, known);
            }

            var venue = new JournalVenue(network, account, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(venue, Json));
            File.Move(temporary, file, overwrite: true);
            return new AccountClaim(locks, venue);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            Release(locks);
            return Error.Invalid($"journal.dir {folder}: {ex.Message}");
        }
    }

    public void Dispose() => Release(_locks);

    private static void Release(List<FileStream> locks)
    {
        foreach (var stream in locks)
        {
            stream.Dispose();
        }

        locks.Clear();
    }

    private static string Key(string network, string account)
    {
        var text = (network + "-" + account).ToLowerInvariant();
        return new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
    }
}

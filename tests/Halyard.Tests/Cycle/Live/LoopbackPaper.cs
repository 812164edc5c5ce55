using Halyard.Cycle.Configuration;
using Halyard.Tests.PaperExchange.Conformance;

namespace Halyard.Tests.Cycle.Live;

/// <summary>A <c>halyard run</c> configuration against a standalone paper exchange on loopback, signed with the conformance account's public test key.</summary>
internal static class LoopbackPaper
{
    /// <summary>The environment variable the configuration names for the key (read through <see cref="Environment"/>, never the process's).</summary>
    public const string KeyVariable = "HALYARD_LOOPBACK_TEST_KEY";

    public static HalyardConfig Config(Uri baseUrl, string journalDir) => HalyardConfig.Default() with
    {
        Exchange = new ExchangeConfig { Provider = ExchangeProvider.Paper, BaseUrl = baseUrl, Signer = new SignerConfig { KeyEnv = KeyVariable } },
        Journal = new JournalConfig { Dir = journalDir },
    };

    public static string? Environment(string name) => name == KeyVariable ? ConformanceVenue.AccountKeyHex : null;
}

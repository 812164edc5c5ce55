using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Hosting;
using Halyard.Tests.PaperExchange.Conformance;
using Halyard.Tests.Journal;
using Halyard.Tests.PaperExchange.Support;

namespace Halyard.Tests.Cycle.Live;

/// <summary>The start-up probe of a standalone paper exchange (<c>exchange.base_url</c>) over loopback HTTP.</summary>
public sealed class LiveVenueProbeTests
{
    [Fact]
    public async Task ConnectAsync_VenueFailingItsFirstReads_RetriesAndConnects()
    {
        // The exchange answers 503 for its first 1.5 s: a restart landing then must wait, not exit.
        var clock = new ScaledClock(TimeProvider.System, PaperHarness.T0, 1.0);
        var options = new PaperExchangeOptions
        {
            Accounts = [new FundedAccount(PrivateKey.FromHex(ConformanceVenue.AccountKeyHex).Address.Value, 10_000m)],
            Faults = new FaultOptions { DownAfter = TimeSpan.Zero, DownFor = TimeSpan.FromSeconds(1.5) },
        };
        using var engine = new PaperExchangeEngine(options, clock, null);
        await using var server = await PaperExchangeServer.StartAsync(engine, 0, CancellationToken.None);
        using var dir = new TempDirectory();
        var config = LoopbackPaper.Config(server.BaseAddress, dir.File("journal"));

        var connected = await LiveVenue.ConnectAsync(config, dir.File("run"), LoopbackPaper.Environment, CancellationToken.None);

        Assert.True(connected.IsSuccess, connected.IsSuccess ? null : connected.Error.Message);
        using var venue = connected.Value;
        Assert.True(clock.GetUtcNow() >= PaperHarness.T0 + TimeSpan.FromSeconds(1.5));
        Assert.Contains(server.BaseAddress.ToString(), venue.Description, StringComparison.Ordinal);
    }
}

using Halyard.Cycle.Configuration;
using Halyard.PaperExchange;

namespace Halyard.Tests.PaperExchange;

public sealed class PaperExchangeConfigMappingTests
{
    [Fact]
    public void ToOptions_EveryConfiguredKeyArrives()
    {
        var config = new PaperExchangeConfig
        {
            InitialEquity = 5_000m,
            Fund = [new PaperFund("0x000000000000000000000000000000000000BEEF", 7m)],
            Fees = new PaperFees { TakerBps = 5m, MakerBps = -1m },
            DataDir = "/data",
            Faults = new FaultConfig
            {
                Seed = 3,
                Exchange = new FaultRates { Http5xx = 0.1m, RateLimited = 0.2m, Timeout = 0.05m, ResponseLost = 0.05m, Malformed = 0.01m, Latency = TimeSpan.FromMilliseconds(20) },
                Info = new FaultRates { Http5xx = 0.5m },
                RetryAfter = TimeSpan.FromSeconds(2),
                DownAfter = TimeSpan.FromHours(1),
                DownFor = TimeSpan.FromMinutes(5),
            },
        };

        var options = config.ToOptions("0x00000000000000000000000000000000000000AA", "/run/exchange.jsonl");

        Assert.Equal(
            [new FundedAccount("0x00000000000000000000000000000000000000aa", 5_000m), new FundedAccount("0x000000000000000000000000000000000000beef", 7m)],
            options.Accounts);
        Assert.Equal(new FeeOptions(5m, -1m), options.Fees);
        Assert.Equal("/data", options.DataDirectory);
        Assert.Equal("/run/exchange.jsonl", options.AuditLogPath);
        Assert.Equal(3, options.Faults.Seed);
        Assert.Equal(new EndpointFaultOptions(0.1, 0.2, 0.05, 0.05, 0.01, TimeSpan.FromMilliseconds(20)), options.Faults.Exchange);
        Assert.Equal(0.5, options.Faults.Info.Http5xx);
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), (options.Faults.RetryAfter, options.Faults.DownAfter!.Value, options.Faults.DownFor));
        Assert.Empty(options.Validate());
    }
}

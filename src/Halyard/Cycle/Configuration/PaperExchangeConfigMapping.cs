using Halyard.PaperExchange;
using Halyard.PaperExchange.Streaming;

namespace Halyard.Cycle.Configuration;

/// <summary>Builds <see cref="PaperExchangeOptions"/> from the loaded <c>paper_exchange</c> YAML section.</summary>
public static class PaperExchangeConfigMapping
{
    /// <param name="runAccount">The run's own account, credited with <c>initial_equity</c>; null = only <c>fund[]</c>.</param>
    /// <param name="auditLogPath">The audit file when <c>audit_log</c> is not set (a replay passes its run folder's <c>exchange.jsonl</c>).</param>
    public static PaperExchangeOptions ToOptions(this PaperExchangeConfig config, string? runAccount, string? auditLogPath = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var accounts = new List<FundedAccount>();
        if (runAccount is not null)
        {
            accounts.Add(new FundedAccount(runAccount.ToLowerInvariant(), config.InitialEquity));
        }

        foreach (var fund in config.Fund)
        {
            accounts.Add(new FundedAccount(fund.Address.ToLowerInvariant(), fund.Equity));
        }

        return new PaperExchangeOptions
        {
            Accounts = accounts,
            Fees = new FeeOptions(config.Fees.TakerBps, config.Fees.MakerBps),
            DataDirectory = config.DataDir,
            AuditLogPath = config.AuditLog ?? auditLogPath,
            Faults = new FaultOptions
            {
                Seed = config.Faults.Seed,
                Exchange = Rates(config.Faults.Exchange),
                Info = Rates(config.Faults.Info),
                RetryAfter = config.Faults.RetryAfter,
                DownAfter = config.Faults.DownAfter,
                DownFor = config.Faults.DownFor,
                Socket = new SocketFaultOptions((double)config.Faults.Socket.Drop, (double)config.Faults.Socket.Disconnect, (double)config.Faults.Socket.Silence, config.Faults.Socket.Delay),
            },
        };
    }

    private static EndpointFaultOptions Rates(FaultRates rates) => new(
        (double)rates.Http5xx,
        (double)rates.RateLimited,
        (double)rates.Timeout,
        (double)rates.ResponseLost,
        (double)rates.Malformed,
        rates.Latency);
}

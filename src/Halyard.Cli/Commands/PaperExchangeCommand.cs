using System.CommandLine;
using System.Globalization;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Hosting;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard paper-exchange</c>: the paper exchange as a standalone venue on 127.0.0.1, replaying a historical
/// window of the bundled (or a user-supplied) market data in real time or N× faster. Any Hyperliquid SDK
/// pointed at its URL can trade against it.
/// </summary>
internal static class PaperExchangeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 8080 };
        var fund = new Option<string[]>("--fund") { Description = "fund an account: 0xADDRESS:USDC (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<FileInfo?>("--config") { Description = "a halyard YAML file; its paper_exchange section is used" };
        var speed = new Option<double>("--speed") { Description = "replay N× real time", DefaultValueFactory = _ => 1.0 };
        var from = new Option<string?>("--from") { Description = "replay start, UTC date or time (default: 30 days before --to)" };
        var to = new Option<string?>("--to") { Description = "replay end, UTC (default: the end of the data); the clock stops there" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "market data directory laid out like data/ (default: the bundled data)" };
        var audit = new Option<FileInfo?>("--audit") { Description = "append one JSON line per /exchange request to this file" };
        var command = new Command("paper-exchange", "Serve a Hyperliquid-faithful paper exchange on 127.0.0.1 (POST /info, POST /exchange).")
        {
            port, fund, config, speed, from, to, data, audit,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new Arguments(
                result.GetValue(port),
                result.GetValue(fund) ?? [],
                result.GetValue(config),
                result.GetValue(speed),
                result.GetValue(from),
                result.GetValue(to),
                result.GetValue(data),
                result.GetValue(audit)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        if (!TryBuildOptions(arguments, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        var marketData = options.DataDirectory is { } directory ? MarketDataSet.FromDirectory(directory) : MarketDataSet.Embedded;
        if (!CommandConfig.TryTime(arguments.From, "--from", Console.Error, out var from)
            || !CommandConfig.TryTime(arguments.To, "--to", Console.Error, out var to))
        {
            return 2;
        }

        // The replay's window rules: --to defaults to the end of the data, --from to 30 days before it,
        // never before the start of the data.
        var window = ReplayWindow.Resolve(marketData, options.PriceInterval, from, to);
        if (!window.IsSuccess)
        {
            await Console.Error.WriteLineAsync(window.Error.Message).ConfigureAwait(false);
            return 2;
        }

        var (start, end) = (window.Value.From, window.Value.To);

        var clock = new ScaledClock(TimeProvider.System, start, arguments.Speed, end);
        // At N× speed a client's cycles (and their reads) come N× faster per wall minute: the per-IP weight budget
        // is a budget per minute of the replayed market, so it scales with the speed (1× keeps the venue's 1,200).
        if (arguments.Speed > 1.0 && options.IpWeightPerMinute > 0)
        {
            options = options with { IpWeightPerMinute = (int)Math.Min(int.MaxValue, options.IpWeightPerMinute * arguments.Speed) };
        }

        // Market data, fills and funding on the replayed clock; nonces, expiresAfter and scheduleCancel on the wall
        // clock, which is what every client signs with.
        using var engine = new PaperExchangeEngine(options, clock, marketData, protocolTime: TimeProvider.System);
        await using var server = await PaperExchangeServer.StartAsync(engine, arguments.Port, cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Paper exchange on {server.BaseAddress} (POST /info, POST /exchange), {(options.IsMainnet ? "mainnet" : "testnet")} signatures."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Replaying {start:u} → {end:u} at {arguments.Speed}× real time ({marketData.Description} data)."));
        foreach (var account in options.Accounts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Funded {account.Address} with {account.Usdc} USDC."));
        }

        Console.WriteLine("Ctrl+C stops.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return 0;
    }

    private static bool TryBuildOptions(Arguments arguments, out PaperExchangeOptions options, out string error)
    {
        options = new PaperExchangeOptions();
        error = string.Empty;
        if (arguments.Config is { } file)
        {
            var loaded = HalyardConfigLoader.Load(file.FullName);
            if (!loaded.Succeeded)
            {
                error = loaded.Describe();
                return false;
            }

            options = loaded.Config.PaperExchange.ToOptions(loaded.Config.Exchange.AccountAddress);
        }

        var accounts = new List<FundedAccount>(options.Accounts);
        foreach (var text in arguments.Fund)
        {
            if (!FundedAccount.TryParse(text, out var account))
            {
                error = $"--fund '{text}': expected 0xADDRESS:USDC (0x + 40 hex digits, a non-negative amount).";
                return false;
            }

            accounts.Add(account!);
        }

        if (!(arguments.Speed > 0) || double.IsInfinity(arguments.Speed))
        {
            error = "--speed: a positive number (1 = real time).";
            return false;
        }

        options = options with
        {
            Accounts = accounts,
            DataDirectory = arguments.Data?.FullName ?? options.DataDirectory,
            AuditLogPath = arguments.Audit?.FullName ?? options.AuditLogPath,
        };
        var problems = options.Validate();
        error = string.Join(Environment.NewLine, problems);
        return problems.Count == 0;
    }

    private sealed record Arguments(
        int Port,
        string[] Fund,
        FileInfo? Config,
        double Speed,
        string? From,
        string? To,
        DirectoryInfo? Data,
        FileInfo? Audit);
}

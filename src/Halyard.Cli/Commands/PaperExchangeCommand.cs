using System.CommandLine;
using System.Globalization;
using Halyard.Cycle.Configuration;
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
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

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
        if (!TryWindow(arguments, marketData, options.PriceInterval, out var start, out var end, out error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        var clock = new ScaledClock(TimeProvider.System, start, arguments.Speed, end);
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

    private static bool TryWindow(Arguments arguments, MarketDataSet data, string interval, out DateTimeOffset start, out DateTimeOffset end, out string error)
    {
        start = end = default;
        error = string.Empty;
        var range = data.CommonRange(interval);
        if (!TryParseTime(arguments.To, "--to", range?.End, out end, out error))
        {
            return false;
        }

        if (!TryParseTime(arguments.From, "--from", end - DefaultWindow, out start, out error))
        {
            return false;
        }

        if (start >= end)
        {
            error = "--from must be before --to.";
            return false;
        }

        return true;
    }

    private static bool TryParseTime(string? text, string name, DateTimeOffset? fallback, out DateTimeOffset value, out string error)
    {
        error = string.Empty;
        if (text is null)
        {
            value = fallback ?? default;
            if (fallback is null)
            {
                error = name + ": the data has no common range on the price interval; give the window explicitly.";
            }

            return fallback is not null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        error = $"{name} '{text}': expected a UTC date or time, e.g. 2025-07-01 or 2025-07-01T12:00:00Z.";
        return false;
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

using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Reads <c>exchange</c> and <c>paper_exchange</c>.</summary>
internal static class VenueReader
{
    public static ExchangeConfig ReadExchange(MappingReader r, ReadContext ctx)
    {
        var d = new ExchangeConfig();
        var provider = r.Value("provider", d.Provider, Scalars.Enum(
            ("paper", ExchangeProvider.Paper), ("testnet", ExchangeProvider.Testnet), ("mainnet", ExchangeProvider.Mainnet)));
        var config = new ExchangeConfig
        {
            Provider = provider,
            BaseUrl = r.Optional("base_url", Scalars.HttpUrl),
            AccountAddress = r.Optional("account_address", Scalars.Address),
            VaultAddress = r.Optional("vault_address", Scalars.Address),
            Signer = r.Raw("signer") is { } node ? ReadSigner(new MappingReader(node, r.Child("signer"), ConfigSchema.Signer, ctx.Diag), ctx) : null,
        };
        if (provider != ExchangeProvider.Paper)
        {
            var name = Names.Of(provider);
            if (config.AccountAddress is null)
            {
                r.Error("account_address", null, $"required for {name}: the master account whose balances and positions are queried; allowed: {Scalars.Address.Allowed}");
            }

            if (config.Signer is null)
            {
                r.Error("signer", null, $"required for {name}: key_env NAME or key_file PATH of the signing (agent) key");
            }
        }

        r.Finish();
        return config;
    }

    public static PaperExchangeConfig ReadPaper(MappingReader r, ReadContext ctx)
    {
        var d = new PaperExchangeConfig();
        var config = new PaperExchangeConfig
        {
            InitialEquity = r.Value("initial_equity", d.InitialEquity, Scalars.Positive(1e12m, "a USD amount > 0")),
            Fund = ReadFunds(r, ctx),
            Fees = ReadFees(r.Mapping("fees", ConfigSchema.Fees)),
            DataDir = ctx.InputPath(r, "data_dir", directory: true),
            AuditLog = r.Optional("audit_log", Scalars.Path),
            Faults = ReadFaults(r.Mapping("faults", ConfigSchema.Faults)),
        };
        r.Finish();
        return config;
    }

    private static SignerConfig ReadSigner(MappingReader r, ReadContext ctx)
    {
        var signer = new SignerConfig
        {
            KeyEnv = r.Optional("key_env", Scalars.EnvName),
            KeyFile = ctx.InputPath(r, "key_file"),
        };
        if (r.Has("key_env") && r.Has("key_file"))
        {
            r.Error("key_file", null, "give key_env or key_file, not both");
        }
        else if (!r.Has("key_env") && !r.Has("key_file"))
        {
            r.Error("key_env", null, "one of key_env (an environment-variable NAME) or key_file (a PATH) is required");
        }

        ctx.CheckEnvironment(r, "key_env", signer.KeyEnv);
        r.Finish();
        return signer;
    }

    private static IReadOnlyList<PaperFund> ReadFunds(MappingReader r, ReadContext ctx)
    {
        var items = r.Sequence("fund");
        if (items is null)
        {
            return [];
        }

        var funds = new List<PaperFund>();
        foreach (var (node, path) in items)
        {
            var f = new MappingReader(node, path, ConfigSchema.Fund, ctx.Diag);
            if (MappingReader.IsNull(node) || (f.Node is YamlMappingNode && !f.Has("address")))
            {
                f.Error("address", null, $"required; allowed: {Scalars.Address.Allowed}");
            }

            var fund = new PaperFund(
                f.Optional("address", Scalars.Address) ?? "",
                f.Value("equity", 10_000m, Scalars.Positive(1e12m, "a USD amount > 0")));
            f.Finish();
            if (fund.Address.Length > 0 && funds.Any(x => x.Address == fund.Address))
            {
                ctx.Diag.Error(path + ".address", node, fund.Address, "this address is funded twice");
            }

            funds.Add(fund);
        }

        return funds;
    }

    private static PaperFees ReadFees(MappingReader r)
    {
        var d = new PaperFees();
        var fees = new PaperFees
        {
            TakerBps = r.Value("taker_bps", d.TakerBps, Scalars.Number(0m, 100m, "basis points from 0 to 100")),
            MakerBps = r.Value("maker_bps", d.MakerBps, Scalars.Number(-10m, 100m, "basis points from -10 to 100 (negative: a rebate)")),
        };
        r.Finish();
        return fees;
    }

    private static FaultConfig ReadFaults(MappingReader r)
    {
        var d = new FaultConfig();
        var oneYear = TimeSpan.FromDays(365);
        var faults = new FaultConfig
        {
            Seed = r.Value("seed", d.Seed, Scalars.Int(0, int.MaxValue)),
            Exchange = ReadRates(r, "/exchange"),
            RetryAfter = r.Value("retry_after", d.RetryAfter, Scalars.Duration(TimeSpan.Zero, TimeSpan.FromHours(1))),
            DownAfter = r.OptionalValue("down_after", Scalars.Duration(TimeSpan.Zero, oneYear)),
            DownFor = r.Value("down_for", d.DownFor, Scalars.Duration(TimeSpan.Zero, oneYear)),
            Info = ReadInfoRates(r.Mapping("info", ConfigSchema.FaultsInfo)),
            Socket = ReadSocket(r.Mapping("socket", ConfigSchema.FaultsSocket)),
        };
        if (faults.DownAfter is not null && faults.DownFor == TimeSpan.Zero)
        {
            r.Warning("down_for", "0s", "down_after is set but the outage lasts 0s: the venue never goes down");
        }
        else if (faults.DownAfter is null && faults.DownFor > TimeSpan.Zero)
        {
            r.Warning("down_for", Names.Of(faults.DownFor), "ignored without down_after");
        }

        r.Finish();
        return faults;
    }

    private static SocketFaultConfig ReadSocket(MappingReader r)
    {
        var socket = new SocketFaultConfig
        {
            Drop = r.Value("drop", 0m, Scalars.Probability),
            Disconnect = r.Value("disconnect", 0m, Scalars.Probability),
            Silence = r.Value("silence", 0m, Scalars.Probability),
            Delay = r.Value("delay", TimeSpan.Zero, Scalars.Duration(TimeSpan.Zero, TimeSpan.FromMinutes(5))),
        };
        var total = socket.Drop + socket.Disconnect + socket.Silence;
        if (total > 1m)
        {
            r.ErrorHere(Names.Of(total), "drop + disconnect + silence per pushed message add up to more than 1; allowed: a sum <= 1 (at most one fault per message)");
        }

        r.Finish();
        return socket;
    }

    private static FaultRates ReadInfoRates(MappingReader r)
    {
        var rates = ReadRates(r, "/info");
        r.Finish();
        return rates;
    }

    private static FaultRates ReadRates(MappingReader r, string endpoint)
    {
        var rates = new FaultRates
        {
            Http5xx = r.Value("http_5xx", 0m, Scalars.Probability),
            RateLimited = r.Value("rate_limited", 0m, Scalars.Probability),
            Timeout = r.Value("timeout", 0m, Scalars.Probability),
            ResponseLost = r.Value("response_lost", 0m, Scalars.Probability),
            Malformed = r.Value("malformed", 0m, Scalars.Probability),
            Latency = r.Value("latency", TimeSpan.Zero, Scalars.Duration(TimeSpan.Zero, TimeSpan.FromMinutes(5))),
        };
        if (rates.Total > 1m)
        {
            r.ErrorHere(Names.Of(rates.Total),
                $"the fault probabilities per {endpoint} request add up to more than 1; allowed: a sum <= 1 (at most one fault per request)");
        }

        return rates;
    }
}

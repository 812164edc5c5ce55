using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Reads the whole document: the sections in dependency order, then the cross-section checks.</summary>
internal static class DocumentReader
{
    public static HalyardConfig Read(YamlNode? root, ReadContext ctx)
    {
        var r = new MappingReader(root, "", ConfigSchema.Root, ctx.Diag);
        r.AcceptFormerName(ConfigSchema.FormerDecisionMakerKey, "decision_maker");
        var exchange = VenueReader.ReadExchange(r.Mapping("exchange", ConfigSchema.Exchange), ctx);
        var decisionMaker = DecisionMakerReader.Read(r.Mapping("decision_maker", ConfigSchema.DecisionMaker), ctx);
        var config = new HalyardConfig
        {
            Exchange = exchange,
            DecisionMaker = decisionMaker,
            Traders = ReadTraders(r, ctx, exchange.Provider),
            Features = RunReader.ReadFeatures(r.Mapping("features", ConfigSchema.Features)),
            PaperExchange = VenueReader.ReadPaper(r.Mapping("paper_exchange", ConfigSchema.PaperExchange), ctx),
            Execution = RunReader.ReadExecution(r.Mapping("execution", ConfigSchema.Execution)),
            MarketData = RunReader.ReadMarketData(r.Mapping("market_data", ConfigSchema.MarketData)),
            Journal = RunReader.ReadJournal(r.Mapping("journal", ConfigSchema.Journal)),
            Replay = RunReader.ReadReplay(r.Mapping("replay", ConfigSchema.Replay)),
            Logging = OperationsReader.ReadLogging(r.Mapping("logging", ConfigSchema.Logging)),
            Alerts = OperationsReader.ReadAlerts(r.Mapping("alerts", ConfigSchema.Alerts)),
            Control = OperationsReader.ReadControl(r.Mapping("control", ConfigSchema.Control)),
        };
        r.Finish();
        CrossChecks.Run(config, root, ctx.Diag);
        return config;
    }

    private static IReadOnlyList<TraderConfig> ReadTraders(MappingReader r, ReadContext ctx, ExchangeProvider venue)
    {
        var items = r.Sequence("traders");
        if (items is null)
        {
            if (r.Raw("traders") is null)
            {
                return [HalyardConfig.Default().Traders[0] with { ExchangeProvider = venue }];
            }

            return [];
        }

        if (items.Count == 0)
        {
            r.Error("traders", "[]", "allowed: a list of at least one trader (omit the key for one default trader)");
        }

        return items.Select(item => TraderReader.Read(item.Node, item.Path, ctx, venue)).ToArray();
    }
}

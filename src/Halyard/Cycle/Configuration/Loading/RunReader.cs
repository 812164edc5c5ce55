using Halyard.Execution;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Reads <c>features</c>, <c>execution</c>, <c>journal</c> and <c>replay</c>.</summary>
internal static class RunReader
{
    public static FeatureFlags ReadFeatures(MappingReader r)
    {
        var off = new List<string>();
        bool F(string key)
        {
            var on = r.Value(key, true, Scalars.Bool);
            if (!on)
            {
                off.Add(key);
            }

            return on;
        }

        var flags = new FeatureFlags
        {
            MultiDecision = F("multi_decision"),
            SltpOrchestration = F("sltp_orchestration"),
            IdempotentRetries = F("idempotent_retries"),
            WebSocket = F("websocket"),
            WebSocketCrossCheck = r.Value("websocket_cross_check", new FeatureFlags().WebSocketCrossCheck, Scalars.Duration(TimeSpan.FromMinutes(1), TimeSpan.FromDays(1))),
            Guards = new GuardSwitches
            {
                Gating = F("gating"),
                MinConfidence = F("min_confidence"),
                RiskReward = F("risk_reward"),
                LeverageCap = F("leverage_cap"),
                ValueBands = F("value_bands"),
                MaxPositionSize = F("max_position_size"),
                MarginUsage = F("margin_usage"),
                Liquidity = F("liquidity"),
                Cooldown = F("cooldown"),
                MaxPositions = F("max_positions"),
                NoPyramiding = F("no_pyramiding"),
                NewOpensPerCycle = F("new_opens_per_cycle"),
                NewOpensPerHour = F("new_opens_per_hour"),
                ScaleIn = r.Value("scale_in", false, Scalars.Bool),
            },
        };
        foreach (var key in off)
        {
            r.Warning(key, "false", key == "sltp_orchestration"
                ? "switched off: new positions get no stop-loss or take-profit"
                : $"switched off ({ConfigSchema.Features.CommentOf(key)})");
        }

        r.Finish();
        return flags;
    }

    public static ExecutionConfig ReadExecution(MappingReader r)
    {
        var d = new ExecutionConfig();
        var bps = Scalars.Positive(1000m, "basis points > 0 and <= 1000");
        var config = new ExecutionConfig
        {
            Entry = r.Value("entry", d.Entry, Scalars.Enum(("ioc", EntryMode.Ioc), ("gtc", EntryMode.Gtc))),
            SlippageBps = r.Value("slippage_bps", d.SlippageBps, bps),
            GtcTimeout = r.Value("gtc_timeout", d.GtcTimeout, Scalars.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))),
            CloseSlippageBps = r.Value("close_slippage_bps", d.CloseSlippageBps, bps),
            MarginMode = r.Value("margin_mode", d.MarginMode, Scalars.Enum(("cross", MarginMode.Cross), ("isolated", MarginMode.Isolated))),
            DeadMansSwitch = r.Value("dead_mans_switch", d.DeadMansSwitch, DurationOrOff),
            ExternalPositions = r.Value("external_positions", d.ExternalPositions,
                Scalars.Enum(("leave", ExternalPositionPolicy.Leave), ("adopt", ExternalPositionPolicy.Adopt))),
            MaxAttempts = r.Value("max_attempts", d.MaxAttempts, Scalars.Int(1, 10)),
            BackoffBase = r.Value("backoff_base", d.BackoffBase, Scalars.Duration(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1))),
            RateLimitBackoff = r.Value("rate_limit_backoff", d.RateLimitBackoff, Scalars.Duration(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10))),
            ExpiresAfter = r.Value("expires_after", d.ExpiresAfter, ExpiryOrOff),
            OnStop = r.Value("on_stop", d.OnStop, Scalars.Enum(("keep", StopPolicy.Keep), ("flatten", StopPolicy.Flatten))),
            ShutdownGrace = r.Value("shutdown_grace", d.ShutdownGrace, Scalars.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30))),
            ShadowPricePoll = r.Value("shadow_price_poll", d.ShadowPricePoll, Scalars.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10))),
            ClosedAfterMissingReads = r.Value("closed_after_missing_reads", d.ClosedAfterMissingReads, Scalars.Int(1, 10)),
        };
        r.Finish();
        return config;
    }

    public static MarketDataConfig ReadMarketData(MappingReader r)
    {
        var d = new MarketDataConfig();
        var config = new MarketDataConfig
        {
            IntradayInterval = r.Value("intraday_interval", d.IntradayInterval, IntradayInterval),
            MaxCandidates = r.Value("max_candidates", d.MaxCandidates, Scalars.Int(0, 100)),
        };
        r.Finish();
        return config;
    }

    public static JournalConfig ReadJournal(MappingReader r)
    {
        var d = new JournalConfig();
        var journal = new JournalConfig
        {
            Dir = r.Value("dir", d.Dir, Scalars.Path),
            Sqlite = r.Value("sqlite", d.Sqlite, Scalars.Bool),
            FullPrompt = r.Value("full_prompt", d.FullPrompt, Scalars.Bool),
        };
        r.Finish();
        return journal;
    }

    public static ReplayConfig ReadReplay(MappingReader r)
    {
        var d = new ReplayConfig();
        var replay = new ReplayConfig
        {
            From = r.OptionalValue("from", Scalars.UtcTime),
            To = r.OptionalValue("to", Scalars.UtcTime),
            Out = r.Value("out", d.Out, Scalars.Path),
            Reads = r.Value("reads", d.Reads, Scalars.Enum(("typed", ReplayReads.Typed), ("http", ReplayReads.Http))),
            Pushes = r.Value("pushes", d.Pushes, Scalars.Enum(("typed", ReplayPushes.Typed), ("json", ReplayPushes.Json))),
        };
        if (replay is { From: { } from, To: { } to } && from >= to)
        {
            r.Error("to", Names.Of(to), $"must be after replay.from ({Names.Of(from)})");
        }

        r.Finish();
        return replay;
    }

    /// <summary>A candle interval that divides one hour (what the snapshot builder accepts).</summary>
    private static Scalar<CandleInterval> IntradayInterval { get; } = new(
        "one of 1m, 3m, 5m, 15m, 30m, 1h",
        text => CandleInterval.TryParse(text, out var interval) && TimeSpan.FromHours(1).Ticks % interval.Duration.Ticks == 0
            ? (true, interval)
            : (false, null!));

    /// <summary><c>off</c>, or how long past its nonce an action stays valid: longer than the 10 s request timeout, at most 1 h.</summary>
    private static Scalar<TimeSpan?> ExpiryOrOff { get; } = new(
        "off, or a duration from 11s to 1h (such as 15s)",
        text => text is "off" or "false"
            ? (true, null)
            : DurationText.TryParse(text, out var v) && v >= TimeSpan.FromSeconds(11) && v <= TimeSpan.FromHours(1) ? (true, v) : (false, null));

    /// <summary><c>off</c> (or <c>false</c>), or a <c>scheduleCancel</c> window of at least 5 s (the venue's minimum).</summary>
    private static Scalar<TimeSpan?> DurationOrOff { get; } = new(
        "off, or a duration from 5s to 24h (such as 10m)",
        text => text is "off" or "false"
            ? (true, null)
            : DurationText.TryParse(text, out var v) && v >= TimeSpan.FromSeconds(5) && v <= TimeSpan.FromDays(1) ? (true, v) : (false, null));
}

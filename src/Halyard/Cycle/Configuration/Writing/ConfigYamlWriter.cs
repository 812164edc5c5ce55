namespace Halyard.Cycle.Configuration.Writing;

/// <summary>
/// Writes a configuration as a commented YAML document (<c>halyard config init</c>) that loads back to
/// the same configuration. Every key is written; unset optional keys appear commented out.
/// </summary>
internal static class ConfigYamlWriter
{
    public static string Write(HalyardConfig config)
    {
        var y = new YamlLines();
        y.Comment("Halyard configuration. Every key is documented in docs/configuration.md.");
        y.Comment("Durations: 30s, 15m, 1h, 2h30m, 250ms. Percentages are 0..100, probabilities 0..1.");
        y.Comment("Secrets never go in this file: name an environment variable (api_key_env, key_env) or a key file.");
        y.Blank();
        Traders(y, config);
        y.Blank();
        y.Open(0, ConfigSchema.Root, "decision_maker");
        DecisionMaker(y, 2, ConfigSchema.DecisionMaker, config.DecisionMaker);
        y.Blank();
        Features(y, config.Features);
        y.Blank();
        Exchange(y, config.Exchange);
        y.Blank();
        Paper(y, config.PaperExchange);
        y.Blank();
        Execution(y, config.Execution);
        y.Blank();
        y.Open(0, ConfigSchema.Root, "market_data");
        y.Key(2, ConfigSchema.MarketData, "intraday_interval", config.MarketData.IntradayInterval.Name);
        y.Key(2, ConfigSchema.MarketData, "max_candidates", Names.Of(config.MarketData.MaxCandidates));
        y.Blank();
        Output(y, config.Journal, config.Replay);
        y.Blank();
        Operations(y, config);
        return y.ToString();
    }

    private static void Traders(YamlLines y, HalyardConfig config)
    {
        y.Open(0, ConfigSchema.Root, "traders");
        var s = ConfigSchema.Trader;
        foreach (var t in config.Traders)
        {
            y.Key(4, s, "id", t.Id, prefix: "- ");
            y.Key(4, s, "name", YamlLines.Quote(t.Name));
            y.Key(4, s, "decision_interval", Names.Of(t.DecisionInterval));
            y.Key(4, s, "exchange_provider", Names.Of(t.ExchangeProvider));
            y.Key(4, s, "market_provider", Names.Of(t.MarketProvider));
            y.Key(4, s, "allocation_pct", Names.Of(t.AllocationPct));
            y.Key(4, s, "shadow", Names.Of(t.Shadow));
            Optional(y, 4, s, "shadow_equity", t.ShadowEquity is { } se ? Names.Of(se) : null, "10000");
            y.Open(4, s, "risk_params");
            var r = t.RiskParams;
            var rs = ConfigSchema.RiskParams;
            y.Key(6, rs, "major_coin_leverage", Names.Of(r.MajorCoinLeverage));
            y.Key(6, rs, "altcoin_leverage", Names.Of(r.AltcoinLeverage));
            y.Key(6, rs, "leverage_over_cap", Names.Of(r.LeverageOverCap));
            y.Key(6, rs, "size_over_cap", Names.Of(r.SizeOverCap));
            y.Key(6, rs, "max_loss_per_trade_pct", Names.Of(r.MaxLossPerTradePct));
            y.Key(6, rs, "loss_over_cap", Names.Of(r.LossOverCap));
            y.Key(6, rs, "max_adds_per_position", Names.Of(r.MaxAddsPerPosition));
            y.Key(6, rs, "min_confidence", Names.Of(r.MinConfidence));
            y.Key(6, rs, "min_risk_reward_ratio", Names.Of(r.MinRiskRewardRatio));
            y.Key(6, rs, "max_positions", Names.Of(r.MaxPositions));
            y.Key(6, rs, "max_position_size_usd", Names.Of(r.MaxPositionSizeUsd));
            y.Key(6, rs, "major_coins", "[" + string.Join(", ", r.MajorCoins) + "]");
            y.Open(4, s, "exec_guards");
            var g = t.ExecGuards;
            var gs = ConfigSchema.ExecGuards;
            y.Key(6, gs, "max_new_positions_per_cycle", Names.Of(g.MaxNewPositionsPerCycle));
            y.Key(6, gs, "max_new_positions_per_hour", Names.Of(g.MaxNewPositionsPerHour));
            y.Key(6, gs, "cooldown_after_close", Names.Of(g.CooldownAfterClose));
            y.Key(6, gs, "liquidity_threshold_usd", Names.Of(g.LiquidityThresholdUsd));
            y.Key(6, gs, "max_margin_usage_pct", Names.Of(g.MaxMarginUsagePct));
            y.Key(6, gs, "btceth_position_value_min_equity_multiple", Names.Of(g.BtcEthPositionValueMinEquityMultiple));
            y.Key(6, gs, "btceth_position_value_max_equity_multiple", Names.Of(g.BtcEthPositionValueMaxEquityMultiple));
            y.Key(6, gs, "alt_position_value_min_equity_multiple", Names.Of(g.AltPositionValueMinEquityMultiple));
            y.Key(6, gs, "alt_position_value_max_equity_multiple", Names.Of(g.AltPositionValueMaxEquityMultiple));
            y.Key(6, gs, "sharpe_pause_threshold", Names.Of(g.SharpePauseThreshold));
            y.Key(6, gs, "pause_duration_on_breach", Names.Of(g.PauseDurationOnBreach));
            y.Key(6, gs, "sharpe_window", Names.Of(g.SharpeWindow));
            y.Key(6, gs, "max_daily_loss_pct", Names.Of(g.MaxDailyLossPct));
            y.Key(6, gs, "max_drawdown_pct", Names.Of(g.MaxDrawdownPct));
            y.Key(6, gs, "on_breach", Names.Of(g.OnBreach));
            y.Key(6, gs, "gated_confidence_boost", Names.Of(g.GatedConfidenceBoost));
            y.Key(6, gs, "min_order_value_usd", Names.Of(g.MinOrderValueUsd));
            y.Open(4, s, "memory");
            y.Key(6, ConfigSchema.Memory, "reasoning_chars", Names.Of(t.Memory.ReasoningChars));
            y.Key(6, ConfigSchema.Memory, "recent_trades", Names.Of(t.Memory.RecentTrades));
            if (t.DecisionMaker is { } own)
            {
                y.Open(4, s, "decision_maker");
                DecisionMaker(y, 6, ConfigSchema.TraderDecisionMaker, own);
            }
            else
            {
                y.Unset(4, s, "decision_maker", "{ provider: openai, model: ..., api_key_env: ... }");
            }
        }
    }

    private static void DecisionMaker(YamlLines y, int i, SchemaSection s, DecisionMakerConfig e)
    {
        y.Key(i, s, "provider", Names.Of(e.Provider));
        Optional(y, i, s, "model", e.Model is null ? null : YamlLines.Quote(e.Model), "gpt-4o-mini");
        Optional(y, i, s, "base_url", e.BaseUrl is null ? null : YamlLines.Quote(e.BaseUrl.ToString()), "https://api.deepseek.com/v1");
        Optional(y, i, s, "api_key_env", e.ApiKeyEnv, "OPENAI_API_KEY");
        y.Key(i, s, "timeout", Names.Of(e.Timeout));
        y.Key(i, s, "max_output_tokens", Names.Of(e.MaxOutputTokens));
        Optional(y, i, s, "temperature", e.Temperature is { } t ? Names.Of(t) : null, "0.2");
        y.Key(i, s, "structured_output", Names.Of(e.StructuredOutput));
        Optional(y, i, s, "cassette", e.Cassette is null ? null : YamlLines.Quote(e.Cassette), "cassettes/run1.jsonl");
        Optional(y, i, s, "prompt_template", e.PromptTemplate is null ? null : YamlLines.Quote(e.PromptTemplate), "prompts/system.txt");
        y.Key(i, s, "staleness_max_age", Names.Of(e.StalenessMaxAge));
        y.Key(i, s, "staleness_max_move_bps", Names.Of(e.StalenessMaxMoveBps));
    }

    private static void Features(YamlLines y, FeatureFlags f)
    {
        y.Open(0, ConfigSchema.Root, "features");
        var s = ConfigSchema.Features;
        (string Key, bool On)[] flags =
        [
            ("multi_decision", f.MultiDecision), ("sltp_orchestration", f.SltpOrchestration),
            ("idempotent_retries", f.IdempotentRetries), ("websocket", f.WebSocket), ("gating", f.Guards.Gating), ("min_confidence", f.Guards.MinConfidence),
            ("risk_reward", f.Guards.RiskReward), ("leverage_cap", f.Guards.LeverageCap), ("value_bands", f.Guards.ValueBands),
            ("max_position_size", f.Guards.MaxPositionSize), ("margin_usage", f.Guards.MarginUsage), ("liquidity", f.Guards.Liquidity),
            ("cooldown", f.Guards.Cooldown), ("max_positions", f.Guards.MaxPositions), ("no_pyramiding", f.Guards.NoPyramiding),
            ("new_opens_per_cycle", f.Guards.NewOpensPerCycle), ("new_opens_per_hour", f.Guards.NewOpensPerHour),
            ("scale_in", f.Guards.ScaleIn),
        ];
        foreach (var (key, on) in flags)
        {
            y.Key(2, s, key, Names.Of(on));
        }

        y.Key(2, s, "websocket_cross_check", Names.Of(f.WebSocketCrossCheck));
    }

    private static void Exchange(YamlLines y, ExchangeConfig e)
    {
        y.Open(0, ConfigSchema.Root, "exchange");
        var s = ConfigSchema.Exchange;
        y.Key(2, s, "provider", Names.Of(e.Provider));
        Optional(y, 2, s, "base_url", e.BaseUrl is null ? null : YamlLines.Quote(e.BaseUrl.ToString()), "\"http://127.0.0.1:8787\"");
        Optional(y, 2, s, "account_address", e.AccountAddress, "0x0000000000000000000000000000000000000000");
        Optional(y, 2, s, "vault_address", e.VaultAddress, "0x0000000000000000000000000000000000000000");
        if (e.Signer is { } signer)
        {
            y.Open(2, s, "signer");
            Optional(y, 4, ConfigSchema.Signer, "key_env", signer.KeyEnv, "HALYARD_AGENT_KEY");
            Optional(y, 4, ConfigSchema.Signer, "key_file", signer.KeyFile is null ? null : YamlLines.Quote(signer.KeyFile), "keys/agent.key");
        }
        else
        {
            y.Unset(2, s, "signer", "{ key_env: HALYARD_AGENT_KEY }");
        }
    }

    private static void Paper(YamlLines y, PaperExchangeConfig p)
    {
        y.Open(0, ConfigSchema.Root, "paper_exchange");
        var s = ConfigSchema.PaperExchange;
        y.Key(2, s, "initial_equity", Names.Of(p.InitialEquity));
        if (p.Fund.Count == 0)
        {
            y.Key(2, s, "fund", "[]");
        }
        else
        {
            y.Open(2, s, "fund");
            foreach (var f in p.Fund)
            {
                y.Key(6, ConfigSchema.Fund, "address", f.Address, prefix: "- ");
                y.Key(6, ConfigSchema.Fund, "equity", Names.Of(f.Equity));
            }
        }

        y.Open(2, s, "fees");
        y.Key(4, ConfigSchema.Fees, "taker_bps", Names.Of(p.Fees.TakerBps));
        y.Key(4, ConfigSchema.Fees, "maker_bps", Names.Of(p.Fees.MakerBps));
        Optional(y, 2, s, "data_dir", p.DataDir is null ? null : YamlLines.Quote(p.DataDir), "my-data/");
        Optional(y, 2, s, "audit_log", p.AuditLog is null ? null : YamlLines.Quote(p.AuditLog), "exchange.jsonl");
        y.Open(2, s, "faults");
        var fs = ConfigSchema.Faults;
        y.Key(4, fs, "seed", Names.Of(p.Faults.Seed));
        Rates(y, 4, fs, p.Faults.Exchange);
        y.Key(4, fs, "retry_after", Names.Of(p.Faults.RetryAfter));
        Optional(y, 4, fs, "down_after", p.Faults.DownAfter is { } after ? Names.Of(after) : null, "2h");
        y.Key(4, fs, "down_for", Names.Of(p.Faults.DownFor));
        y.Open(4, fs, "info");
        Rates(y, 6, ConfigSchema.FaultsInfo, p.Faults.Info);
        y.Open(4, fs, "socket");
        var ss = ConfigSchema.FaultsSocket;
        y.Key(6, ss, "drop", Names.Of(p.Faults.Socket.Drop));
        y.Key(6, ss, "disconnect", Names.Of(p.Faults.Socket.Disconnect));
        y.Key(6, ss, "silence", Names.Of(p.Faults.Socket.Silence));
        y.Key(6, ss, "delay", Names.Of(p.Faults.Socket.Delay));
    }

    private static void Rates(YamlLines y, int i, SchemaSection s, FaultRates r)
    {
        y.Key(i, s, "http_5xx", Names.Of(r.Http5xx));
        y.Key(i, s, "rate_limited", Names.Of(r.RateLimited));
        y.Key(i, s, "timeout", Names.Of(r.Timeout));
        y.Key(i, s, "response_lost", Names.Of(r.ResponseLost));
        y.Key(i, s, "malformed", Names.Of(r.Malformed));
        y.Key(i, s, "latency", Names.Of(r.Latency));
    }

    private static void Execution(YamlLines y, ExecutionConfig e)
    {
        y.Open(0, ConfigSchema.Root, "execution");
        var s = ConfigSchema.Execution;
        y.Key(2, s, "entry", Names.Of(e.Entry));
        y.Key(2, s, "slippage_bps", Names.Of(e.SlippageBps));
        y.Key(2, s, "gtc_timeout", Names.Of(e.GtcTimeout));
        y.Key(2, s, "close_slippage_bps", Names.Of(e.CloseSlippageBps));
        y.Key(2, s, "margin_mode", Names.Of(e.MarginMode));
        y.Key(2, s, "dead_mans_switch", e.DeadMansSwitch is { } dms ? Names.Of(dms) : "off");
        y.Key(2, s, "external_positions", Names.Of(e.ExternalPositions));
        y.Key(2, s, "max_attempts", Names.Of(e.MaxAttempts));
        y.Key(2, s, "backoff_base", Names.Of(e.BackoffBase));
        y.Key(2, s, "rate_limit_backoff", Names.Of(e.RateLimitBackoff));
        y.Key(2, s, "expires_after", e.ExpiresAfter is { } ttl ? Names.Of(ttl) : "off");
        y.Key(2, s, "on_stop", e.OnStop == StopPolicy.Keep ? "keep" : "flatten");
        y.Key(2, s, "shutdown_grace", Names.Of(e.ShutdownGrace));
        y.Key(2, s, "shadow_price_poll", Names.Of(e.ShadowPricePoll));
        y.Key(2, s, "closed_after_missing_reads", Names.Of(e.ClosedAfterMissingReads));
    }

    private static void Output(YamlLines y, JournalConfig j, ReplayConfig r)
    {
        y.Open(0, ConfigSchema.Root, "journal");
        y.Key(2, ConfigSchema.Journal, "dir", YamlLines.Quote(j.Dir));
        y.Key(2, ConfigSchema.Journal, "sqlite", Names.Of(j.Sqlite));
        y.Key(2, ConfigSchema.Journal, "full_prompt", Names.Of(j.FullPrompt));
        y.Blank();
        y.Open(0, ConfigSchema.Root, "replay");
        Optional(y, 2, ConfigSchema.Replay, "from", r.From is { } from ? Names.Of(from) : null, "2025-10-01");
        Optional(y, 2, ConfigSchema.Replay, "to", r.To is { } to ? Names.Of(to) : null, "2025-10-31");
        y.Key(2, ConfigSchema.Replay, "out", YamlLines.Quote(r.Out));
        y.Key(2, ConfigSchema.Replay, "reads", r.Reads == ReplayReads.Http ? "http" : "typed");
        y.Key(2, ConfigSchema.Replay, "pushes", r.Pushes == ReplayPushes.Json ? "json" : "typed");
    }

    private static void Operations(YamlLines y, HalyardConfig config)
    {
        y.Open(0, ConfigSchema.Root, "logging");
        y.Key(2, ConfigSchema.Logging, "format", config.Logging.Format == LogFormat.Json ? "json" : "plain");
        y.Key(2, ConfigSchema.Logging, "level", config.Logging.Level);
        y.Blank();
        y.Open(0, ConfigSchema.Root, "alerts");
        Optional(y, 2, ConfigSchema.Alerts, "webhook_url", config.Alerts.WebhookUrl?.ToString(), "http://127.0.0.1:9000/halyard");
        Optional(y, 2, ConfigSchema.Alerts, "command", config.Alerts.Command is { } c ? YamlLines.Quote(c) : null, "\"notify-send Halyard\"");
        y.Blank();
        y.Open(0, ConfigSchema.Root, "control");
        y.Key(2, ConfigSchema.Control, "enabled", Names.Of(config.Control.Enabled));
        y.Key(2, ConfigSchema.Control, "port", Names.Of(config.Control.Port));
    }

    private static void Optional(YamlLines y, int indent, SchemaSection s, string key, string? value, string example)
    {
        if (value is null)
        {
            y.Unset(indent, s, key, example);
        }
        else
        {
            y.Key(indent, s, key, value);
        }
    }
}

namespace Halyard.Cycle.Configuration;

/// <summary>One key the loader knows, with the one-line comment written next to it by <c>config init</c>.</summary>
public sealed record SchemaKey(string Name, string Comment);

/// <summary>One mapping of the document; <see cref="Path"/> writes list items as <c>[]</c>.</summary>
public sealed record SchemaSection(string Path, IReadOnlyList<SchemaKey> Keys)
{
    public bool Contains(string key) => Keys.Any(k => k.Name == key);

    public string CommentOf(string key) =>
        Keys.FirstOrDefault(k => k.Name == key)?.Comment
        ?? throw new InvalidOperationException($"'{key}' is not a key of {Path}.");

    /// <summary>Full paths of the keys, e.g. <c>traders[].exec_guards.cooldown_after_close</c>.</summary>
    public IEnumerable<string> KeyPaths => Keys.Select(k => Path.Length == 0 ? k.Name : Path + "." + k.Name);
}

/// <summary>
/// Every key of the configuration document, section by section. The loader accepts exactly these keys
/// (anything else is an error), the writer comments them, and a test checks that
/// <c>docs/configuration.md</c> documents each one.
/// </summary>
public static class ConfigSchema
{
    private static SchemaSection S(string path, params (string Name, string Comment)[] keys) =>
        new(path, keys.Select(k => new SchemaKey(k.Name, k.Comment)).ToArray());

    public static SchemaSection Root { get; } = S(
        "",
        ("traders", "one entry per trader; each gets allocation_pct of the equity"),
        ("decision_maker", "the decision maker: baseline | openai | anthropic | recorded"),
        ("features", "rollout switches and one switch per Validator guard (all on by default)"),
        ("exchange", "where orders go: paper | testnet | mainnet"),
        ("paper_exchange", "the simulator's accounts, fees, data and faults"),
        ("execution", "order workflow and retry policy"),
        ("market_data", "candidates and the intraday candle interval of the snapshots"),
        ("journal", "the decision-cycle journal of `halyard run`"),
        ("replay", "the window and run folder of `halyard replay`"),
        ("logging", "the diagnostic log of `halyard run` (console and a rolling file in the journal folder)"),
        ("alerts", "webhook and command hook for alerts"),
        ("control", "the loopback control API, /metrics and dashboard of `halyard run`"));

    public static SchemaSection Trader { get; } = S(
        "traders[]",
        ("id", "lowercase letters, digits, - and _ (<= 32 chars), unique"),
        ("name", "display name (default: the id)"),
        ("decision_interval", "cycle cadence, 1m..24h"),
        ("exchange_provider", "paper | testnet | mainnet; must equal exchange.provider"),
        ("market_provider", "hyperliquid (the venue's own data)"),
        ("allocation_pct", "share of the equity, 0 < pct <= 100; the sum over traders <= 100"),
        ("shadow", "trade an own in-process paper account on the live prices, never the configured account"),
        ("shadow_equity", "a shadow trader's starting USDC (default: the live account's equity at start)"),
        ("risk_params", "per-decision limits"),
        ("exec_guards", "execution guards"),
        ("memory", "what the model is reminded of: its positions' plans, recent trades"),
        ("decision_maker", "optional decision maker for this trader only (same keys; replaces the top-level one)"));

    public static SchemaSection RiskParams { get; } = S(
        "traders[].risk_params",
        ("major_coin_leverage", "leverage cap for major_coins, >= 1"),
        ("altcoin_leverage", "leverage cap for every other coin, >= 1"),
        ("leverage_over_cap", "clamp | deny a leverage above min(cap, asset max)"),
        ("size_over_cap", "clamp | deny a value above the band max or max_position_size_usd"),
        ("max_loss_per_trade_pct", "0 < pct <= 100; loss if the stop fills (fees, slippage) / equity"),
        ("loss_over_cap", "clamp | deny an open whose loss at the stop exceeds max_loss_per_trade_pct"),
        ("max_adds_per_position", "0..100 scale-ins per held position (features.scale_in)"),
        ("min_confidence", "0..100; opens below it are rejected"),
        ("min_risk_reward_ratio", "> 0; reward / risk measured from the live price"),
        ("max_positions", ">= 1 open positions at once"),
        ("max_position_size_usd", "> 0; notional cap per position"),
        ("major_coins", "coins with the major leverage cap and the BTC/ETH value band"));

    public static SchemaSection ExecGuards { get; } = S(
        "traders[].exec_guards",
        ("max_new_positions_per_cycle", ">= 0 new opens per cycle"),
        ("max_new_positions_per_hour", ">= 0 new opens in any rolling hour"),
        ("cooldown_after_close", "no new open on a coin this long after it was closed"),
        ("liquidity_threshold_usd", ">= 0; open interest x price must reach it"),
        ("max_margin_usage_pct", "0 < pct <= 100; (used + new margin) / equity"),
        ("btceth_position_value_min_equity_multiple", "BTC/ETH position value >= this x equity"),
        ("btceth_position_value_max_equity_multiple", "BTC/ETH position value <= this x equity"),
        ("alt_position_value_min_equity_multiple", "altcoin position value >= this x equity"),
        ("alt_position_value_max_equity_multiple", "altcoin position value <= this x equity"),
        ("sharpe_pause_threshold", "recent Sharpe below it gates the trader"),
        ("pause_duration_on_breach", "how long new opens pause after a breach"),
        ("sharpe_window", ">= 10 per-cycle returns (cycles with exposure) of the gate's Sharpe"),
        ("max_daily_loss_pct", "0 < pct <= 100; loss from the UTC day's opening equity that stops new opens"),
        ("max_drawdown_pct", "0 < pct <= 100; fall from the equity high-water mark that stops new opens until resumed"),
        ("on_breach", "pause | flatten when a circuit breaker trips"),
        ("gated_confidence_boost", "0..100 points added to min_confidence while gated"),
        ("min_order_value_usd", ">= 10; smallest order value after rounding the size down"));

    public static SchemaSection Memory { get; } = S(
        "traders[].memory",
        ("reasoning_chars", "20..4000 characters of a position's entry reasoning shown to the model"),
        ("recent_trades", "0..50 last closed trades shown to the model"));

    private static readonly (string, string)[] DecisionMakerKeys =
    [
        ("provider", "baseline | openai | anthropic | recorded"),
        ("model", "model name (required for openai and anthropic)"),
        ("base_url", "endpoint override, e.g. http://127.0.0.1:11434/v1 for Ollama"),
        ("api_key_env", "NAME of the environment variable holding the API key (never the key)"),
        ("timeout", "per LLM call"),
        ("max_output_tokens", "1..1000000"),
        ("temperature", "0..2; omit to keep the provider's default"),
        ("structured_output", "auto | on | off (JSON-schema output where supported)"),
        ("cassette", "JSON-lines file of recorded responses (required for recorded)"),
        ("prompt_template", "file replacing the built-in prompt template"),
        ("staleness_max_age", "an answer older than this is discarded (hold)"),
        ("staleness_max_move_bps", "a decision whose price moved more than this since the snapshot is discarded"),
    ];

    /// <summary>The former name of <c>decision_maker</c> (top level and per trader): still read, with a deprecation warning.</summary>
    public const string FormerDecisionMakerKey = "executor";

    public static SchemaSection DecisionMaker { get; } = S("decision_maker", DecisionMakerKeys);

    public static SchemaSection TraderDecisionMaker { get; } = S("traders[].decision_maker", DecisionMakerKeys);

    public static SchemaSection Features { get; } = S(
        "features",
        ("multi_decision", "several decisions per cycle (off: the first actionable one only)"),
        ("sltp_orchestration", "reduce-only stop-loss/take-profit after every fill"),
        ("idempotent_retries", "cloid-based retries and settlement of unresolved submits"),
        ("websocket", "account, orders and mids pushed over the WebSocket (shadow state) instead of polled; reactions between cycles"),
        ("websocket_cross_check", "how often the pushed state is compared with a poll (1m..24h)"),
        ("gating", "Sharpe gating: stricter prompt, raised min_confidence, pause"),
        ("min_confidence", "guard: confidence >= min_confidence"),
        ("risk_reward", "guard: reward / risk >= min_risk_reward_ratio"),
        ("leverage_cap", "guard: leverage <= major/alt cap (the asset max always applies)"),
        ("value_bands", "guard: position value within the equity-multiple bands"),
        ("max_position_size", "guard: position value <= max_position_size_usd"),
        ("margin_usage", "guard: (used + new margin) / equity <= max_margin_usage_pct"),
        ("liquidity", "guard: open interest x price >= liquidity_threshold_usd"),
        ("cooldown", "guard: cooldown_after_close"),
        ("max_positions", "guard: max_positions"),
        ("no_pyramiding", "guard: no open on a coin already held or opened in the batch"),
        ("new_opens_per_cycle", "guard: max_new_positions_per_cycle"),
        ("new_opens_per_hour", "guard: max_new_positions_per_hour"),
        ("scale_in", "OFF by default: an open on a coin held on the same side adds to it (risk_params.max_adds_per_position)"));

    public static SchemaSection Exchange { get; } = S(
        "exchange",
        ("provider", "paper | testnet | mainnet"),
        ("base_url", "URL override (paper: a standalone `halyard paper-exchange`)"),
        ("account_address", "master account queried for balances (0x + 40 hex)"),
        ("vault_address", "vault or subaccount to trade for (0x + 40 hex)"),
        ("signer", "where the signing key is: key_env NAME or key_file PATH"));

    public static SchemaSection Signer { get; } = S(
        "exchange.signer",
        ("key_env", "NAME of the environment variable holding the key"),
        ("key_file", "path of a file holding the key"));

    public static SchemaSection PaperExchange { get; } = S(
        "paper_exchange",
        ("initial_equity", "USD credited to the run's own account"),
        ("fund", "more accounts: - { address: 0x..., equity: 10000 }"),
        ("fees", "taker/maker fees in basis points"),
        ("data_dir", "market data directory replacing the bundled data"),
        ("audit_log", "JSON-lines log of /exchange requests (default: the run folder's exchange.jsonl)"),
        ("faults", "deterministic fault injection"));

    public static SchemaSection Fund { get; } = S(
        "paper_exchange.fund[]",
        ("address", "0x + 40 hex"),
        ("equity", "USD balance, > 0"));

    public static SchemaSection Fees { get; } = S(
        "paper_exchange.fees",
        ("taker_bps", "0..100"),
        ("maker_bps", "-10..100 (negative: rebate)"));

    private static readonly (string, string)[] RateKeys =
    [
        ("http_5xx", "probability 0..1 of an HTTP 500"),
        ("rate_limited", "probability 0..1 of an HTTP 429 with Retry-After"),
        ("timeout", "probability 0..1 of no response (not executed)"),
        ("response_lost", "probability 0..1 of executed but no response"),
        ("malformed", "probability 0..1 of a truncated JSON body (executed)"),
        ("latency", "added to every response"),
    ];

    public static SchemaSection Faults { get; } = S(
        "paper_exchange.faults",
        [
            ("seed", "the faults' random seed"),
            .. RateKeys.Select(k => (k.Item1, k.Item2 + " per /exchange request")),
            ("retry_after", "Retry-After of a simulated 429"),
            ("down_after", "the venue goes down this long after the start (omit: never)"),
            ("down_for", "how long the outage lasts"),
            ("info", "the same rates for /info requests"),
            ("socket", "what happens to /ws pushes"),
        ]);

    public static SchemaSection FaultsSocket { get; } = S(
        "paper_exchange.faults.socket",
        ("drop", "probability 0..1 that a pushed message is lost"),
        ("disconnect", "probability 0..1 that the connection is aborted instead of a push"),
        ("silence", "probability 0..1 that the connection goes silent from a push on (no pushes, no pongs)"),
        ("delay", "held on every pushed message (host wall clock)"));

    public static SchemaSection FaultsInfo { get; } = S(
        "paper_exchange.faults.info",
        [.. RateKeys.Select(k => (k.Item1, k.Item2 + " per /info request"))]);

    public static SchemaSection Execution { get; } = S(
        "execution",
        ("entry", "ioc | gtc"),
        ("slippage_bps", "entry limit distance from the mid, 0 < bps <= 1000"),
        ("gtc_timeout", "a gtc entry's remainder is cancelled after this"),
        ("close_slippage_bps", "close limit distance from the mid, 0 < bps <= 1000"),
        ("margin_mode", "cross | isolated"),
        ("dead_mans_switch", "off, or a scheduleCancel window (>= 5s) refreshed each cycle"),
        ("external_positions", "leave | adopt positions the trader did not open"),
        ("max_attempts", "1..10 attempts for temporary errors"),
        ("backoff_base", "first retry wait; doubles each attempt, with jitter"),
        ("rate_limit_backoff", "wait after a 429 without Retry-After"),
        ("expires_after", "off, or expiresAfter = nonce + this on every action (> the 10s request timeout)"),
        ("on_stop", "keep (every position with a live stop) | flatten, when halyard run stops"),
        ("shutdown_grace", "time a stopping run has to finish its intents and protect its positions"),
        ("shadow_price_poll", "how often the live mids are read to move the shadow traders' paper marks (1s..10m)"),
        ("closed_after_missing_reads", "1..10 reads without our position (and no closing fill) before it counts as closed"));

    public static SchemaSection MarketData { get; } = S(
        "market_data",
        ("intraday_interval", "1m | 3m | 5m | 15m | 30m | 1h (the bundled data covers 30 days at 5m)"),
        ("max_candidates", "0..100 ranked coins per cycle; held coins come on top"));

    public static SchemaSection Journal { get; } = S(
        "journal",
        ("dir", "output directory"),
        ("sqlite", "also write journal.db"),
        ("full_prompt", "record each cycle's full prompt, not only its sha256"));

    public static SchemaSection Replay { get; } = S(
        "replay",
        ("from", "start date or time, UTC (omit: 30 days before `to`, or the start of the data)"),
        ("to", "end date or time, UTC, exclusive (omit: end of the data)"),
        ("out", "run folder"),
        ("reads", "typed (in process, no JSON) | http (every read an /info request); orders always go over HTTP"),
        ("pushes", "typed (WebSocket pushes handed over in process, no JSON; with reads: typed and no socket faults) | json"));

    public static SchemaSection Logging { get; } = S(
        "logging",
        ("format", "plain | json lines in the rolling file halyard-YYYYMMDD.log"),
        ("level", "console level: debug | information | warning | error (--verbose: debug)"));

    public static SchemaSection Alerts { get; } = S(
        "alerts",
        ("webhook_url", "JSON POST per alert (omit: none)"),
        ("command", "command run per alert, the alert's JSON on its stdin (omit: none)"));

    public static SchemaSection Control { get; } = S(
        "control",
        ("enabled", "serve the control API, /metrics and the dashboard on 127.0.0.1"),
        ("port", "0..65535 on 127.0.0.1; 0: any free port"));

    /// <summary>Every section, document order.</summary>
    public static IReadOnlyList<SchemaSection> All { get; } =
    [
        Root, Trader, RiskParams, ExecGuards, Memory, TraderDecisionMaker, DecisionMaker, Features, Exchange, Signer,
        PaperExchange, Fund, Fees, Faults, FaultsInfo, FaultsSocket, Execution, MarketData, Journal, Replay,
        Logging, Alerts, Control,
    ];

    /// <summary>Every key path the loader knows.</summary>
    public static IEnumerable<string> AllKeyPaths => All.SelectMany(s => s.KeyPaths);
}

namespace Halyard.Journal;

/// <summary>
/// The <c>journal.db</c> tables (documented in <c>docs/decision-log.md</c>). Decimals are stored as exact
/// text. A cycle holds its record either in <c>record_json</c> or as the place of its line in
/// <c>cycles.jsonl</c> (<c>jsonl_offset</c>, <c>jsonl_length</c>).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Databases written before the line references: the columns are added; their <c>record_json</c> stays required.</summary>
    public const string AddLineColumns = "ALTER TABLE cycles ADD COLUMN jsonl_offset INTEGER; ALTER TABLE cycles ADD COLUMN jsonl_length INTEGER;";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS cycles (
            id                INTEGER PRIMARY KEY,
            trader_id         TEXT    NOT NULL,
            cycle             INTEGER NOT NULL,
            timestamp         TEXT    NOT NULL,
            timestamp_unix_ms INTEGER NOT NULL,
            success           INTEGER NOT NULL,
            error_message     TEXT,
            parse_outcome     TEXT    NOT NULL,
            account_value     TEXT,
            decisions         INTEGER NOT NULL,
            actions           INTEGER NOT NULL,
            opens_allowed     INTEGER NOT NULL,
            safe_mode         INTEGER NOT NULL,
            shadow            INTEGER NOT NULL,
            total_tokens      INTEGER,
            schema_version    INTEGER NOT NULL,
            record_json       TEXT,
            jsonl_offset      INTEGER,
            jsonl_length      INTEGER,
            UNIQUE (trader_id, cycle)
        );
        CREATE TABLE IF NOT EXISTS actions (
            cycle_id     INTEGER NOT NULL REFERENCES cycles(id),
            seq          INTEGER NOT NULL,
            trader_id    TEXT    NOT NULL,
            cycle        INTEGER NOT NULL,
            symbol       TEXT    NOT NULL,
            action       TEXT    NOT NULL,
            qty          TEXT,
            price        TEXT,
            order_id     INTEGER,
            cloid        TEXT,
            result       TEXT    NOT NULL,
            error_class  TEXT,
            error_detail TEXT,
            attempts     INTEGER NOT NULL,
            latency_ms   REAL    NOT NULL,
            PRIMARY KEY (cycle_id, seq)
        );
        CREATE INDEX IF NOT EXISTS actions_by_cloid ON actions (cloid);
        CREATE TABLE IF NOT EXISTS verdicts (
            cycle_id       INTEGER NOT NULL REFERENCES cycles(id),
            seq            INTEGER NOT NULL,
            trader_id      TEXT    NOT NULL,
            cycle          INTEGER NOT NULL,
            decision_index INTEGER NOT NULL,
            symbol         TEXT    NOT NULL,
            action         TEXT    NOT NULL,
            verdict        TEXT    NOT NULL,
            primary_reason TEXT,
            reason_codes   TEXT    NOT NULL,
            PRIMARY KEY (cycle_id, seq)
        );
        """;
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Halyard.Sweeps.Index;

/// <summary>
/// <c>index.db</c>: the same entries in SQLite for queries — <c>jobs</c> (one row per job, figures as REAL;
/// the exact decimals are in <c>index.json</c>) and <c>axes</c> (job, axis, label) for grouping in SQL.
/// </summary>
internal sealed class IndexDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS jobs (
            name TEXT PRIMARY KEY, digest TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, error TEXT, worker TEXT,
            run_folder TEXT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL,
            submitted_at TEXT, started_at TEXT, finished_at TEXT, indexed_at TEXT, actions_sha256 TEXT,
            cycles INTEGER, cycles_failed INTEGER, orders_sent INTEGER, closed_trades INTEGER,
            initial_equity_usd REAL, final_equity_usd REAL, net_pnl_usd REAL, net_pnl_pct REAL, fees_usd REAL, funding_usd REAL,
            win_rate_pct REAL, profit_factor REAL, sharpe REAL, sortino REAL, max_drawdown_pct REAL, rejection_rate_pct REAL, wall_seconds REAL,
            axes_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS axes (job TEXT NOT NULL, axis TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (job, axis));
        """;

    private readonly SqliteConnection _connection;

    public IndexDatabase(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute(Schema);
    }

    /// <summary>Keeps only the named jobs (a job dropped from the plan leaves the index; its folder stays).</summary>
    public void Retain(IReadOnlyCollection<string> names)
    {
        using var tx = _connection.BeginTransaction();
        var existing = new List<string>();
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT name FROM jobs";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        var keep = names.ToHashSet(StringComparer.Ordinal);
        foreach (var name in existing.Where(n => !keep.Contains(n)))
        {
            using var delete = _connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM jobs WHERE name = $n; DELETE FROM axes WHERE job = $n;";
            delete.Parameters.AddWithValue("$n", name);
            delete.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public void Upsert(IEnumerable<JobEntry> entries)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var e in entries)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT OR REPLACE INTO jobs VALUES ($name, $digest, $status, $attempts, $error, $worker, $run_folder, $window_from, $window_to,
                    $submitted_at, $started_at, $finished_at, $indexed_at, $sha, $cycles, $cycles_failed, $orders_sent, $closed_trades,
                    $initial, $final, $pnl, $pnl_pct, $fees, $funding, $win, $pf, $sharpe, $sortino, $dd, $rej, $wall, $axes);
                DELETE FROM axes WHERE job = $name;
                """;
            var f = e.Figures;
            Add(command, "$name", e.Name);
            Add(command, "$digest", e.Digest);
            Add(command, "$status", e.Status.ToString().ToLowerInvariant());
            Add(command, "$attempts", e.Attempts);
            Add(command, "$error", e.Error);
            Add(command, "$worker", e.Worker);
            Add(command, "$run_folder", e.RunFolder);
            Add(command, "$window_from", Time(e.WindowFrom));
            Add(command, "$window_to", Time(e.WindowTo));
            Add(command, "$submitted_at", Time(e.SubmittedAt));
            Add(command, "$started_at", Time(e.StartedAt));
            Add(command, "$finished_at", Time(e.FinishedAt));
            Add(command, "$indexed_at", Time(e.IndexedAt));
            Add(command, "$sha", e.ActionsSha256);
            Add(command, "$cycles", f?.Cycles);
            Add(command, "$cycles_failed", f?.CyclesFailed);
            Add(command, "$orders_sent", f?.OrdersSent);
            Add(command, "$closed_trades", f?.ClosedTrades);
            Add(command, "$initial", (double?)f?.InitialEquityUsd);
            Add(command, "$final", (double?)f?.FinalEquityUsd);
            Add(command, "$pnl", (double?)f?.NetPnlUsd);
            Add(command, "$pnl_pct", (double?)f?.NetPnlPct);
            Add(command, "$fees", (double?)f?.FeesUsd);
            Add(command, "$funding", (double?)f?.FundingUsd);
            Add(command, "$win", (double?)f?.WinRatePct);
            Add(command, "$pf", (double?)f?.ProfitFactor);
            Add(command, "$sharpe", f?.Sharpe);
            Add(command, "$sortino", f?.Sortino);
            Add(command, "$dd", (double?)f?.MaxDrawdownPct);
            Add(command, "$rej", (double?)f?.RejectionRatePct);
            Add(command, "$wall", f?.WallSeconds);
            Add(command, "$axes", JsonSerializer.Serialize(e.Axes));
            command.ExecuteNonQuery();
            foreach (var (axis, label) in e.Axes)
            {
                using var insert = _connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO axes VALUES ($job, $axis, $label)";
                Add(insert, "$job", e.Name);
                Add(insert, "$axis", axis);
                Add(insert, "$label", label);
                insert.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            double d when double.IsNaN(d) || double.IsInfinity(d) => DBNull.Value,
            _ => value,
        });

    private static string? Time(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture);
}

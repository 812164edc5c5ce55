using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Halyard.Journal;

/// <summary>The three prepared inserts of one cycle, reused for every append (the caller holds the lock).</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand _cycle;
    private readonly SqliteCommand _action;
    private readonly SqliteCommand _verdict;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _cycle = Prepare(
            connection,
            "INSERT INTO cycles (trader_id, cycle, timestamp, timestamp_unix_ms, success, error_message, parse_outcome, account_value, " +
            "decisions, actions, opens_allowed, safe_mode, shadow, total_tokens, schema_version, record_json, jsonl_offset, jsonl_length) VALUES " +
            "($trader, $cycle, $ts, $ts_ms, $success, $error, $parse, $account, $decisions, $actions, $opens, $safe, $shadow, $tokens, $schema, $json, " +
            "$offset, $length) " +
            "RETURNING id;");
        _action = Prepare(
            connection,
            "INSERT INTO actions (cycle_id, seq, trader_id, cycle, symbol, action, qty, price, order_id, cloid, result, error_class, " +
            "error_detail, attempts, latency_ms) VALUES ($id, $seq, $trader, $cycle, $symbol, $action, $qty, $price, $oid, $cloid, " +
            "$result, $class, $detail, $attempts, $latency);");
        _verdict = Prepare(
            connection,
            "INSERT INTO verdicts (cycle_id, seq, trader_id, cycle, decision_index, symbol, action, verdict, primary_reason, reason_codes) " +
            "VALUES ($id, $seq, $trader, $cycle, $index, $symbol, $action, $verdict, $primary, $reasons);");
        _savepoint = Prepare(connection, "SAVEPOINT record;");
        _release = Prepare(connection, "RELEASE SAVEPOINT record;");
        _rollbackTo = Prepare(connection, "ROLLBACK TO SAVEPOINT record;");
    }

    /// <summary>
    /// Inserts the record inside a savepoint of the batch <paramref name="transaction"/>: a failed insert (e.g. a
    /// duplicate cycle) leaves none of its rows. The savepoint statements are prepared once (a savepoint through
    /// <see cref="SqliteTransaction.Save"/> builds a new command each time).
    /// </summary>
    public void InsertInSavepoint(SqliteTransaction transaction, DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        Run(_savepoint, transaction);
        try
        {
            Insert(transaction, record, json, line);
        }
        catch
        {
            Run(_rollbackTo, transaction);
            throw;
        }
        finally
        {
            Run(_release, transaction);
        }
    }

    /// <summary>
    /// Inserts the cycle and its rows inside <paramref name="transaction"/>; the caller commits. The record is
    /// stored as <paramref name="json"/>, or, when that is null, as the place of its line in <c>cycles.jsonl</c>.
    /// </summary>
    public void Insert(SqliteTransaction transaction, DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        var id = InsertCycle(transaction, record, json, line);
        for (var i = 0; i < record.Actions.Count; i++)
        {
            InsertAction(transaction, id, i, record, record.Actions[i]);
        }

        for (var i = 0; i < record.Verdicts.Count; i++)
        {
            InsertVerdict(transaction, id, i, record, record.Verdicts[i]);
        }
    }

    public void Dispose()
    {
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackTo.Dispose();
        _cycle.Dispose();
        _action.Dispose();
        _verdict.Dispose();
    }

    private long InsertCycle(SqliteTransaction transaction, DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        _cycle.Transaction = transaction;
        Set(_cycle, "$trader", record.TraderId);
        Set(_cycle, "$cycle", record.Cycle);
        Set(_cycle, "$ts", record.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        Set(_cycle, "$ts_ms", record.Timestamp.ToUnixTimeMilliseconds());
        Set(_cycle, "$success", record.Success);
        Set(_cycle, "$error", record.ErrorMessage);
        Set(_cycle, "$parse", record.ParseOutcome);
        Set(_cycle, "$account", record.AccountSnapshot?.AccountValue);
        Set(_cycle, "$decisions", record.Decisions.Count);
        Set(_cycle, "$actions", record.Actions.Count);
        Set(_cycle, "$opens", record.Gating.OpensAllowed);
        Set(_cycle, "$safe", record.Gating.SafeMode);
        Set(_cycle, "$shadow", record.Gating.Shadow);
        Set(_cycle, "$tokens", record.TokenUsage?.TotalTokens);
        Set(_cycle, "$schema", record.SchemaVersion);
        Set(_cycle, "$json", json);
        Set(_cycle, "$offset", line?.Offset);
        Set(_cycle, "$length", line?.Length);
        return (long)_cycle.ExecuteScalar()!;
    }

    private void InsertAction(SqliteTransaction transaction, long id, int seq, DecisionCycleRecord record, ActionRecord action)
    {
        _action.Transaction = transaction;
        Set(_action, "$id", id);
        Set(_action, "$seq", seq);
        Set(_action, "$trader", record.TraderId);
        Set(_action, "$cycle", record.Cycle);
        Set(_action, "$symbol", action.Symbol);
        Set(_action, "$action", action.Action);
        Set(_action, "$qty", action.Qty);
        Set(_action, "$price", action.Price);
        Set(_action, "$oid", action.OrderId);
        Set(_action, "$cloid", action.Cloid);
        Set(_action, "$result", action.Result);
        Set(_action, "$class", action.ErrorClass);
        Set(_action, "$detail", action.ErrorDetail);
        Set(_action, "$attempts", action.Attempts);
        Set(_action, "$latency", action.LatencyMs);
        _action.ExecuteNonQuery();
    }

    private void InsertVerdict(SqliteTransaction transaction, long id, int seq, DecisionCycleRecord record, VerdictRecord verdict)
    {
        _verdict.Transaction = transaction;
        Set(_verdict, "$id", id);
        Set(_verdict, "$seq", seq);
        Set(_verdict, "$trader", record.TraderId);
        Set(_verdict, "$cycle", record.Cycle);
        Set(_verdict, "$index", verdict.DecisionIndex);
        Set(_verdict, "$symbol", verdict.Symbol);
        Set(_verdict, "$action", JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.Action.ToString()));
        Set(_verdict, "$verdict", verdict.Verdict);
        Set(_verdict, "$primary", verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : null);
        Set(_verdict, "$reasons", JsonSerializer.Serialize(verdict.ReasonCodes));
        _verdict.ExecuteNonQuery();
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql)
    {
        var names = new List<string>();
        for (var i = sql.IndexOf('$', StringComparison.Ordinal); i >= 0; i = sql.IndexOf('$', i + 1))
        {
            var end = i + 1;
            while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            var name = sql[i..end];
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value switch
        {
            null => DBNull.Value,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            _ => value,
        };
}

/// <summary>Where a record's line is in <c>cycles.jsonl</c>: its first byte and its length without the newline.</summary>
internal readonly record struct JsonlLine(long Offset, int Length);

using Microsoft.Data.Sqlite;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi.Persistence;

/// <summary>
/// Keeps an <see cref="InMemoryDataverse"/> in a SQLite file: the current version of every row and model item,
/// written in one SQLite transaction per finished top-level request (from <see cref="InMemoryDataverse.Committed"/>),
/// before the caller gets its answer. A new file starts with a snapshot of the organization; an existing one is
/// restored into it (see <see cref="InMemoryDataverse.Restore"/>).
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly InMemoryDataverse _dataverse;

    private SqliteStore(SqliteConnection connection, InMemoryDataverse dataverse)
    {
        _connection = connection;
        _dataverse = dataverse;
    }

    /// <summary>How many rows and items the file held when it was opened (0 for a new file).</summary>
    public int Restored { get; private set; }

    public string Path { get; private init; } = string.Empty;

    /// <summary>True when <paramref name="path"/> is a database that already holds an organization.</summary>
    public static bool HasData(string path)
    {
        if (!File.Exists(path)) return false;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rows') AND EXISTS (SELECT 1 FROM rows)";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false; // no rows table: not one of ours yet
        }
    }

    /// <summary>Opens (or creates) <paramref name="path"/>, loads it into <paramref name="dataverse"/> and keeps it up to date from then on.</summary>
    public static SqliteStore Attach(InMemoryDataverse dataverse, string path)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS rows (tbl TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS state (model TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID;
            """);
        var store = new SqliteStore(connection, dataverse) { Path = full };
        var existing = store.Load();
        if (existing.IsEmpty)
        {
            store.Write(dataverse.Snapshot());
        }
        else
        {
            dataverse.Restore(existing);
            store.Restored = existing.Rows.Count + existing.States.Count;
        }

        dataverse.Committed += store.Write;
        return store;
    }

    public void Dispose()
    {
        _dataverse.Committed -= Write;
        _connection.Dispose();
    }

    private ChangeSet Load()
    {
        var set = new ChangeSet();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT tbl, id, data FROM rows";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var table = reader.GetString(0);
                var id = Guid.Parse(reader.GetString(1));
                set.Rows.Add(new RowChange(table, id, EntityCodec.Decode(table, id, reader.GetString(2))));
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT model, key, value FROM state";
            using var reader = command.ExecuteReader();
            while (reader.Read()) set.States.Add(new StateChange(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return set;
    }

    private void Write(ChangeSet changes)
    {
        using var transaction = _connection.BeginTransaction();
        using var upsertRow = Command(transaction, "INSERT OR REPLACE INTO rows (tbl, id, data) VALUES ($a, $b, $c)", 3);
        using var deleteRow = Command(transaction, "DELETE FROM rows WHERE tbl = $a AND id = $b", 2);
        using var upsertState = Command(transaction, "INSERT OR REPLACE INTO state (model, key, value) VALUES ($a, $b, $c)", 3);
        using var deleteState = Command(transaction, "DELETE FROM state WHERE model = $a AND key = $b", 2);
        foreach (var row in changes.Rows)
        {
            var command = row.Row is null ? deleteRow : upsertRow;
            command.Parameters[0].Value = row.Table;
            command.Parameters[1].Value = row.Id.ToString();
            if (row.Row is not null) command.Parameters[2].Value = EntityCodec.Encode(row.Row);
            command.ExecuteNonQuery();
        }

        foreach (var state in changes.States)
        {
            var command = state.Value is null ? deleteState : upsertState;
            command.Parameters[0].Value = state.Model;
            command.Parameters[1].Value = state.Key;
            if (state.Value is not null) command.Parameters[2].Value = state.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$a", "$b", "$c" }.Take(parameters)) command.Parameters.Add(new SqliteParameter(name, string.Empty));
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

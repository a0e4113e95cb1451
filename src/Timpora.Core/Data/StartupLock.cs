using Microsoft.Data.Sqlite;
using Npgsql;

namespace Timpora.Core.Data;

/// <summary>Serialises the start of several instances on one database: the schema upgrade, the area data, the
/// reference data, the roles and the demo seed run under it, so a second instance sees the first one's work
/// finished and does not insert it again. On PostgreSQL it is a session advisory lock held on a connection of its
/// own; on SQLite an exclusive lock on a file beside the database (several processes may share the file).</summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Not SchemaHistory's key: its own lock is taken inside this one, on another session.
    private const long PostgresLockKey = 7_250_069_2012;

    private readonly NpgsqlConnection? connection;
    private readonly FileStream? file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        this.connection = connection;
        this.file = file;
    }

    public static async Task<StartupLock> AcquireAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Unpooled: closing the connection ends the session, and with it the lock, even if the process dies.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection, null);
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return new StartupLock(null, null);
        }

        var path = Path.GetFullPath(dataSource) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix: another process, or another host in this one, waits.
                return new StartupLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        if (file is not null)
        {
            await file.DisposeAsync();
        }
    }
}

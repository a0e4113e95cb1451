using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Core.Data;

/// <summary>Applies the ordered SQL scripts in <c>Schema/&lt;provider&gt;/</c> that the database has not seen
/// yet, each in its own transaction, and records them in <c>schema_history</c>. See docs/adr/0002.</summary>
public static class SchemaHistory
{
    // Any constant works; it only has to be the same for every application instance.
    private const long PostgresLockKey = 7_250_069_2011;

    public static IReadOnlyList<(string Version, string Sql)> Scripts(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
        var prefix = $"Timpora.Core.Schema.{folder}.";
        var assembly = typeof(SchemaHistory).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))];
    }

    /// <summary>Brings the database up to date. Safe to call from several instances at once: on PostgreSQL an
    /// advisory lock serialises them, on SQLite the write lock of each transaction does.</summary>
    public static async Task<IReadOnlyList<string>> UpgradeAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var applied = new List<string>();
        var locked = false;
        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
                locked = true;
            }
            else
            {
                // Write-ahead logging lets readers and the writer work at the same time; it stays set in the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
            }

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_history (version varchar(200) PRIMARY KEY, applied_utc varchar(40) NOT NULL)",
                cancellationToken);

            foreach (var (version, sql) in Scripts(provider))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await IsAppliedAsync(connection, transaction, version, cancellationToken))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_history (version, applied_utc) VALUES (@v, @t)";
                    AddParameter(record, "@v", version);
                    AddParameter(record, "@t", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(version);
            }
        }
        finally
        {
            // A session lock outlives the pooled connection it was taken on: release it even when a script
            // fails, or every other instance would wait for it forever.
            if (locked)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, string version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_history WHERE version = @v";
        AddParameter(command, "@v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

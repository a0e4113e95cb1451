using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary>One table of a backup: its rows and a checksum over them.</summary>
public sealed record TableSummary(string Table, long Rows, string Checksum);

/// <summary>What a backup holds, written beside it as <c>FILE.manifest.json</c>: each table's row count and
/// checksum, taken in the same snapshot as the backup itself, so that a restore can prove it brought back
/// exactly that (ADR 0028).</summary>
public sealed record BackupManifest(string Provider, string Schema, DateTime CreatedUtc, IReadOnlyList<TableSummary> Tables)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathFor(string backupFile) => backupFile + ".manifest.json";

    public long Rows => Tables.Sum(t => t.Rows);

    public async Task WriteAsync(string backupFile) =>
        await File.WriteAllTextAsync(PathFor(backupFile), JsonSerializer.Serialize(this, Json));

    public static async Task<BackupManifest?> ReadAsync(string backupFile) =>
        File.Exists(PathFor(backupFile))
            ? JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(PathFor(backupFile)), Json)
            : null;

    /// <summary>Every table's row count and checksum, read through <paramref name="connection"/> (inside
    /// <paramref name="transaction"/>, when given, to see one snapshot). The checksum is the sum modulo 2^64 of
    /// the first 8 bytes of each row's SHA-256: independent of the order rows come back in, so no sort, and
    /// equal on both sides only when the same rows, value for value, are there. A row's text is PostgreSQL's
    /// own text of the row, or on SQLite each column's value (blobs in hex) separated by U+001F.</summary>
    public static async Task<IReadOnlyList<TableSummary>> SummariseAsync(
        DatabaseProvider provider, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        var tables = new List<string>();
        await using (var list = Command(connection, transaction, provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables)
        {
            // Table names come from the catalogue just read: PostgreSQL's are quoted by format('%I'), SQLite's here.
            await using var command = Command(connection, transaction, provider == DatabaseProvider.Sqlite
                ? $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : $"SELECT t::text FROM {table} AS t");
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            ulong sum = 0;
            long rows = 0;
            var text = new StringBuilder();
            var hash = new byte[32];
            while (await reader.ReadAsync(cancellationToken))
            {
                text.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(i == 0 ? "" : "\u001f").Append(reader.IsDBNull(i) ? "\\N" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToHexString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
                    });
                }

                SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
                sum = unchecked(sum + BinaryPrimitives.ReadUInt64LittleEndian(hash));
                rows++;
            }

            summaries.Add(new TableSummary(table, rows, sum.ToString("x16", CultureInfo.InvariantCulture)));
        }

        return summaries;
    }

    /// <summary>The newest schema script the database has applied, or "" when it has none.</summary>
    public static async Task<string> SchemaOfAsync(
        DatabaseProvider provider, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        // Looked up in the catalogue first: a failed query would abort PostgreSQL's snapshot transaction.
        await using var exists = Command(connection, transaction, provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_history'"
            : "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'schema_history'");
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return "";
        }

        await using var command = Command(connection, transaction, "SELECT MAX(version) FROM schema_history");
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The tables whose rows or checksum differ from this manifest's, each described.</summary>
    public IReadOnlyList<string> Differences(IReadOnlyList<TableSummary> actual)
    {
        var found = actual.ToDictionary(t => t.Table, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var expected in Tables)
        {
            if (!found.Remove(expected.Table, out var table))
            {
                differences.Add($"{expected.Table}: missing");
            }
            else if (table != expected)
            {
                differences.Add($"{expected.Table}: {table.Rows} rows, checksum {table.Checksum}; the backup had {expected.Rows} rows, checksum {expected.Checksum}");
            }
        }

        differences.AddRange(found.Keys.Select(t => $"{t}: not in the backup"));
        return differences;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}

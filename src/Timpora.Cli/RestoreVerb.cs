using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary>
/// <c>restore --from FILE</c>: brings a backup made by <c>backup</c> into an empty database (it refuses any other, so
/// that it can never overwrite data), then checks it: SQLite's <c>PRAGMA integrity_check</c>, and every table's row
/// count and checksum against <c>FILE.manifest.json</c> (ADR 0028).
/// </summary>
public static class RestoreVerb
{
    public const string Usage = "Usage: restore --from FILE " + DatabaseTarget.Usage + "   (into an empty database only)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var options = DatabaseTarget.Options(args, error, Usage);
        var target = options is null ? null : DatabaseTarget.From(options, error);
        if (options is null || target is null)
        {
            return 2;
        }

        if (!options.Remove("--from", out var from) || options.Count > 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        from = Path.GetFullPath(from);
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"{from} does not exist: give the file that backup --out wrote.");
            return 1;
        }

        var manifest = await BackupManifest.ReadAsync(from);
        var expected = target.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
        if (manifest is not null && manifest.Provider != expected)
        {
            await error.WriteLineAsync($"{from} is a {manifest.Provider} backup and cannot be restored into {target.Describe()}.");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        await using var connection = target.Provider == DatabaseProvider.Sqlite
            ? (DbConnection)new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.SqliteFile, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target.SqliteFile)!);
            }

            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await error.WriteLineAsync($"{target.Describe()} does not exist: create it empty first (CREATE DATABASE ...), then restore into it.");
            return 1;
        }

        if (await TablesAsync(target.Provider, connection, cancellationToken) is var tables and > 0)
        {
            await error.WriteLineAsync($"{target.Describe()} is not empty ({tables} tables, views or sequences): restore only into an empty database, so that no data is overwritten. Create a new database (or give a new SQLite file) and restore into that.");
            return 1;
        }

        var restored = target.Provider == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(from, (SqliteConnection)connection, error, cancellationToken)
            : await RestorePostgresAsync(from, target, error, cancellationToken);
        if (!restored)
        {
            return 1;
        }

        var summaries = await BackupManifest.SummariseAsync(target.Provider, connection, null, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored {from} ({new FileInfo(from).Length:N0} bytes) into {target.Describe()}: {summaries.Count} tables, {summaries.Sum(s => s.Rows):N0} rows in {seconds:F1} s"));
        if (manifest is null)
        {
            await output.WriteLineAsync($"Not verified: {BackupManifest.PathFor(from)} is missing, so there are no row counts and checksums to compare with.");
            return 0;
        }

        var differences = manifest.Differences(summaries);
        if (differences.Count > 0)
        {
            await error.WriteLineAsync($"The restored database differs from the backup's manifest in {differences.Count} tables:");
            foreach (var difference in differences)
            {
                await error.WriteLineAsync("  " + difference);
            }

            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Verified: all {manifest.Tables.Count} tables have the row counts and checksums of the backup (schema {manifest.Schema}, taken {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC)."));
        return 0;
    }

    private static async Task<bool> RestoreSqliteAsync(string from, SqliteConnection target, TextWriter error, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await source.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"{from} could not be read as a SQLite database: {e.Message}");
            return false;
        }

        await using var check = target.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (integrity != "ok")
        {
            await error.WriteLineAsync($"The restored database fails SQLite's integrity check: {integrity}");
            return false;
        }

        // As the application keeps it (SchemaHistory sets it too): readers and the writer at the same time.
        check.CommandText = "PRAGMA journal_mode = WAL";
        await check.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> RestorePostgresAsync(string from, DatabaseTarget target, TextWriter error, CancellationToken cancellationToken)
    {
        if (PostgresTools.Find("pg_restore") is not { } pgRestore)
        {
            await error.WriteLineAsync("pg_restore was found neither in /usr/lib/postgresql/<version>/bin nor on PATH: install the postgresql-client package.");
            return false;
        }

        // One transaction: a restore that fails leaves the database as empty as it was. Objects belong to the
        // restoring role and grants are left out, so the backup restores on a server with other roles.
        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database ?? "";
        var (exitCode, errors) = await PostgresTools.RunAsync(pgRestore,
            ["--single-transaction", "--exit-on-error", "--no-owner", "--no-acl", "--dbname=" + database, from], target.ConnectionString, cancellationToken);
        if (exitCode != 0)
        {
            await error.WriteLineAsync($"pg_restore failed (exit code {exitCode}); the database is left empty: {errors}");
            return false;
        }

        return true;
    }

    private static async Task<long> TablesAsync(DatabaseProvider provider, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            : """
              SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

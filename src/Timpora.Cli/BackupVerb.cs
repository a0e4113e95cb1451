using System.Data;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary>
/// <c>backup --out FILE</c>: a consistent copy of the whole database while the application runs, with every
/// table's row count and checksum in <c>FILE.manifest.json</c> (ADR 0028). SQLite: the online backup API into a
/// self-contained database file. PostgreSQL: <c>pg_dump -Fc</c> in a snapshot exported by a transaction that also
/// takes the manifest, so the counts are those of the dump. Uploaded files are rows of the database, so they are in
/// the backup with everything else.
/// </summary>
public static class BackupVerb
{
    public const string Usage = "Usage: backup --out FILE " + DatabaseTarget.Usage;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var options = DatabaseTarget.Options(args, error, Usage);
        var target = options is null ? null : DatabaseTarget.From(options, error);
        if (options is null || target is null)
        {
            return 2;
        }

        if (!options.Remove("--out", out var outFile) || options.Count > 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile) || File.Exists(BackupManifest.PathFor(outFile)))
        {
            await error.WriteLineAsync($"{outFile} already exists: choose another file name, or delete the old backup and its .manifest.json first.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
        var partial = outFile + ".partial";
        File.Delete(partial);
        var watch = Stopwatch.StartNew();
        try
        {
            var manifest = target.Provider == DatabaseProvider.Sqlite
                ? await BackupSqliteAsync(target, partial, error, cancellationToken)
                : await BackupPostgresAsync(target, partial, error, cancellationToken);
            if (manifest is null)
            {
                return 1;
            }

            File.Move(partial, outFile);
            await manifest.WriteAsync(outFile);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {target.Describe()} (schema {manifest.Schema}) to {outFile}: {manifest.Tables.Count} tables, {manifest.Rows:N0} rows, {new FileInfo(outFile).Length:N0} bytes in {watch.Elapsed.TotalSeconds:F1} s; row counts and checksums in {BackupManifest.PathFor(outFile)}"));
            return 0;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task<BackupManifest?> BackupSqliteAsync(DatabaseTarget target, string partial, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(target.SqliteFile))
        {
            await error.WriteLineAsync($"{target.SqliteFile} does not exist: check --connection or Database__ConnectionString.");
            return null;
        }

        // Unpooled, so that no handle on either file outlives the verb.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.SqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await copy.OpenAsync(cancellationToken);

        // One step copies every page under one read transaction: a snapshot, while the application's writers go on
        // (write-ahead logging lets them). The copy then leaves WAL mode, to be one self-contained file.
        source.BackupDatabase(copy);
        await using (var journal = copy.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BackupManifest("sqlite", await BackupManifest.SchemaOfAsync(DatabaseProvider.Sqlite, copy, null, cancellationToken),
            DateTime.UtcNow, await BackupManifest.SummariseAsync(DatabaseProvider.Sqlite, copy, null, cancellationToken));
    }

    private static async Task<BackupManifest?> BackupPostgresAsync(DatabaseTarget target, string partial, TextWriter error, CancellationToken cancellationToken)
    {
        if (PostgresTools.Find("pg_dump") is not { } pgDump)
        {
            await error.WriteLineAsync("pg_dump was found neither in /usr/lib/postgresql/<version>/bin nor on PATH: install the postgresql-client package.");
            return null;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;

        // pg_dump reads in the snapshot this transaction exported, and the manifest is read in the same one meanwhile.
        var dump = PostgresTools.RunAsync(pgDump, ["--format=custom", "--snapshot=" + snapshot, "--file=" + partial], target.ConnectionString, cancellationToken);
        var manifest = new BackupManifest("postgresql", await BackupManifest.SchemaOfAsync(DatabaseProvider.PostgreSql, connection, transaction, cancellationToken),
            DateTime.UtcNow, await BackupManifest.SummariseAsync(DatabaseProvider.PostgreSql, connection, transaction, cancellationToken));
        var (exitCode, errors) = await dump;
        await transaction.CommitAsync(cancellationToken);
        if (exitCode != 0)
        {
            await error.WriteLineAsync($"pg_dump failed (exit code {exitCode}): {errors}");
            return null;
        }

        return manifest;
    }
}

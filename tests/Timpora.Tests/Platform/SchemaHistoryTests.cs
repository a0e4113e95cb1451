using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Tests.Platform;

/// <summary>The ordered schema scripts must build exactly the schema that EF Core derives from the model.</summary>
public sealed class SchemaHistoryTests(TestApp app)
{
    [Fact]
    public async Task History_OnEmptyDatabase_MatchesTheEfModel()
    {
        await using var fromHistory = NewDatabase("history");
        await SchemaHistory.UpgradeAsync(fromHistory, TestContext.Current.CancellationToken);
        await using var fromModel = NewDatabase("model");
        await fromModel.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(fromHistory);

        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(actual));
        Assert.Empty(actual.Except(expected));
    }

    [Fact]
    public async Task Upgrade_RunTwice_AppliesNothingTheSecondTime()
    {
        await using var db = NewDatabase("twice");
        var first = await SchemaHistory.UpgradeAsync(db, TestContext.Current.CancellationToken);
        var second = await SchemaHistory.UpgradeAsync(db, TestContext.Current.CancellationToken);

        Assert.Equal(SchemaHistory.Scripts(app.Provider).Select(s => s.Version), first);
        Assert.Empty(second);
    }

    private AppDbContext NewDatabase(string name) => DatabaseOptions.CreateContext(
        app.Provider,
        app.Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"timpora-schema-{name}-{Guid.NewGuid():N}.db")}"
            : TestApp.NewPostgresDatabase("timpora_schema"),
        Caller.System);

    /// <summary>Tables, columns (type, nullability), indexes and foreign keys, one line each.</summary>
    private async Task<HashSet<string>> DescribeAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        try
        {
            return app.Provider == DatabaseProvider.Sqlite ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<HashSet<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new HashSet<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_history'");
        foreach (var table in tables.Select(t => t[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            }

            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{i[0]} unique={i[1]} ({string.Join(",", columns.Select(x => x[0]))})");
            }

            foreach (var f in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{f[0]} -> {f[1]}.{f[2]} {f[3]}");
            }
        }

        return lines;
    }

    private static async Task<HashSet<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = new HashSet<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_history'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]}");
        }

        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_history'"))
        {
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        }

        foreach (var f in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u', 'c') AND conrelid::regclass::text <> 'schema_history'
            """))
        {
            lines.Add($"constraint {f[0]}.{f[1]} {f[2]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}

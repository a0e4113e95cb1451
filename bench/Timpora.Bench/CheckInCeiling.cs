using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Timpora.Core.Data;

namespace Timpora.Bench;

/// <summary>The ceiling: the rows the check-ins just wrote (people, passports, permits, reports, audit entries),
/// inserted again into copies of their tables without indexes, checks or resolution, in large transactions:
/// binary COPY on PostgreSQL, a prepared INSERT per row on SQLite. What the database takes when nothing else
/// is done.</summary>
public static class CheckInCeiling
{
    private static readonly string[] TablesOfACheckIn = ["foreigners", "travel_documents", "stay_permits", "guest_reports", "audit_entries"];

    public sealed record Result(long Rows, int Tables, long CheckIns, double Seconds);

    public static async Task<Result> MeasureAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connectionString, Caller.System);
        var checkIns = await db.GuestReports.LongCountAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        long rows = 0;
        var watch = new Stopwatch();
        foreach (var table in TablesOfACheckIn)
        {
            await ExecuteAsync(connection, $"CREATE TABLE ceiling_{table} AS SELECT * FROM {table} WHERE 1 = 0");
            rows += connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table, watch)
                : await InsertAsync((SqliteConnection)connection, table, watch);
            await ExecuteAsync(connection, $"DROP TABLE ceiling_{table}");
        }

        return new Result(rows, TablesOfACheckIn.Length, checkIns, watch.Elapsed.TotalSeconds);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, Stopwatch watch)
    {
        var data = new MemoryStream();
        await using (var source = await connection.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)"))
        {
            await source.CopyToAsync(data);
        }

        data.Position = 0;
        watch.Start();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var target = await connection.BeginRawBinaryCopyAsync($"COPY ceiling_{table} FROM STDIN (FORMAT BINARY)"))
            {
                await data.CopyToAsync(target);
            }

            await transaction.CommitAsync();
        }

        watch.Stop();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM ceiling_{table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, string table, Stopwatch watch)
    {
        var values = new List<object[]>();
        int width;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT * FROM {table}";
            await using var reader = await read.ExecuteReaderAsync();
            width = reader.FieldCount;
            while (await reader.ReadAsync())
            {
                var row = new object[width];
                reader.GetValues(row);
                values.Add(row);
            }
        }

        const int perTransaction = 10_000;
        watch.Start();
        foreach (var chunk in values.Chunk(perTransaction))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO ceiling_{table} VALUES ({string.Join(", ", Enumerable.Range(0, width).Select(i => "@p" + i))})";
            var parameters = Enumerable.Range(0, width).Select(i => insert.Parameters.Add(new SqliteParameter("@p" + i, null))).ToArray();
            insert.Prepare();
            foreach (var row in chunk)
            {
                for (var i = 0; i < width; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        watch.Stop();
        return values.Count;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

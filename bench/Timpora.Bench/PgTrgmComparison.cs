using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Timpora.Screening;
using Timpora.Screening.Evaluation;

namespace Timpora.Bench;

/// <summary>
/// The named alternative: the same names in PostgreSQL with a pg_trgm GIN index, queried with the
/// similarity operator (%) ordered by similarity, the way a team would do it with what the database offers.
/// </summary>
public static class PgTrgmComparison
{
    public static async Task RunAsync(string connectionString, EvaluationSet set, WatchlistIndex index, int sampleSize)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var connection = await data.OpenConnectionAsync();
        await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm; DROP TABLE IF EXISTS watchlist_name; CREATE UNLOGGED TABLE watchlist_name (entry_id text NOT NULL, name text NOT NULL)");
        var clock = Stopwatch.StartNew();
        var rows = 0;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY watchlist_name (entry_id, name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var entry in set.Entries)
            {
                foreach (var name in entry.Aliases.Prepend(entry.Name))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(entry.Id, NpgsqlDbType.Text);
                    await writer.WriteAsync(name, NpgsqlDbType.Text);
                    rows++;
                }
            }

            await writer.CompleteAsync();
        }

        var load = clock.Elapsed;
        clock.Restart();
        await Execute(connection, "CREATE INDEX watchlist_name_trgm ON watchlist_name USING gin (name gin_trgm_ops); ANALYZE watchlist_name");
        ScreeningBenchmark.Print($"pg_trgm: {rows:N0} names loaded by binary COPY in {load.TotalSeconds:0.0} s, GIN index built in {clock.Elapsed.TotalSeconds:0.0} s");

        var sample = set.Queries.Take(sampleSize).ToList();
        var latencies = new List<double>(sample.Count);
        int positives = 0, found = 0, hits = 0, trueHits = 0, ourFound = 0;
        await using var command = new NpgsqlCommand(
            "SELECT entry_id FROM watchlist_name WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 50", connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        await command.PrepareAsync();
        foreach (var labelled in sample)
        {
            command.Parameters[0].Value = labelled.Query.Name;
            var start = Stopwatch.GetTimestamp();
            var ids = new HashSet<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetString(0));
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            hits += ids.Count;
            if (labelled.ExpectedEntryId is { } expected)
            {
                positives++;
                found += ids.Contains(expected) ? 1 : 0;
                trueHits += ids.Contains(expected) ? 1 : 0;
                ourFound += index.Screen(labelled.Query).Any(h => h.Entry.Id == expected) ? 1 : 0;
            }
        }

        var sorted = latencies.Order().ToArray();
        ScreeningBenchmark.Print($"pg_trgm on {sample.Count:N0} of the same queries (similarity threshold 0.3, top 50), one connection:");
        ScreeningBenchmark.Print($"  pg_trgm : p50 {ScreeningBenchmark.Percentile(sorted, 0.5) / 1000:0.00} ms, p99 {ScreeningBenchmark.Percentile(sorted, 0.99) / 1000:0.00} ms, recall {(double)found / positives:0.0000} ({found}/{positives}), {hits / (double)sample.Count:0.0} names returned per query");
        ScreeningBenchmark.Print($"  Timpora : recall {(double)ourFound / positives:0.0000} ({ourFound}/{positives}) on the same sample, review threshold, any decision");
        await Execute(connection, "DROP TABLE watchlist_name");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}

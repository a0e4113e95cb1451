using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Timpora.Core.Data;

/// <summary>A row to insert: an added entity EF tracks (<see cref="Entry"/>), or one it never saw (ADR 0016).</summary>
internal readonly record struct NewRow(IEntityType Type, object Entity, EntityEntry? Entry)
{
    public object? this[IProperty property] =>
        Entry is null ? property.GetGetter().GetClrValueUsingContainingEntity(Entity) : Entry.CurrentValues[property];
}

/// <summary>Writes added entities straight to their tables, without EF's per-row commands: on PostgreSQL binary
/// COPY, or for a few rows (a check-in batch) one prepared INSERT from arrays per table sent together in one round trip; on
/// SQLite one prepared INSERT reused for every row. Columns, names and value conversions come
/// from the EF model, so the rows are the ones <c>SaveChanges</c> would write (ADR 0008).</summary>
internal static class BulkInsert
{
    /// <summary>Up to this many values (rows times columns) go as one batch of INSERTs on PostgreSQL; more by COPY.</summary>
    private const int BatchedValues = 20_000;

    private static readonly ConcurrentDictionary<IEntityType, Table> Tables = new();
    private static readonly ConcurrentDictionary<IEntityType, int> Depths = new();

    /// <summary>Types written here map to one table of their own, with scalar columns only.</summary>
    public static bool Supports(IEntityType type) =>
        type.BaseType is null && !type.IsOwned() && type.GetDerivedTypes().Any() is false && type.GetTableName() is not null
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) && !type.GetComplexProperties().Any();

    /// <summary>Inserts the entries, principals before dependents, in the context's current transaction.</summary>
    public static async Task WriteAsync(DbContext db, IReadOnlyList<NewRow> entries, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction.");
        var groups = entries.GroupBy(e => e.Type).OrderBy(g => Depths.GetOrAdd(g.Key, t => Depth(t, [])))
            .Select(g => (Table: Tables.GetOrAdd(g.Key, t => new Table(t)), Rows: g.ToList())).ToList();
        if (transaction.Connection is NpgsqlConnection postgres && groups.Sum(g => g.Rows.Count * g.Table.Columns.Length) <= BatchedValues)
        {
            // A few rows (a check-in batch): every table's INSERT in one round trip, where COPY takes two per table (ADR 0019).
            try
            {
                await InsertBatchedAsync(postgres, groups, cancellationToken);
                return;
            }
            catch (DbException error)
            {
                throw new DbUpdateException($"Bulk insert failed: {error.Message}", error);
            }
        }

        foreach (var (table, rows) in groups)
        {
            try
            {
                switch (transaction.Connection)
                {
                    case NpgsqlConnection npgsql:
                        await CopyAsync(npgsql, table, rows, cancellationToken);
                        break;
                    case SqliteConnection sqlite:
                        Insert(sqlite, (SqliteTransaction)transaction, table, rows);
                        break;
                    default:
                        throw new NotSupportedException("Bulk insert is written for SQLite and PostgreSQL.");
                }
            }
            catch (DbException error)
            {
                // The same failure EF's SaveChanges reports, so that callers' retries (a duplicate passport
                // reported twice at once) work the same on both paths.
                throw new DbUpdateException($"Bulk insert into {table.Name} failed: {error.Message}", error);
            }
        }
    }

    /// <summary>One <c>INSERT ... SELECT FROM unnest(arrays)</c> per table, all sent as one batch: a column's values
    /// are one typed array parameter, so the statement's text is the same for any number of rows and the server
    /// parses and plans it once per connection (it is prepared, and Npgsql keeps it across pooled connections).</summary>
    private static async Task InsertBatchedAsync(NpgsqlConnection connection, List<(Table Table, List<NewRow> Rows)> groups, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (table, rows) in groups)
        {
            var command = new NpgsqlBatchCommand(table.InsertFromArrays);
            foreach (var column in table.Columns)
            {
                var values = Array.CreateInstance(column.ArrayElementType, rows.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    var value = rows[r][column.Property];
                    if (column.ToProvider(value) is { } stored)
                    {
                        column.PostgresType(value!);
                        values.SetValue(stored, r);
                    }
                }

                // Typed as EF would type the column's parameter; a column seen only null so far is cast in the SQL.
                command.Parameters.Add(column.ElementType is { } type
                    ? new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type }
                    : new NpgsqlParameter { Value = values });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, List<NewRow> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                var value = row[column.Property];
                if (column.ToProvider(value) is not { } stored)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(stored, column.PostgresType(value!), cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, Table table, List<NewRow> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        // The parameters are made by EF's own type mappings (a Guid as TEXT, say), then only their values change.
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].ToProvider(row[table.Columns[i].Property]) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static int Depth(IEntityType type, HashSet<IEntityType> seen) =>
        !seen.Add(type) ? 0 : type.GetForeignKeys().Where(fk => fk.PrincipalEntityType != type)
            .Select(fk => 1 + Depth(fk.PrincipalEntityType, [.. seen])).DefaultIfEmpty(0).Max();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Table
    {
        public Table(IEntityType type)
        {
            Name = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Name, type.GetSchema());
            // Keys the database numbers itself (identity, autoincrement) are left to it.
            Columns = [.. type.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && p.ClrType != typeof(Guid)))
                .Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping()))];
        }

        public string Name { get; }

        public Column[] Columns { get; }

        public string InsertFromArrays => field ??=
            $"INSERT INTO {Quote(Name)} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) "
            + $"SELECT * FROM unnest({string.Join(", ", Columns.Select((c, i) => $"${i + 1}::{c.Mapping.StoreType}[]"))})";
    }

    private sealed class Column(IProperty property, string name, RelationalTypeMapping mapping)
    {
        private NpgsqlDbType? postgresType;

        public IProperty Property { get; } = property;
        public string Name { get; } = name;
        public RelationalTypeMapping Mapping { get; } = mapping;

        /// <summary>The element type of this column's array parameter: the stored (provider) type, nullable.</summary>
        public Type ArrayElementType { get; } = Nullable(mapping.Converter?.ProviderClrType ?? property.ClrType);

        /// <summary>The Npgsql type of the column's values, once one non-null value has been seen.</summary>
        public NpgsqlDbType? ElementType => postgresType;

        public object? ToProvider(object? value) =>
            value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

        /// <summary>The type Npgsql gives the parameter EF would send for this (model) value, taken once.</summary>
        public NpgsqlDbType PostgresType(object value)
        {
            if (postgresType is null)
            {
                using var command = new NpgsqlCommand();
                postgresType = ((NpgsqlParameter)Mapping.CreateParameter(command, "p", value, nullable: true)).NpgsqlDbType;
            }

            return postgresType.Value;
        }

        private static Type Nullable(Type type) =>
            type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
    }
}

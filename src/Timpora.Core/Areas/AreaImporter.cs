using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Timpora.Core.Data;

namespace Timpora.Core.Areas;

/// <summary>Loads Indonesia's administrative areas from the CSV files of the npm package idn-area-data
/// (MIT; data under ODbL, from Kemendagri) on first start, and upgrades them in place when the files change.</summary>
public static class AreaImporter
{
    public const string DataSetName = "idn-area-data";
    private const int BatchSize = 1000;

    private static readonly string[] Files = ["provinces.csv", "regencies.csv", "districts.csv", "villages.csv"];

    /// <summary>Names people use that the official data spells otherwise.</summary>
    private static readonly (string Code, string Name)[] KnownAliases =
    [
        ("53.18.09.1004", "Weetebula"),
        ("53.18.09.1004", "Waikabubak Tambolaka"),
        ("18.72", "Metro"),
    ];

    /// <returns>The number of areas inserted or renamed; 0 when the loaded version is current.</returns>
    public static async Task<int> ImportAsync(AppDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        var version = await VersionOfAsync(folder, cancellationToken);
        var loaded = await db.ReferenceDataVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Name == DataSetName, cancellationToken);
        if (loaded?.Version == version)
        {
            return 0;
        }

        var incoming = Files.SelectMany(f => ReadCsv(Path.Combine(folder, f))).ToList();
        var existing = await db.Areas.AsNoTracking()
            .Select(a => new { a.Code, a.Name, a.ParentCode })
            .ToDictionaryAsync(a => a.Code, cancellationToken);

        var inserts = incoming.Where(a => !existing.ContainsKey(a.Code)).ToList();
        var renames = incoming.Where(a => existing.TryGetValue(a.Code, out var old) && (old.Name != a.Name || old.ParentCode != a.ParentCode)).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            foreach (var batch in inserts.Chunk(BatchSize))
            {
                await InsertBatchAsync(connection, dbTransaction, batch, cancellationToken);
            }

            foreach (var area in renames)
            {
                await db.Areas.Where(a => a.Code == area.Code).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Name, area.Name)
                    .SetProperty(a => a.SearchName, area.SearchName)
                    .SetProperty(a => a.ParentCode, area.ParentCode), cancellationToken);
            }

            var knownAliasCodes = await db.AreaAliases.Select(a => a.AreaCode + "|" + a.Name).ToListAsync(cancellationToken);
            foreach (var (code, name) in KnownAliases.Where(a => !knownAliasCodes.Contains(a.Code + "|" + a.Name)))
            {
                db.AreaAliases.Add(new AreaAlias { AreaCode = code, Name = name, SearchName = Area.NormaliseForSearch(name) });
            }

            if (loaded is null)
            {
                db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = DataSetName, Version = version, LoadedUtc = DateTime.UtcNow });
            }
            else
            {
                db.ReferenceDataVersions.Update(new ReferenceDataVersion { Name = DataSetName, Version = version, LoadedUtc = DateTime.UtcNow });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return inserts.Count + renames.Count;
    }

    private static async Task<string> VersionOfAsync(string folder, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Area data file {path} is missing. Build Timpora.Web (it runs npm ci) to fetch idn-area-data.", path);
            }

            hash.AppendData(await File.ReadAllBytesAsync(path, cancellationToken));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static IEnumerable<Area> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var code = csv.GetField(0)!.Trim();
            var name = csv.GetField("name")!.Trim();
            var level = Area.LevelOf(code);
            yield return new Area
            {
                Code = code,
                ParentCode = level == AreaLevel.Province ? null : code[..code.LastIndexOf('.')],
                Level = level,
                Name = name,
                SearchName = Area.NormaliseForSearch(name),
            };
        }
    }

    // Multi-row INSERTs run the same on SQLite and PostgreSQL and load the ~91,000 areas in about a second.
    private static async Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, Area[] batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            values.Add($"(@c{i}, @p{i}, @l{i}, @n{i}, @s{i})");
            Add(command, $"@c{i}", batch[i].Code);
            Add(command, $"@p{i}", (object?)batch[i].ParentCode ?? DBNull.Value);
            Add(command, $"@l{i}", (int)batch[i].Level);
            Add(command, $"@n{i}", batch[i].Name);
            Add(command, $"@s{i}", batch[i].SearchName);
        }

        command.CommandText = "INSERT INTO areas (code, parent_code, level, name, search_name) VALUES " + string.Join(", ", values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Data;

namespace Timpora.Tests.Areas;

/// <summary>The area data loads into an empty database and upgrades in place when a new package renames or
/// adds areas.</summary>
public sealed class AreaImporterTests(TestApp app)
{
    [Fact]
    public async Task Import_NewVersionOfTheFiles_RenamesAndAddsInPlace()
    {
        var token = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("timpora-areas-").FullName;
        foreach (var file in new[] { "provinces.csv", "regencies.csv", "districts.csv" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "AreaData", file), Path.Combine(folder, file));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "villages.csv"), "code,district_code,name\n53.18.09.1004,53.18.09,Waitabula\n", token);
        await using var db = NewDatabase();
        await SchemaHistory.UpgradeAsync(db, token);

        var first = await AreaImporter.ImportAsync(db, folder, token);
        var unchanged = await AreaImporter.ImportAsync(db, folder, token);
        await File.WriteAllTextAsync(Path.Combine(folder, "villages.csv"), "code,district_code,name\n53.18.09.1004,53.18.09,Weetebula Baru\n53.18.09.9999,53.18.09,\"Desa Baru, Contoh\"\n", token);
        var upgrade = await AreaImporter.ImportAsync(db, folder, token);

        Assert.True(first > 7800);
        Assert.Equal(0, unchanged);
        Assert.Equal(2, upgrade);
        Assert.Equal("Weetebula Baru", await db.Areas.Where(a => a.Code == "53.18.09.1004").Select(a => a.Name).SingleAsync(token));
        Assert.Equal("Desa Baru, Contoh", await db.Areas.Where(a => a.Code == "53.18.09.9999").Select(a => a.Name).SingleAsync(token));
    }

    [Fact]
    public async Task Import_MissingFile_SaysWhichAndHowToGetIt()
    {
        await using var db = app.SystemDb();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => AreaImporter.ImportAsync(db, "/nonexistent", TestContext.Current.CancellationToken));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    private AppDbContext NewDatabase() => DatabaseOptions.CreateContext(
        app.Provider,
        app.Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"timpora-areas-{Guid.NewGuid():N}.db")}"
            : TestApp.NewPostgresDatabase("timpora_areas"),
        Caller.System);
}

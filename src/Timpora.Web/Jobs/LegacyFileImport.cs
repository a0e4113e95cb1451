using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Files;

namespace Timpora.Web.Jobs;

/// <summary>Once at start, moves the files that an install from before ADR 0026 kept on disk into the file store:
/// tip photos (<c>Timpora:Tips:PhotoFolder</c>, by default tip-photos), activity photos (village-photos) and meeting
/// attachments (meeting-attachments) under the data folder. A file is imported when its row exists and its stored
/// file does not; photos are cleaned on the way in. The disk file is deleted once stored, so a second run (or a
/// second instance) finds nothing left to do.</summary>
public sealed partial class LegacyFileImport(
    IServiceScopeFactory scopes, IConfiguration configuration, IWebHostEnvironment environment, ILogger<LegacyFileImport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var imported = await ImportAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<FileStore>(), stoppingToken);
            if (imported > 0)
            {
                LogImported(logger, imported);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailure(logger, error);
        }
    }

    /// <returns>How many files were imported.</returns>
    public async Task<int> ImportAsync(AppDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var dataFolder = Path.GetFullPath(configuration["Timpora:DataFolder"] ?? "App_Data", environment.ContentRootPath);
        var tipFolder = Path.GetFullPath(configuration["Timpora:Tips:PhotoFolder"] ?? "tip-photos", dataFolder);
        var imported = 0;
        foreach (var (path, kinds) in Candidates(Path.Combine(dataFolder, "village-photos"), FileKinds.Photo)
            .Concat(Candidates(tipFolder, FileKinds.Photo))
            .Concat(Candidates(Path.Combine(dataFolder, "meeting-attachments"), FileKinds.Photo | FileKinds.Document)))
        {
            if (!Guid.TryParseExact(Path.GetFileName(path), "N", out var id)
                || !await HasRowAsync(db, id, cancellationToken)
                || await db.StoredFiles.AnyAsync(f => f.Id == id, cancellationToken))
            {
                continue;
            }

            if (store.Check(await File.ReadAllBytesAsync(path, cancellationToken), kinds, out _) is not { } file)
            {
                LogRefused(logger, path);
                continue;
            }

            file.Id = id;
            store.Add(file);
            await db.InWriterQueueAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
            db.ChangeTracker.Clear();
            File.Delete(path);
            imported++;
        }

        return imported;
    }

    private static IEnumerable<(string Path, FileKinds Kinds)> Candidates(string folder, FileKinds kinds) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}staged{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => (f, kinds))
                .ToList()
            : [];

    private static async Task<bool> HasRowAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.TipPhotos.IgnoreQueryFilters().AnyAsync(p => p.Id == id, cancellationToken)
        || await db.ActivityPhotos.IgnoreQueryFilters().AnyAsync(p => p.Id == id, cancellationToken)
        || await db.MeetingAttachments.IgnoreQueryFilters().AnyAsync(a => a.Id == id, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} files from the data folder into the file store")]
    private static partial void LogImported(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Path} on disk: it is no file the store accepts")]
    private static partial void LogRefused(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing files from the data folder failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}

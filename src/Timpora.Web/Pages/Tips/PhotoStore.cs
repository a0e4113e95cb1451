using Timpora.Core.Tips;

namespace Timpora.Web.Pages.Tips;

/// <summary>Photos on disk, outside the database. A photo that arrives with a form that has to come back (a missing
/// field, say) is staged under a random token, so the reporter does not have to pick it again.</summary>
public sealed class PhotoStore(TipOptions options)
{
    private string Staged => Path.Combine(options.PhotoFolder, "staged");

    public async Task<Guid> StageAsync(string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Staged);
        var token = Guid.NewGuid();
        await File.WriteAllBytesAsync(Path.Combine(Staged, token.ToString("N")), bytes, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Staged, token.ToString("N") + ".type"), contentType, cancellationToken);
        return token;
    }

    public (string ContentType, long Length)? StagedInfo(Guid token)
    {
        var file = new FileInfo(Path.Combine(Staged, token.ToString("N")));
        var type = file.FullName + ".type";
        return file.Exists && File.Exists(type) ? (File.ReadAllText(type), file.Length) : null;
    }

    /// <summary>Moves a staged photo to the tip's folder; the photo's id becomes its file name.</summary>
    public TipPhoto? Claim(Guid token, Guid tipId, DateTime nowUtc)
    {
        if (StagedInfo(token) is not { } info)
        {
            return null;
        }

        var photo = new TipPhoto { TipId = tipId, ContentType = info.ContentType, Length = info.Length, CreatedUtc = nowUtc };
        Directory.CreateDirectory(Path.Combine(options.PhotoFolder, tipId.ToString("N")));
        File.Move(Path.Combine(Staged, token.ToString("N")), PathOf(photo));
        File.Delete(Path.Combine(Staged, token.ToString("N") + ".type"));
        return photo;
    }

    /// <summary>Writes a checked photo straight to the tip's folder, for a photo the reporter adds later.</summary>
    public async Task<TipPhoto> StoreAsync(Guid tipId, string contentType, byte[] bytes, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var photo = new TipPhoto { TipId = tipId, ContentType = contentType, Length = bytes.Length, CreatedUtc = nowUtc };
        Directory.CreateDirectory(Path.Combine(options.PhotoFolder, tipId.ToString("N")));
        await File.WriteAllBytesAsync(PathOf(photo), bytes, cancellationToken);
        return photo;
    }

    /// <summary>Deletes the staged photos last written before <paramref name="cutoffUtc"/>: those of forms that came
    /// back with an error and were never sent again.</summary>
    /// <returns>How many photos were deleted.</returns>
    public int PruneStaged(DateTime cutoffUtc)
    {
        var folder = new DirectoryInfo(Staged);
        if (!folder.Exists)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in folder.EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoffUtc))
        {
            try
            {
                file.Delete();
                deleted += file.Extension == ".type" ? 0 : 1;
            }
            catch (IOException)
            {
                // Claimed (moved) or deleted by another instance meanwhile.
            }
        }

        return deleted;
    }

    public string PathOf(TipPhoto photo) => Path.Combine(options.PhotoFolder, photo.TipId.ToString("N"), photo.Id.ToString("N"));
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Tips;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Tips;

/// <summary>Checks and files a tip from the public form or the village intake: the rules that need the database or
/// the files, the photos (checked by content, metadata stripped, staged), the Kanim of the area, one save.</summary>
public sealed class TipFiling(AppDbContext db, FileStore store, IConfiguration configuration, IMemoryCache cache, TimeProvider time,
    IStringLocalizer<SharedResource> t)
{
    public const int MaxPhotos = 5;

    /// <summary>How long a change to the Kanims' working areas may take to reach the tip line.</summary>
    public static readonly TimeSpan RouteCacheTime = TimeSpan.FromMinutes(5);

    /// <summary>Adds what is wrong to <paramref name="state"/>; stages every good photo, also when something else is wrong.
    /// <paramref name="contactRequired"/> is false for a village intake, where the officer or cadre who files is the contact.</summary>
    public async Task<TipDestination?> CheckAsync(ModelStateDictionary state, TipForm form, AreaPickerInput area, IReadOnlyList<IFormFile> files,
        CancellationToken cancellationToken, bool contactRequired = true)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            state.AddModelError(string.Empty, t["Tips.Error.Bot"]);
        }

        var staged = new List<Guid>();
        foreach (var token in form.Staged.Distinct())
        {
            if (await store.IsStagedAsync(token, cancellationToken))
            {
                staged.Add(token);
            }
        }

        form.Staged = staged;
        var uploads = files.Where(f => f.Length > 0).ToList();
        if (form.Staged.Count + uploads.Count > MaxPhotos)
        {
            state.AddModelError("Photos", t["Tips.Error.TooManyPhotos", MaxPhotos]);
        }

        foreach (var file in uploads.Take(Math.Max(0, MaxPhotos - form.Staged.Count)))
        {
            if (await CleanAsync(state, file, cancellationToken) is { } clean)
            {
                var until = time.GetUtcNow().UtcDateTime + Jobs.StagedPhotoCleanupWorker.RetentionOf(configuration);
                form.Staged.Add(await store.StageAsync(clean, until, cancellationToken));
            }
        }

        if (contactRequired && !form.Anonymous && string.IsNullOrWhiteSpace(form.ReporterPhone) && string.IsNullOrWhiteSpace(form.ReporterEmail))
        {
            state.AddModelError("Input.ReporterPhone", t["Tips.Error.ContactOrAnonymous"]);
        }

        area.Normalise();
        var destination = await DestinationAsync(state, area.Village, cancellationToken);
        if (destination is null)
        {
            return null;
        }

        if (form.When is { } when && destination.ToUtc(when) > time.GetUtcNow().UtcDateTime.AddMinutes(5))
        {
            state.AddModelError("Input.When", t["Tips.Error.WhenInFuture"]);
        }

        return destination;
    }

    /// <summary>The village and the Kanim whose working area holds it, or null with the reason in <paramref name="state"/>.
    /// A village that routes is remembered for a few minutes: reference data that changes rarely, read by every
    /// report, and two queries of the few a report costs (ADR 0014). Codes that do not route are not remembered.</summary>
    private async Task<TipDestination?> DestinationAsync(ModelStateDictionary state, string? village, CancellationToken cancellationToken)
    {
        if (village is not null && cache.TryGetValue((typeof(TipDestination), village), out TipDestination? known))
        {
            return known;
        }

        if (village is null || !await AreaPickerView.ExistsAsync(db, village, cancellationToken))
        {
            state.AddModelError("Area", t["Tips.Error.VillageRequired"]);
            return null;
        }

        var regency = Area.Ancestor(village, AreaLevel.Regency);
        var kanim = await db.KanimWorkingAreas.Where(w => w.RegencyCode == regency)
            .Join(db.Kanims, w => w.KanimId, k => k.Id, (w, k) => new { k.Id, k.TimeZoneId })
            .FirstOrDefaultAsync(cancellationToken);
        if (kanim is null)
        {
            state.AddModelError("Area", t["Tips.Error.NoKanim"]);
            return null;
        }

        // The reporter gives the local time of the place, which is the time zone of the Kanim that covers it.
        var destination = new TipDestination(village, kanim.Id, TimeZoneInfo.FindSystemTimeZoneById(kanim.TimeZoneId));
        cache.Set((typeof(TipDestination), village), destination, RouteCacheTime);
        return destination;
    }

    /// <summary>The photo checked by its content and size and stripped of its metadata, not yet stored; null, with the
    /// reason in <paramref name="state"/> under "Photos", when it is not a photo or too large.</summary>
    public async Task<StoredFile?> CleanAsync(ModelStateDictionary state, IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > FileStore.MaxPhotoBytes)
        {
            state.AddModelError("Photos", t["Tips.Error.PhotoTooLarge", file.FileName, FileStore.MaxPhotoBytes / 1024 / 1024]);
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        if (store.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), FileKinds.Photo, out _) is not { } clean)
        {
            state.AddModelError("Photos", t["Tips.Error.PhotoNotImage", file.FileName]);
            return null;
        }

        return clean;
    }

    /// <summary>Files the tip; returns it with the secret, which is shown once and never stored.</summary>
    public async Task<(Tip Tip, string Secret)> FileAsync(TipForm form, TipDestination destination,
        (string UserId, string Name)? filedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = TrackingCodes.NewCode();
        var secret = TrackingCodes.NewSecret();
        var tip = new Tip
        {
            TrackingCode = code,
            SecretHash = TrackingCodes.Hash(code, secret),
            Kind = form.Kind!.Value,
            Channel = filedBy is null ? TipChannel.Public : TipChannel.VillageIntake,
            KanimId = destination.KanimId,
            AreaCode = destination.Village,
            Place = Clean(form.Place),
            Latitude = form.Latitude,
            Longitude = form.Longitude,
            OccurredUtc = form.When is { } when ? destination.ToUtc(when) : null,
            Account = form.Account.Trim(),
            SubjectName = Clean(form.SubjectName),
            SubjectNationality = Clean(form.SubjectNationality),
            SubjectDescription = Clean(form.SubjectDescription),
            Vehicle = Clean(form.Vehicle),
            Anonymous = form.Anonymous,
            ReporterName = form.Anonymous ? null : Clean(form.ReporterName),
            ReporterPhone = form.Anonymous ? null : Clean(form.ReporterPhone),
            ReporterEmail = form.Anonymous ? null : Clean(form.ReporterEmail),
            FiledByUserId = filedBy?.UserId,
            FiledByName = filedBy?.Name,
            LastActionUtc = now,
        };
        db.Tips.Add(tip);
        db.TipEvents.Add(new TipEvent { TipId = tip.Id, AtUtc = now, Kind = TipEventKind.Received, By = filedBy?.Name ?? "public" });
        foreach (var token in form.Staged.Take(MaxPhotos))
        {
            if (await store.ClaimAsync(token, cancellationToken) is { } photo)
            {
                db.TipPhotos.Add(new TipPhoto { Id = token, TipId = tip.Id, ContentType = photo.ContentType, Length = photo.Length, CreatedUtc = now });
            }
        }

        // SQLite takes one writer at a time and Microsoft.Data.Sqlite answers a busy database by sleeping: under a
        // burst of reports, posts slept instead of queueing. They queue with the process's other writers (ADR 0014).
        await db.InWriterQueueAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);

        return (tip, secret);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record TipDestination(string Village, int KanimId, TimeZoneInfo Zone)
{
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}

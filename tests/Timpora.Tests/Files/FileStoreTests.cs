using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Files;
using Timpora.Core.Villages;
using Timpora.Tests.Tips;
using Timpora.Tests.Villages;

namespace Timpora.Tests.Files;

/// <summary>Files live in the database, so two instances on one database (each with its own data folder) serve
/// what either received.</summary>
public sealed class FileStoreTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_ThroughOneHost_IsReadThroughAnother()
    {
        var otherFolder = Directory.CreateTempSubdirectory("timpora-other-").FullName;
        await using var other = app.WithWebHostBuilder(b => b.UseSetting("Timpora:DataFolder", otherFolder));

        var (code, _) = await TipData.FileAsync(app.Anonymous(), TipData.Unique(), photos: [("foto.jpg", TestImages.Jpeg(), "image/jpeg")]);
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var activity = await AddActivityAsync(village);
        var uploaded = await UploadActivityPhotoAsync(pimpasa, activity.Id, TestImages.Png(withMetadata: false));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Photos).SingleAsync(t => t.TrackingCode == code, Token);
        var activityPhoto = await db.ActivityPhotos.SingleAsync(p => p.ActivityId == activity.Id, Token);
        var staff = await SignInAsync(other, "kalianda");
        var tipPhoto = await staff.GetAsync(new Uri($"/Tips/Detail/{tip.Id}?handler=Photo&photo={tip.Photos.Single().Id}", UriKind.Relative), Token);
        var officer = await SignInAsync(other, await app.CreateUserAsync("Pimpasa", await KanimOfAsync(village), [village.AreaCode]));
        var photo = await officer.GetAsync(new Uri($"/Villages/Activities/Photo/{activityPhoto.Id}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, tipPhoto.StatusCode);
        Assert.Equal("image/jpeg", tipPhoto.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal(TestImages.Png(withMetadata: false), await photo.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Import_ActivityPhotoLeftOnDiskByAnOldInstall_IsServedFromTheStoreWithoutItsLocation()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var activity = await AddActivityAsync(village);
        var photo = new ActivityPhoto { ActivityId = activity.Id, ContentType = "image/jpeg", Size = 1, UploadedBy = "old", UploadedUtc = DateTime.UtcNow };
        await using (var db = app.SystemDb())
        {
            db.ActivityPhotos.Add(photo);
            await db.SaveChangesAsync(Token);
        }

        var folder = Path.Combine(app.Services.GetRequiredService<IConfiguration>()["Timpora:DataFolder"]!, "village-photos");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, photo.Id.ToString("N"));
        await File.WriteAllBytesAsync(path, TestImages.Jpeg(), Token);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imported = await app.Services.GetRequiredService<Web.Jobs.LegacyFileImport>().ImportAsync(
                scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>(), scope.ServiceProvider.GetRequiredService<FileStore>(), Token);
            Assert.True(imported >= 1);
        }

        var served = await pimpasa.GetAsync(new Uri($"/Villages/Activities/Photo/{photo.Id}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.ASCII.GetString(await served.Content.ReadAsByteArrayAsync(Token)), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Check_PhotoWithExif_IsStoredWithoutItAndWithItsHash()
    {
        var file = new FileStore(null!, TimeProvider.System).Check(TestImages.Jpeg(), FileKinds.Photo, out var problem);

        Assert.Null(problem);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.ASCII.GetString(file!.Content), StringComparison.Ordinal);
        Assert.Equal(file.Content.Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)), file.Sha256);
    }

    [Fact]
    public void Check_PdfWherePhotosOnly_IsNotAccepted()
    {
        var file = new FileStore(null!, TimeProvider.System).Check("%PDF-1.7 hello"u8, FileKinds.Photo, out var problem);

        Assert.Null(file);
        Assert.Equal(FileProblem.NotAccepted, problem);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string userName)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = userName, ["Input.Password"] = Core.Demo.DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<string> KanimOfAsync(ProgrammeVillage village)
    {
        await using var db = app.SystemDb();
        return await db.Kanims.Where(k => k.Id == village.KanimId).Select(k => k.Name).SingleAsync(Token);
    }

    private async Task<VillageActivity> AddActivityAsync(ProgrammeVillage village)
    {
        await using var db = app.SystemDb();
        var activity = new VillageActivity
        {
            VillageId = village.Id,
            KanimId = village.KanimId,
            AreaCode = village.AreaCode,
            Place = "Balai Desa",
            Date = new DateOnly(2025, 5, 5),
            Status = ActivityStatus.Done,
            Men = 5,
        };
        db.VillageActivities.Add(activity);
        await db.SaveChangesAsync(Token);
        return activity;
    }

    private static async Task<HttpResponseMessage> UploadActivityPhotoAsync(HttpClient client, Guid activityId, byte[] bytes)
    {
        var page = await TestApp.GetHtmlAsync(client, $"/Villages/Activities/{activityId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "Photo", "bukti.png");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri($"/Villages/Activities/{activityId}?handler=Photo", UriKind.Relative), content);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Files;
using Timpora.Core.Villages;

namespace Timpora.Tests.Villages;

public sealed class ActivityTests(TestApp app)
{
    private static readonly byte[] Png = Tips.TestImages.Png(withMetadata: false);

    [Fact]
    public async Task Record_DoneActivity_CountsTowardsTheQuarter()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await TestApp.PostFormAsync(pimpasa, "/Villages/Activities/Edit", Form(village.Id, today, "Done", men: 12, women: 15, migrants: 4));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await TestApp.GetHtmlAsync(pimpasa, response.Headers.Location!.ToString());
        Assert.StartsWith("31", detail.QuerySelector("[data-testid=activity-participants]")!.TextContent.Trim(), StringComparison.Ordinal);
        var summary = (await TestApp.GetHtmlAsync(pimpasa, $"/Villages/{village.Id}")).QuerySelector("[data-testid=quarter-summary]")!.TextContent;
        Assert.Contains("1 kegiatan terlaksana", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_FutureDoneNegativeCountAndOverCapacity_SaysWhatIsWrongAndKeepsTheInput()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var future = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var form = Form(village.Id, future, "Done", men: 30, women: 30, migrants: -2);
        form["Input.VenueCapacity"] = "40";
        form["Input.Place"] = "Balai Desa Uji";
        var response = await TestApp.PostFormAsync(pimpasa, "/Villages/Activities/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        var errors = string.Join(" | ", page.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(e => e.Length > 0));
        Assert.Contains("masa depan belum bisa ditandai terlaksana", errors, StringComparison.Ordinal);
        Assert.Contains("Calon PMI harus antara 0 dan", errors, StringComparison.Ordinal);
        Assert.Contains("melebihi kapasitas tempat (40)", errors, StringComparison.Ordinal);
        Assert.Equal("Balai Desa Uji", page.QuerySelector("input[name='Input.Place']")!.GetAttribute("value"));
        await using var db = app.SystemDb();
        Assert.False(await db.VillageActivities.AnyAsync(a => a.VillageId == village.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Photo_UploadedImage_IsServedToTheVillageOnly()
    {
        var village = await VillageData.AddAsync(app);
        var other = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var outsider = await VillageData.OfficerOfAsync(app, other);
        var activity = await AddActivityAsync(village);

        var upload = await UploadAsync(pimpasa, activity.Id, Png, "bukti.png");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await using var db = app.SystemDb();
        var photo = await db.ActivityPhotos.SingleAsync(p => p.ActivityId == activity.Id, TestContext.Current.CancellationToken);
        var own = await pimpasa.GetAsync(new Uri($"/Villages/Activities/Photo/{photo.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await own.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/Villages/Activities/Photo/{photo.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/Villages/Activities/{activity.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Photo_JpegWithExifGps_IsServedWithoutTheLocation()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var activity = await AddActivityAsync(village);

        var upload = await UploadAsync(pimpasa, activity.Id, Tips.TestImages.Jpeg(), "lokasi.jpg");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await using var db = app.SystemDb();
        var photo = await db.ActivityPhotos.SingleAsync(p => p.ActivityId == activity.Id, TestContext.Current.CancellationToken);
        var served = await pimpasa.GetAsync(new Uri($"/Villages/Activities/Photo/{photo.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("nosniff", served.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Photo_TextFileNamedJpg_IsRefused()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var activity = await AddActivityAsync(village);

        var upload = await UploadAsync(pimpasa, activity.Id, "<script>alert(1)</script>"u8.ToArray(), "foto.jpg");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("bukan foto JPEG, PNG atau WebP", await upload.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.ActivityPhotos.AnyAsync(p => p.ActivityId == activity.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Plan_QuarterWithoutActivity_IsNotMet()
    {
        var village = await VillageData.AddAsync(app);
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(kanim, $"/Villages/Activities/Plan?village={village.Id}&year=2025",
            new() { ["Input.Quarter"] = "2", ["Input.PlannedActivities"] = "3", ["Input.Note"] = "sosialisasi sekolah" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = (await TestApp.GetHtmlAsync(kanim, $"/Villages/Activities/Plan?village={village.Id}&year=2025")).QuerySelectorAll("[data-testid=plan-table] tbody tr");
        Assert.Contains("3", rows[1].Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Belum terpenuhi", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_VillageThatEnded_KeepsItsActivitiesEditableButTakesNoNewOne()
    {
        var village = await VillageData.AddAsync(app, status: VillageStatus.Ended);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var activity = await AddActivityAsync(village);

        var refused = await TestApp.PostFormAsync(pimpasa, "/Villages/Activities/Edit", Form(village.Id, "2025-05-06", "Done", men: 3));
        var edit = Form(village.Id, "2025-05-05", "Done", men: 7);
        edit["Input.Version"] = activity.Version.ToString();
        var edited = await TestApp.PostFormAsync(pimpasa, $"/Villages/Activities/Edit/{activity.Id}", edit);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.VillageActivities.Where(a => a.VillageId == village.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7, Assert.Single(saved).Men);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, null)]
    public void ContentType_ByMagicBytes_OnlyJpegPngWebpArePhotos(byte[] head, string? expected) =>
        Assert.Equal(expected, ContentSniffer.Recognise(head) is { Kind: FileKinds.Photo } found ? found.ContentType : null);

    private static Dictionary<string, string> Form(Guid village, string date, string status, int men = 0, int women = 0, int migrants = 0) => new()
    {
        ["Input.VillageId"] = village.ToString(),
        ["Input.Kind"] = "Socialisation",
        ["Input.Status"] = status,
        ["Input.Date"] = date,
        ["Input.Place"] = "Balai Desa",
        ["Input.Topics"] = "Trafficking",
        ["Input.Men"] = men.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Women"] = women.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ProspectiveMigrants"] = migrants.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

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
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return activity;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid activityId, byte[] bytes, string fileName)
    {
        var page = await TestApp.GetHtmlAsync(client, $"/Villages/Activities/{activityId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Photo", fileName);
        content.Add(new StringContent("Sosialisasi"), "Caption");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri($"/Villages/Activities/{activityId}?handler=Photo", UriKind.Relative), content);
    }
}

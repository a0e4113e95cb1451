using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>The reporter adds photos later on the status page, with the code and the secret, under the form's checks.</summary>
public sealed class StatusPhotoTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<IHtmlDocument> AddPhotosAsync(HttpClient client, string code, string secret, params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var page = await TestApp.GetHtmlAsync(client, "/Tips/Status");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(code), "Input.Code" },
            { new StringContent(secret), "Input.Secret" },
        };
        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "Photos", name);
        }

        var response = await client.PostAsync(new Uri("/Tips/Status?handler=Photos", UriKind.Relative), content, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.HtmlAsync(response);
    }

    private async Task<(Guid Id, int Photos)> SavedAsync(string code)
    {
        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Photos).SingleAsync(t => t.TrackingCode == code, Token);
        return (tip.Id, tip.Photos.Count);
    }

    [Fact]
    public async Task AddPhotos_WithCodeAndSecret_StoresThemWithoutMetadata()
    {
        var client = app.Anonymous();
        var (code, secret) = await TipData.FileAsync(client, TipData.Unique(), photos: [("a.jpg", TestImages.Jpeg(), "image/jpeg")]);

        var page = await AddPhotosAsync(client, code, secret, ("b.jpg", TestImages.Jpeg(), "image/jpeg"), ("c.png", TestImages.Png(), "image/png"));

        Assert.Contains("2", TipData.Text(page, "tip-photos-added"), StringComparison.Ordinal);
        var (id, count) = await SavedAsync(code);
        Assert.Equal(3, count);
        await using var db = app.SystemDb();
        var ids = await db.TipPhotos.Where(p => p.TipId == id).Select(p => p.Id).ToListAsync(Token);
        var files = await db.StoredFiles.Where(f => ids.Contains(f.Id) && f.StagedUntilUtc == null).ToListAsync(Token);
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(f.Content), StringComparison.Ordinal));
        Assert.True(await db.TipEvents.AnyAsync(e => e.TipId == id && e.Kind == TipEventKind.ReporterPhotos && e.Text == "2", Token));
    }

    [Fact]
    public async Task AddPhotos_BeyondFiveInAll_IsRefusedAndTheFifthFillsTheTip()
    {
        var client = app.Anonymous();
        var four = Enumerable.Range(1, 4).Select(i => ($"{i}.jpg", TestImages.Jpeg(), "image/jpeg")).ToArray();
        var (code, secret) = await TipData.FileAsync(client, TipData.Unique(), photos: four);

        var refused = await AddPhotosAsync(client, code, secret, ("5.jpg", TestImages.Jpeg(), "image/jpeg"), ("6.png", TestImages.Png(), "image/png"));
        var countAfterRefusal = (await SavedAsync(code)).Photos;
        var full = await AddPhotosAsync(client, code, secret, ("5.jpg", TestImages.Jpeg(), "image/jpeg"));

        Assert.Contains("5", TipData.Text(refused, "photo-errors"), StringComparison.Ordinal);
        Assert.Equal(4, countAfterRefusal);
        Assert.Equal(5, (await SavedAsync(code)).Photos);
        Assert.NotNull(full.QuerySelector("[data-testid=photos-full]"));
        Assert.Null(full.QuerySelector("[data-testid=tip-add-photos] input[type=file]"));
    }

    [Fact]
    public async Task AddPhotos_NotAPhotoOrTooLarge_IsRefusedByNameAndTheGoodOneKept()
    {
        var client = app.Anonymous();
        var (code, secret) = await TipData.FileAsync(client, TipData.Unique());
        var large = new byte[11 * 1024 * 1024];
        TestImages.Jpeg().CopyTo(large, 0);

        var page = await AddPhotosAsync(client, code, secret,
            ("palsu.jpg", Encoding.ASCII.GetBytes("MZ this is a program, not a photo"), "image/jpeg"),
            ("besar.jpg", large, "image/jpeg"),
            ("baik.webp", TestImages.WebP(), "image/webp"));

        var errors = TipData.Text(page, "photo-errors");
        Assert.Contains("palsu.jpg", errors, StringComparison.Ordinal);
        Assert.Contains("besar.jpg", errors, StringComparison.Ordinal);
        Assert.Contains("1", TipData.Text(page, "tip-photos-added"), StringComparison.Ordinal);
        Assert.Equal(1, (await SavedAsync(code)).Photos);
    }

    [Fact]
    public async Task AddPhotos_WithAWrongSecret_IsRefusedAndNothingIsStored()
    {
        var client = app.Anonymous();
        var (code, _) = await TipData.FileAsync(client, TipData.Unique());

        var page = await AddPhotosAsync(client, code, "WRONG-SECRT", ("a.jpg", TestImages.Jpeg(), "image/jpeg"));

        Assert.NotEmpty(TipData.Text(page, "tip-errors"));
        Assert.Null(page.QuerySelector("[data-testid=tip-add-photos]"));
        Assert.Equal(0, (await SavedAsync(code)).Photos);
    }
}

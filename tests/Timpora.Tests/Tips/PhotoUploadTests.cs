using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Timpora.Tests.Tips;

/// <summary>Photos on the public form: checked by content, size and count; kept across a form that comes back.</summary>
public sealed class PhotoUploadTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Photos_ThreeFormats_AreStoredWithoutMetadata()
    {
        var (code, _) = await TipData.FileAsync(app.Anonymous(), TipData.Unique(), photos:
            [("a.jpg", TestImages.Jpeg(), "image/jpeg"), ("b.png", TestImages.Png(), "image/png"), ("c.webp", TestImages.WebP(), "image/webp")]);

        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Photos).SingleAsync(t => t.TrackingCode == code, Token);
        Assert.Equal(["image/jpeg", "image/png", "image/webp"], tip.Photos.Select(p => p.ContentType).Order());
        var ids = tip.Photos.Select(p => p.Id).ToList();
        var files = await db.StoredFiles.Where(f => ids.Contains(f.Id) && f.StagedUntilUtc == null).ToListAsync(Token);
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(f.Content), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Photo_ClaimingToBeJpegButNot_IsRefusedBesideThePhotos()
    {
        var unique = TipData.Unique();

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), TipData.Form(unique),
            [("foto.jpg", Encoding.ASCII.GetBytes("MZ this is a program, not a photo"), "image/jpeg")]));

        Assert.Contains("foto.jpg", page.QuerySelector("[data-valmsg-for=Photos]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(unique, page.QuerySelector("textarea[name='Input.Account']")!.TextContent, StringComparison.Ordinal);
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Photo_Of50Megabytes_IsRefusedWithTheLimit()
    {
        var unique = TipData.Unique();
        var huge = new byte[50 * 1024 * 1024];
        TestImages.Jpeg().CopyTo(huge, 0);

        var response = await TipData.PostAsync(app.Anonymous(), TipData.Form(unique), [("besar.jpg", huge, "image/jpeg")]);

        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("10 MB", page.QuerySelector("[data-valmsg-for=Photos]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(unique, page.QuerySelector("textarea[name='Input.Account']")!.TextContent, StringComparison.Ordinal);
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task SixthPhoto_IsRefused_AndTheGoodOnesAreKeptForTheNextTry()
    {
        var unique = TipData.Unique();
        var client = app.Anonymous();
        var six = Enumerable.Range(1, 6).Select(i => ($"foto{i}.jpg", TestImages.Jpeg(), "image/jpeg")).ToList();

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(client, TipData.Form(unique), six));

        Assert.Contains("5 foto", page.QuerySelector("[data-valmsg-for=Photos]")!.TextContent, StringComparison.Ordinal);
        var staged = page.QuerySelectorAll("input[name='Input.Staged']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(5, staged.Count);
        await AssertNotFiledAsync(unique);

        var form = TipData.Form(unique);
        var retry = new MultipartFormDataContent();
        var token = (await TestApp.GetHtmlAsync(client, "/Tips/Report")).QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        retry.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in form)
        {
            retry.Add(new StringContent(value), name);
        }

        foreach (var s in staged)
        {
            retry.Add(new StringContent(s), "Input.Staged");
        }

        var sent = await client.PostAsync(new Uri("/Tips/Report", UriKind.Relative), retry, Token);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal(5, await db.Tips.Where(t => t.Account.Contains(unique)).SelectMany(t => t.Photos).CountAsync(Token));
    }

    private async Task AssertNotFiledAsync(string unique)
    {
        await using var db = app.SystemDb();
        Assert.False(await db.Tips.AnyAsync(t => t.Account.Contains(unique), Token));
    }
}

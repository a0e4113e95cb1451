using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace Timpora.Tests.Tips;

/// <summary>Posts the public tip form the way a phone's browser does: multipart, with the antiforgery token of the page.</summary>
public static class TipData
{
    public const string BrajaHarjosari = "18.07.22.2001";

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static Dictionary<string, string> Form(string unique, string village = BrajaHarjosari) => new()
    {
        ["Input.Kind"] = "WorkingWithoutPermit",
        ["Area.Pick"] = village,
        ["Input.Place"] = "Dekat balai desa " + unique,
        ["Input.When"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Account"] = "Seorang asing bekerja di penggilingan padi tanpa dokumen " + unique,
        ["Input.SubjectName"] = "Mr " + unique,
        ["Input.SubjectNationality"] = "Tiongkok",
        ["Input.ReporterName"] = "Warga " + unique,
        ["Input.ReporterPhone"] = "0812-1111-2222",
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields,
        IEnumerable<(string Name, byte[] Bytes, string Type)>? photos = null, string url = "/Tips/Report")
    {
        var page = await TestApp.GetHtmlAsync(client, url);
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes, type) in photos ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "Photos", name);
        }

        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Files a valid report and returns its tracking code and secret from the receipt.</summary>
    public static async Task<(string Code, string Secret)> FileAsync(HttpClient client, string unique, Action<Dictionary<string, string>>? change = null,
        IEnumerable<(string Name, byte[] Bytes, string Type)>? photos = null)
    {
        var form = Form(unique);
        change?.Invoke(form);
        var response = await PostAsync(client, form, photos);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await TestApp.GetHtmlAsync(client, "/Tips/Receipt");
        return (Text(receipt, "tracking-code"), Text(receipt, "tracking-secret"));
    }

    public static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? throw new InvalidOperationException("No " + testId);
}

/// <summary>Tips put straight into the database, for the staff-side tests.</summary>
public static class TipSeed
{
    public const string TambolakaVillage = "53.18.09.1004";

    public static async Task<Timpora.Core.Tips.Tip> AddAsync(TestApp app, string kanim = "Kalianda", string area = TipData.BrajaHarjosari,
        Action<Timpora.Core.Tips.Tip>? change = null)
    {
        await using var db = app.SystemDb();
        var kanimId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id));
        var code = Timpora.Core.Tips.TrackingCodes.NewCode();
        var tip = new Timpora.Core.Tips.Tip
        {
            TrackingCode = code,
            SecretHash = Timpora.Core.Tips.TrackingCodes.Hash(code, "AAAAA-BBBBB"),
            Kind = Timpora.Core.Tips.TipKind.SuspiciousForeigner,
            KanimId = kanimId,
            AreaCode = area,
            Account = "Uji " + TipData.Unique(),
            LastActionUtc = DateTime.UtcNow,
        };
        change?.Invoke(tip);
        db.Tips.Add(tip);
        await db.SaveChangesAsync();
        return tip;
    }

    public static async Task<int> UnitAsync(TestApp app, string name)
    {
        await using var db = app.SystemDb();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AgencyUnits.Where(u => u.Name == name).Select(u => u.Id));
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid tipId, Dictionary<string, string> fields) =>
        TestApp.PostFormAsync(client, $"/Tips/Detail/{tipId}?handler=Step", fields, $"/Tips/Detail/{tipId}");
}

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

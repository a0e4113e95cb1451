using System.Net;

namespace Timpora.Tests.Platform;

public sealed class BadInputTests(TestApp app)
{
    [Theory]
    [InlineData("/People/not-a-guid")]
    [InlineData("/People/Edit/12345")]
    [InlineData("/People/Delete/%27%20or%201=1")]
    [InlineData("/Offices/999999")]
    [InlineData("/Offices/abc")]
    [InlineData("/Areas/99.99.99")]
    [InlineData("/Areas/53.18.09.1004.1234567")]
    [InlineData("/no/such/page")]
    public async Task MalformedOrUnknownIds_AnswerNotFoundWithAPage(string url)
    {
        var client = await app.SignInAsync("admin");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedFormPost_IsRefusedWithoutServerError()
    {
        var client = app.Anonymous();
        var huge = new string('x', 40 * 1024 * 1024);

        var response = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = huge, ["Input.Password"] = "x" });

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task PersonForm_InvalidFields_SaysWhatIsWrongAndKeepsTheInput()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(client, "/People/Edit", new()
        {
            ["Input.FullName"] = "Yohana Bili",
            ["Input.Email"] = "not-an-email",
            ["Input.Phone"] = "call me",
            ["Area.Province"] = "99",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        var errors = string.Join(" | ", page.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
        Assert.Contains("Email bukan alamat email yang valid", errors, StringComparison.Ordinal);
        Assert.Contains("Telepon hanya boleh berisi angka", errors, StringComparison.Ordinal);
        Assert.Contains("Satuan kerja wajib diisi", errors, StringComparison.Ordinal);
        Assert.Contains("Pilih wilayah yang ada", errors, StringComparison.Ordinal);
        Assert.Equal("Yohana Bili", page.QuerySelector("input[name='Input.FullName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task PersonForm_AreaOutsideTheUnitsKanim_IsRefused()
    {
        var client = await app.SignInAsync("admin");
        await using var db = app.SystemDb();
        var unit = db.AgencyUnits.Single(u => u.Name == "Polres Sumba Barat Daya");

        var response = await TestApp.PostFormAsync(client, "/People/Edit", new()
        {
            ["Input.FullName"] = "Outside " + Guid.NewGuid().ToString("N")[..6],
            ["Input.UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Area.Pick"] = "18.07.22.2001",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("di luar wilayah kerja", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

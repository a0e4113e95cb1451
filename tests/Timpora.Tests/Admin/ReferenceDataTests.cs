using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Admin;

/// <summary>Visa indexes and overstay rates are reference data an administrator keeps, with their rules.</summary>
public sealed class ReferenceDataTests(TestApp app)
{
    [Theory]
    [InlineData("B-1!", "2030-01-01", "", "Kode hanya huruf dan angka")]
    [InlineData("ABCDEFGHIJK", "2030-01-01", "", "Kode hanya huruf dan angka")]
    [InlineData("Z9", "2030-02-01", "2030-01-01", "tidak boleh sebelum")]
    [InlineData("B1", "2026-06-01", "", "bertumpang tindih")]
    public async Task VisaIndex_Invalid_ShowsTheMessageBesideTheField(string code, string from, string until, string message)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync("Administrator"));

        var response = await TestApp.PostFormAsync(client, "/Admin/VisaIndexes", Visa(code, from, until));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = string.Join(" | ", (await TestApp.HtmlAsync(response)).QuerySelectorAll(".field-error").Select(e => e.TextContent));
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisaIndex_NewCode_IsAddedAndEditable()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync("Administrator"));
        var code = "T" + Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var token = TestContext.Current.CancellationToken;

        var added = await TestApp.PostFormAsync(client, "/Admin/VisaIndexes", Visa(code.ToLowerInvariant(), "2030-01-01", "2030-12-31"));
        await using var db = app.SystemDb();
        var index = await db.VisaIndexes.SingleAsync(v => v.Code == code, token);
        var edited = await TestApp.PostFormAsync(client, $"/Admin/VisaIndexes/{index.Id}", Visa(code, "2030-01-01", "2031-06-30"));
        var clashing = await TestApp.PostFormAsync(client, "/Admin/VisaIndexes", Visa(code, "2031-01-01", ""));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, clashing.StatusCode);
        await using var after = app.SystemDb();
        Assert.Equal(new DateOnly(2031, 6, 30), (await after.VisaIndexes.SingleAsync(v => v.Id == index.Id, token)).ValidUntil);
    }

    [Theory]
    [InlineData("0", "Tarif harus lebih dari nol.")]
    [InlineData("-5", "Tarif harus lebih dari nol.")]
    public async Task OverstayRate_NotPositive_IsRefused(string rate, string message)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync("Administrator"));

        var response = await TestApp.PostFormAsync(client, "/Admin/OverstayRates", Rate(FarDate(), rate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.RupiahPerDay']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverstayRate_Valid_IsListed()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync("Administrator"));
        var date = FarDate();

        var response = await TestApp.PostFormAsync(client, "/Admin/OverstayRates", Rate(date, "1500000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.True(await db.OverstayRates.AnyAsync(r => r.EffectiveFrom == DateOnly.Parse(date, CultureInfo.InvariantCulture) && r.RupiahPerDay == 1_500_000, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReferenceData_KanimOfficer_IsForbidden()
    {
        var client = await app.SignInAsync("kupang");

        var response = await client.GetAsync(new Uri("/Admin/VisaIndexes", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    // Far in the future and unique, so that no charge computed by another test changes.
    private static string FarDate() =>
        new DateOnly(2200, 1, 1).AddDays(Random.Shared.Next(0, 300_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Visa(string code, string from, string until) => new()
    {
        ["Input.Code"] = code,
        ["Input.Description"] = "Test index",
        ["Input.PermitKind"] = "Itk",
        ["Input.StayDays"] = "30",
        ["Input.Extendable"] = "false",
        ["Input.ValidFrom"] = from,
        ["Input.ValidUntil"] = until,
    };

    private static Dictionary<string, string> Rate(string date, string rate) => new()
    {
        ["Input.EffectiveFrom"] = date,
        ["Input.RupiahPerDay"] = rate,
        ["Input.LegalBasis"] = "Test regulation",
    };
}

using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Sanctions;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Sanctions;

public sealed class SanctionPagesTests(TestApp app)
{
    private async Task<Dictionary<string, string>> FormAsync(SanctionKind kind, string subject)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync();
        return new()
        {
            ["Input.KanimId"] = kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = kind.ToString(),
            ["Input.DecisionNumber"] = "W22.IMI.3-GR.04-" + TeamData.Unique(),
            ["Input.DecisionDate"] = "2025-05-05",
            ["Input.SubjectName"] = subject,
            ["Input.Nationality"] = "AUS",
            ["Input.Grounds"] = "Bekerja dengan izin tinggal kunjungan (Pasal 122 huruf a).",
        };
    }

    [Fact]
    public async Task Record_DeportationWithoutPortAndCarrier_ExplainsAndSavesNothing()
    {
        var officer = await app.SignInAsync("kupang");
        var subject = "SMITH JOHN " + TeamData.Unique();
        var form = await FormAsync(SanctionKind.Deportation, subject);
        form["Input.DeportationDate"] = "2025-05-10";
        form["Input.BanYears"] = "2";

        var response = await TestApp.PostFormAsync(officer, "/Sanctions/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("Wajib diisi untuk Deportasi", page.QuerySelector("[data-valmsg-for='Input.DeportationPort']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tidak sesuai dengan Deportasi", page.QuerySelector("[data-valmsg-for='Input.BanYears']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(subject, page.QuerySelector("[name='Input.SubjectName']")!.GetAttribute("value"));
        await using var db = app.SystemDb();
        Assert.False(await db.Sanctions.AnyAsync(s => s.SubjectName == subject, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Record_Charge_IsComputedAtTheOverstayRate()
    {
        var officer = await app.SignInAsync("kupang");
        var form = await FormAsync(SanctionKind.Charge, "JONES MARY " + TeamData.Unique());
        form["Input.ChargeDays"] = "3";

        var response = await TestApp.PostFormAsync(officer, "/Sanctions/Edit", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetHtmlAsync(officer, response.Headers.Location!.ToString());
        Assert.Contains("Rp3.000.000", page.QuerySelector("[data-testid=charge]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objection_AfterTheDeadlineWithoutReason_IsRefused_WithReason_IsRecorded()
    {
        var officer = await app.SignInAsync("kupang");
        var form = await FormAsync(SanctionKind.BanList, "BROWN PETER " + TeamData.Unique());
        form["Input.BanYears"] = "5";
        var created = await TestApp.PostFormAsync(officer, "/Sanctions/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();

        // 21 working days after Monday 5 May 2025, skipping Waisak (12 May) and the Ascension (29 May): 5 June.
        Assert.Contains("5 Juni 2025", (await TestApp.GetHtmlAsync(officer, url)).QuerySelector("[data-testid=filing-deadline]")!.TextContent, StringComparison.Ordinal);
        var late = await TestApp.PostFormAsync(officer, url + "?handler=File", new() { ["filedOn"] = "2025-06-06" }, url);
        var accepted = await TestApp.PostFormAsync(officer, url + "?handler=File", new() { ["filedOn"] = "2025-06-06", ["lateReason"] = "Surat tertahan di kantor pos Tambolaka" }, url);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var page = await TestApp.HtmlAsync(late);
        Assert.Contains("setelah batas", page.QuerySelector("[data-testid=filing-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2025-06-06", page.QuerySelector("[name=filedOn]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = app.SystemDb();
        var id = Guid.Parse(url.Split('/')[^1]);
        var saved = await db.Sanctions.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2025, 6, 6), saved.ObjectionFiledOn);
        Assert.Equal("Surat tertahan di kantor pos Tambolaka", saved.ObjectionLateReason);
    }

    [Fact]
    public async Task AnotherOfficesSanction_Is404()
    {
        var officer = await app.SignInAsync("kupang");
        var form = await FormAsync(SanctionKind.Residence, "LEE ANN " + TeamData.Unique());
        form["Input.Detail"] = "Wajib tinggal di alamat penjamin";
        var created = await TestApp.PostFormAsync(officer, "/Sanctions/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var outsider = await app.SignInAsync("kalianda");

        var response = await outsider.GetAsync(new Uri(created.Headers.Location!.ToString(), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Holidays_DuplicateDate_IsRefused_SeededHolidayIsListed()
    {
        var admin = await app.SignInAsync("admin");

        var page = await TestApp.GetHtmlAsync(admin, "/Admin/Holidays?year=2025");
        var response = await TestApp.PostFormAsync(admin, "/Admin/Holidays", new() { ["Input.Date"] = "2025-08-17", ["Input.Name"] = "Hari Kemerdekaan" });

        Assert.Contains("Idulfitri 1446 Hijriah", page.QuerySelector("[data-testid=holidays]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sudah tercatat", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.Date']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objection_OverIdulfitri2026_CountsTheDecreesHolidaysAndJointLeave()
    {
        var officer = await app.SignInAsync("kupang");
        var form = await FormAsync(SanctionKind.BanList, "GREEN ROSE " + TeamData.Unique());
        form["Input.BanYears"] = "1";
        form["Input.DecisionDate"] = "2026-03-09";
        var created = await TestApp.PostFormAsync(officer, "/Sanctions/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var page = await TestApp.GetHtmlAsync(officer, created.Headers.Location!.ToString());

        // 21 working days after Monday 9 March 2026, skipping the joint leave of Nyepi (18 March), Nyepi (19 March),
        // the joint leave of Idulfitri (20, 23 and 24 March) and Good Friday (3 April): 15 April, not 8 April.
        Assert.Contains("15 April 2026", page.QuerySelector("[data-testid=filing-deadline]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Holidays_DecreeDatesCiteTheSkb_AndOnlyLocalOnesCanBeRemoved()
    {
        var admin = await app.SignInAsync("admin");

        var page = await TestApp.GetHtmlAsync(admin, "/Admin/Holidays?year=2026");
        var removeDecreeDay = await TestApp.PostFormAsync(admin, "/Admin/Holidays?handler=Remove", new() { ["date"] = "2026-03-20" }, "/Admin/Holidays");

        var idulfitri = page.QuerySelectorAll("[data-testid=holidays] tbody tr").First(r => r.TextContent.Contains("Cuti bersama Idulfitri 1447", StringComparison.Ordinal));
        Assert.Contains("Nomor 1497 Tahun 2025", idulfitri.TextContent, StringComparison.Ordinal);
        Assert.Null(idulfitri.QuerySelector("a"));
        Assert.Equal(HttpStatusCode.NotFound, removeDecreeDay.StatusCode);
    }

    [Fact]
    public async Task Holidays_NextYearEmpty_WarnsTheAdministratorOnThePageAndTheHome()
    {
        // In 2027 the next year is 2028, which holds no holidays.
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2027, 10, 1, 2, 0, 0, TimeSpan.Zero)))));
        var admin = later.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestApp.PostFormAsync(admin, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = Timpora.Core.Demo.DemoData.Password });

        var holidays = await TestApp.GetHtmlAsync(admin, "/Admin/Holidays");
        var home = await TestApp.GetHtmlAsync(admin, "/Home");

        Assert.Contains("Hari libur tahun 2028 belum dimuat", holidays.QuerySelector("[data-testid=holidays-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hari libur tahun 2028 belum dimuat", home.Body!.TextContent, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

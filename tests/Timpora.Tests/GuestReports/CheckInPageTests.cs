using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.GuestReports;

/// <summary>The receptionist's form: MRZ fill, field messages, receipt, check-out, and who may see what.</summary>
public sealed class CheckInPageTests(TestApp app)
{
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task FromMrz_FillsTheFormWithoutSaving()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var mrz = Td3.Replace("UTO", "NLD", StringComparison.Ordinal);

        var response = await TestApp.PostFormAsync(client, "/GuestReports/CheckIn?handler=FromMrz", new() { ["Input.Mrz"] = mrz }, "/GuestReports/CheckIn");
        var page = await TestApp.HtmlAsync(response);

        Assert.Equal("ERIKSSON", page.QuerySelector("input[name='Input.Surname']")!.GetAttribute("value"));
        Assert.Equal("ANNA MARIA", page.QuerySelector("input[name='Input.GivenNames']")!.GetAttribute("value"));
        Assert.Equal("L898902C3", page.QuerySelector("input[name='Input.PassportNumber']")!.GetAttribute("value"));
        Assert.Equal("1974-08-12", page.QuerySelector("input[name='Input.BirthDate']")!.GetAttribute("value"));
        // The specimen expired in 2012: the receptionist is told beside the expiry date.
        Assert.Contains("habis masa berlakunya", page.QuerySelector("span[data-valmsg-for='Input.PassportExpiresOn']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromMrz_WrongCheckDigit_PutsTheMessageBesideThatField()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var wrongBirthDigit = Td3.Replace("7408122F", "7408123F", StringComparison.Ordinal);

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/GuestReports/CheckIn?handler=FromMrz", new() { ["Input.Mrz"] = wrongBirthDigit }, "/GuestReports/CheckIn"));

        Assert.Contains("periksa tanggal lahir", page.QuerySelector("span[data-valmsg-for='Input.BirthDate']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromMrz_WrongCheckDigit_OpensTheMrzSectionAndSummarisesTheErrors()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var wrongBirthDigit = Td3.Replace("7408122F", "7408123F", StringComparison.Ordinal);

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/GuestReports/CheckIn?handler=FromMrz", new() { ["Input.Mrz"] = wrongBirthDigit }, "/GuestReports/CheckIn"));

        Assert.Equal("ERIKSSON", page.QuerySelector("input[name='Input.Surname']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("[data-testid=mrz-section]")!.HasAttribute("open"), "the MRZ section folded its error away");
        var links = page.QuerySelectorAll("[data-testid=error-summary] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_BirthDate", links);
        Assert.Contains("#Input_Mrz", links);
        Assert.All(links, href => Assert.NotNull(page.QuerySelector(href!)));
    }

    [Fact]
    public async Task Send_Refused_ShowsTheSummaryWithALinkToEachField()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var fields = Fields("NX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant());
        fields["Input.Nationality"] = "";
        fields["Input.PassportNumber"] = "";

        var response = await TestApp.PostFormAsync(client, "/GuestReports/CheckIn", fields, "/GuestReports/CheckIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        var summary = page.QuerySelector("[data-testid=error-summary]")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Nationality", links);
        Assert.Contains("#Input_PassportNumber", links);
        Assert.All(links, href => Assert.NotNull(page.QuerySelector(href!)));
        // Filled in by hand: the MRZ section stays folded when it holds no error.
        Assert.False(page.QuerySelector("[data-testid=mrz-section]")!.HasAttribute("open"));
    }

    [Fact]
    public async Task Send_ValidGuest_GivesAReceiptThenCheckOutWorks()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var passport = "NX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

        var sent = await TestApp.PostFormAsync(client, "/GuestReports/CheckIn", Fields(passport), "/GuestReports/CheckIn");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receiptUrl = sent.Headers.Location!.ToString();
        var receipt = await TestApp.GetHtmlAsync(client, receiptUrl);
        var number = receipt.QuerySelector("[data-testid=receipt-number]")!.TextContent;
        Assert.StartsWith("TP", number, StringComparison.Ordinal);

        var checkedOut = await TestApp.PostFormAsync(client, $"/GuestReports/CheckOut/{number}", new() { ["CheckOutLocal"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, checkedOut.StatusCode);
        await using var db = app.SystemDb();
        Assert.NotNull(await db.GuestReports.Where(r => r.ReceiptNumber == number).Select(r => r.CheckOutUtc).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Send_BadInput_KeepsTheFormAndSaysWhatIsWrong()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var fields = Fields("NX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant());
        fields["Input.Nationality"] = "QQQ";
        fields["Input.PassportExpiresOn"] = "2020-01-01";

        var response = await TestApp.PostFormAsync(client, "/GuestReports/CheckIn", fields, "/GuestReports/CheckIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("Kode kewarganegaraan tidak dikenal", page.QuerySelector("span[data-valmsg-for='Input.Nationality']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Paspor sudah habis", page.QuerySelector("span[data-valmsg-for='Input.PassportExpiresOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("van der Berg", page.QuerySelector("input[name='Input.Surname']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Receipt_OtherProviderOrOtherOffice_IsNotFound()
    {
        var (_, op) = await ReportingData.ProviderAsync(app);
        var (_, otherOp) = await ReportingData.ProviderAsync(app);
        var client = await app.SignInAsync(op);
        var sent = await TestApp.PostFormAsync(client, "/GuestReports/CheckIn", Fields("NX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant()), "/GuestReports/CheckIn");
        var url = sent.Headers.Location!.ToString();
        var number = url.Split('/').Last();

        var other = await app.SignInAsync(otherOp);
        var otherOffice = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var ownOffice = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/GuestReports/CheckOut/{number}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownOffice.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(number, (await TestApp.GetHtmlAsync(other, "/GuestReports?show=all")).QuerySelector("[data-testid=reports-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInForm_StaffOrPendingProvider_CannotReport()
    {
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var (_, pendingOp) = await ReportingData.ProviderAsync(app, status: Timpora.Core.Providers.ProviderStatus.Pending);
        var pending = await app.SignInAsync(pendingOp);

        var staff = await officer.GetAsync(new Uri("/GuestReports/CheckIn", UriKind.Relative), TestContext.Current.CancellationToken);
        var notYet = await pending.GetAsync(new Uri("/GuestReports/CheckIn", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("/Account/AccessDenied", staff.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/Home", notYet.Headers.Location!.ToString());
    }

    private static Dictionary<string, string> Fields(string passport) => new()
    {
        ["Input.Surname"] = "van der Berg",
        ["Input.GivenNames"] = "Sanne",
        ["Input.Sex"] = "Female",
        ["Input.BirthDate"] = "1992-06",
        ["Input.Nationality"] = "NLD",
        ["Input.PassportNumber"] = passport,
        ["Input.PassportExpiresOn"] = DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PermitKind"] = "VisaFree",
        ["Input.VisaIndexCode"] = "BVK",
        ["Input.PermitExpiresOn"] = DateTime.UtcNow.AddDays(28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.CheckInLocal"] = DateTime.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Room"] = "12",
        ["Input.Purpose"] = "Holiday",
    };
}

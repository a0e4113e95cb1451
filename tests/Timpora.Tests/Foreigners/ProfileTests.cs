using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;

namespace Timpora.Tests.Foreigners;

public sealed class ProfileTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Profile_OwnOffice_ShowsIdentityTimelineAndRecordsView()
    {
        var surname = RegisterData.UniqueName("Q");
        var passport = RegisterData.UniquePassport();
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname, passport: passport, permitDays: -5));
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var token = TestContext.Current.CancellationToken;

        var page = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{report.ForeignerId}?reason=checking+the+register");

        Assert.Contains(surname, page.QuerySelector("[data-testid=foreigner-name]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Selandia Baru", page.QuerySelector("hgroup")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(passport, page.QuerySelector("[data-testid=documents]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(report.ReceiptNumber, page.QuerySelector("[data-testid=timeline-report]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("WITA", page.QuerySelector("[data-testid=timeline-report]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=timeline-permit]"));
        Assert.Contains("Sumba Barat Daya", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overstay", page.QuerySelector("[data-testid=overstay]")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == user && a.Action == AuditAction.Viewed && a.EntityId == report.ForeignerId.ToString(), token));
    }

    [Fact]
    public async Task Profile_AnotherOffice_IsNotFound()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("Q")));
        var outsider = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var response = await outsider.GetAsync(new Uri($"/Foreigners/Detail/{report.ForeignerId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Profile_FromSearch_AsksForAReasonFirst()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("Q")));
        var client = await app.SignInAsync("kupang");

        var asked = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{report.ForeignerId}?from=search");
        var shown = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{report.ForeignerId}?from=search&reason=checking+a+tip");

        Assert.NotNull(asked.QuerySelector("input[name=reason]"));
        Assert.Null(asked.QuerySelector("[data-testid=timeline]"));
        Assert.NotNull(shown.QuerySelector("[data-testid=timeline]"));
    }
}

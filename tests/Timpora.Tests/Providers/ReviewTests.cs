using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Providers;

namespace Timpora.Tests.Providers;

/// <summary>The Kanim reviews the providers of its working area: approve, reject, suspend, each confirmed and audited.</summary>
public sealed class ReviewTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, ProviderStatus decision, string? reason)
    {
        var confirm = $"/Providers/Detail/{id}?decide={decision}";
        var page = await TestApp.GetHtmlAsync(client, confirm);
        Assert.NotNull(page.QuerySelector("[data-testid=decision-confirm]"));
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        return await TestApp.PostFormAsync(client, $"/Providers/Detail/{id}", new()
        {
            ["Input.Decision"] = decision.ToString(),
            ["Input.Version"] = version,
            ["Input.Reason"] = reason ?? "",
        }, confirm);
    }

    [Fact]
    public async Task Approve_PendingProvider_OperatorCanReportAndHomeNoticeGoes()
    {
        var provider = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var operatorName = await ProviderData.AddOperatorAsync(app, provider.Id);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        Assert.NotNull((await TestApp.GetHtmlAsync(await app.SignInAsync(operatorName), "/Home")).QuerySelector("[data-testid=provider-notice]"));

        var response = await DecideAsync(officer, provider.Id, ProviderStatus.Approved, null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Providers.SingleAsync(p => p.Id == provider.Id, Token);
        Assert.Equal(ProviderStatus.Approved, saved.Status);
        Assert.NotNull(saved.DecidedUtc);
        Assert.False(string.IsNullOrEmpty(saved.DecidedBy));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == provider.Id.ToString() && a.Action == Timpora.Core.Audit.AuditAction.Changed, Token));
        Assert.Null((await TestApp.GetHtmlAsync(await app.SignInAsync(operatorName), "/Home")).QuerySelector("[data-testid=provider-notice]"));
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedAndNothingChanges()
    {
        var provider = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await DecideAsync(officer, provider.Id, ProviderStatus.Rejected, " ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent));
        await using var db = app.SystemDb();
        Assert.Equal(ProviderStatus.Pending, await db.Providers.Where(p => p.Id == provider.Id).Select(p => p.Status).SingleAsync(Token));
    }

    [Fact]
    public async Task RejectThenSuspend_KeepTheReasonAndTheAudit()
    {
        var pending = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var approved = await ProviderData.AddAsync(app);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        await DecideAsync(officer, pending.Id, ProviderStatus.Rejected, "NIB tidak terdaftar di OSS");
        await DecideAsync(officer, approved.Id, ProviderStatus.Suspended, "Tidak melapor tamu selama 3 bulan");

        await using var db = app.SystemDb();
        var rejected = await db.Providers.SingleAsync(p => p.Id == pending.Id, Token);
        var suspended = await db.Providers.SingleAsync(p => p.Id == approved.Id, Token);
        Assert.Equal((ProviderStatus.Rejected, "NIB tidak terdaftar di OSS"), (rejected.Status, rejected.DecisionNote));
        Assert.Equal((ProviderStatus.Suspended, "Tidak melapor tamu selama 3 bulan"), (suspended.Status, suspended.DecisionNote));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == approved.Id.ToString() && a.Reason == "Tidak melapor tamu selama 3 bulan", Token));
    }

    [Fact]
    public async Task Detail_AnotherOfficesProvider_Is404AndNotListed()
    {
        var provider = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var outsider = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var detail = await outsider.GetAsync(new Uri($"/Providers/Detail/{provider.Id}", UriKind.Relative), Token);
        var post = await TestApp.PostFormAsync(outsider, $"/Providers/Detail/{provider.Id}",
            new() { ["Input.Decision"] = nameof(ProviderStatus.Approved), ["Input.Version"] = provider.Version.ToString() }, "/Providers");
        var list = await TestApp.GetHtmlAsync(outsider, $"/Providers?q={Uri.EscapeDataString(provider.Name)}");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(provider.Name, list.QuerySelector("[data-testid=providers-table]")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal(ProviderStatus.Pending, await db.Providers.Where(p => p.Id == provider.Id).Select(p => p.Status).SingleAsync(Token));
    }

    [Fact]
    public async Task Index_FiltersByStatusAndSearch()
    {
        var pending = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var approved = await ProviderData.AddAsync(app);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var pendingList = (await TestApp.GetHtmlAsync(officer, "/Providers?status=Pending&q=Penginapan+Uji&sort=recent")).QuerySelector("[data-testid=providers-table]")!.TextContent;
        var byName = (await TestApp.GetHtmlAsync(officer, $"/Providers?q={Uri.EscapeDataString(approved.Name)}")).QuerySelector("[data-testid=providers-table]")!.TextContent;

        Assert.Contains(pending.Name, pendingList, StringComparison.Ordinal);
        Assert.DoesNotContain(approved.Name, pendingList, StringComparison.Ordinal);
        Assert.Contains(approved.Name, byName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Providers_Operator_IsForbidden()
    {
        var provider = await ProviderData.AddAsync(app);
        var operatorClient = await app.SignInAsync(await ProviderData.AddOperatorAsync(app, provider.Id));

        var response = await operatorClient.GetAsync(new Uri("/Providers", UriKind.Relative), Token);

        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

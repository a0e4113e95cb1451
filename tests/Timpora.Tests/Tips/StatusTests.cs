using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>The reporter's status page and the limits that keep the form and the look-up from being abused.</summary>
public sealed class StatusTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_RightCodeAndSecret_ShowsOnlyTheCoarseStateAndThePublicMessage()
    {
        var client = app.Anonymous();
        var (code, secret) = await TipData.FileAsync(client, TipData.Unique());
        await using (var db = app.SystemDb())
        {
            var tip = await db.Tips.SingleAsync(t => t.TrackingCode == code, Token);
            tip.State = TipState.InFollowUp;
            tip.PublicMessage = "Petugas sudah turun ke lapangan.";
            await db.SaveChangesAsync(Token);
        }

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/Tips/Status",
            new() { ["Input.Code"] = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), ["Input.Secret"] = secret }));

        Assert.Equal("Sedang ditindaklanjuti", TipData.Text(page, "tip-state"));
        Assert.Equal("Petugas sudah turun ke lapangan.", TipData.Text(page, "tip-message"));
        Assert.DoesNotContain("penggilingan", page.QuerySelector("[data-testid=tip-status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownCode_GetsTheSameAnswerAsAWrongSecret()
    {
        var client = app.Anonymous();
        var (code, _) = await TipData.FileAsync(client, TipData.Unique());

        var wrongSecret = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/Tips/Status", new() { ["Input.Code"] = code, ["Input.Secret"] = "AAAAA-BBBBB" }));
        var unknownCode = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/Tips/Status", new() { ["Input.Code"] = "TP-2222-2222", ["Input.Secret"] = "AAAAA-BBBBB" }));

        Assert.Null(wrongSecret.QuerySelector("[data-testid=tip-status]"));
        Assert.Null(unknownCode.QuerySelector("[data-testid=tip-status]"));
        Assert.Equal(TipData.Text(wrongSecret, "tip-errors"), TipData.Text(unknownCode, "tip-errors"));
        Assert.Contains("tidak cocok", TipData.Text(unknownCode, "tip-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AddInformation_AppearsInTheTimelineForOfficers()
    {
        var client = app.Anonymous();
        var unique = TipData.Unique();
        var (code, secret) = await TipData.FileAsync(client, unique);

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/Tips/Status?handler=Add",
            new() { ["Input.Code"] = code, ["Input.Secret"] = secret, ["Input.Addition"] = "Mobilnya Avanza hitam " + unique }, "/Tips/Status"));

        Assert.NotNull(page.QuerySelector("[data-testid=tip-added]"));
        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Events).SingleAsync(t => t.TrackingCode == code, Token);
        Assert.Contains(tip.Events, e => e.Kind == TipEventKind.ReporterAdded && e.Text == "Mobilnya Avanza hitam " + unique);
    }

    [Fact]
    public async Task Flood_FromOneAddress_IsLimitedWithAMessageAndTheFormKept()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Timpora:Tips:ReportsPerHour", "2"));
        var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TipData.FileAsync(client, TipData.Unique());
        await TipData.FileAsync(client, TipData.Unique());
        var unique = TipData.Unique();

        var response = await TipData.PostAsync(client, TipData.Form(unique));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("Terlalu banyak laporan", TipData.Text(page, "tip-errors"), StringComparison.Ordinal);
        Assert.Contains(unique, page.QuerySelector("textarea[name='Input.Account']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookups_FromOneAddress_AreLimitedSoCodesCannotBeEnumerated()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Timpora:Tips:LookupsPerHour", "3"));
        var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (code, secret) = await TipData.FileAsync(client, TipData.Unique());
        for (var i = 0; i < 3; i++)
        {
            await TestApp.PostFormAsync(client, "/Tips/Status", new() { ["Input.Code"] = $"TP-2222-{i + 2}{i + 2}22", ["Input.Secret"] = "AAAAA-BBBBB" });
        }

        var response = await TestApp.PostFormAsync(client, "/Tips/Status", new() { ["Input.Code"] = code, ["Input.Secret"] = secret });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Null(page.QuerySelector("[data-testid=tip-status]"));
        Assert.Contains("Terlalu banyak percobaan", TipData.Text(page, "tip-errors"), StringComparison.Ordinal);
    }
}

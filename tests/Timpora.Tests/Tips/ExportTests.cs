using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>The inbox exports what it shows: the same filters, within the caller's scope, audited as an export.</summary>
public sealed class ExportTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<Tip> AddAsync(string unique, string kanim = "Kalianda", string area = TipData.BrajaHarjosari, Action<Tip>? change = null) =>
        TipSeed.AddAsync(app, kanim, area, t =>
        {
            t.Account = "Pekerja asing di tambak " + unique;
            change?.Invoke(t);
        });

    [Fact]
    public async Task Export_Csv_HoldsTheFilteredTipsAndIsAudited()
    {
        var unique = TipData.Unique();
        var verified = await AddAsync(unique, change: t => t.State = TipState.Verified);
        var fresh = await AddAsync(unique);
        var client = await app.SignInAsync("kalianda");

        var response = await client.GetAsync(new Uri($"/Tips?handler=Export&format=csv&q={unique}&state=Verified", UriKind.Relative), Token);
        var csv = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(verified.TrackingCode, csv, StringComparison.Ordinal);
        Assert.Contains("Terverifikasi", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.TrackingCode, csv, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "kalianda" && a.Action == AuditAction.Exported && a.EntityType == nameof(Tip)
            && a.EntityId == "export:tips:1" && a.Reason!.Contains(unique), Token));
    }

    [Fact]
    public async Task Export_Xlsx_IsAWorkbookOfTheInbox()
    {
        var unique = TipData.Unique();
        var tip = await AddAsync(unique);
        var client = await app.SignInAsync("kalianda");

        var bytes = await client.GetByteArrayAsync(new Uri($"/Tips?handler=Export&format=xlsx&q={unique}", UriKind.Relative), Token);

        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Contains(tip.TrackingCode, sheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByAnotherOfficeOrAPartner_LeavesOutTheTipsTheyMayNotSee()
    {
        var unique = TipData.Unique();
        var polres = await TipSeed.UnitAsync(app, "Polres Sumba Barat Daya");
        var kodim = await TipSeed.UnitAsync(app, "Kodim 1629/Sumba Barat Daya");
        var kalianda = await AddAsync(unique);
        var assigned = await AddAsync(unique, "Kupang", TipSeed.TambolakaVillage, t => { t.State = TipState.Assigned; t.AssignedUnitId = polres; t.DueUtc = DateTime.UtcNow.AddDays(1); });
        var otherUnit = await AddAsync(unique, "Kupang", TipSeed.TambolakaVillage, t => { t.State = TipState.Assigned; t.AssignedUnitId = kodim; t.DueUtc = DateTime.UtcNow.AddDays(1); });
        var kupang = await app.SignInAsync("kupang");
        var partner = await app.SignInAsync("polres.sbd");

        var byKupang = await kupang.GetStringAsync(new Uri($"/Tips?handler=Export&format=csv&q={unique}", UriKind.Relative), Token);
        var byPartner = await partner.GetStringAsync(new Uri($"/Tips?handler=Export&format=csv&q={unique}", UriKind.Relative), Token);
        var byAnonymous = await app.Anonymous().GetAsync(new Uri($"/Tips?handler=Export&format=csv&q={unique}", UriKind.Relative), Token);

        Assert.Contains(assigned.TrackingCode, byKupang, StringComparison.Ordinal);
        Assert.DoesNotContain(kalianda.TrackingCode, byKupang, StringComparison.Ordinal);
        Assert.Contains(assigned.TrackingCode, byPartner, StringComparison.Ordinal);
        Assert.DoesNotContain(otherUnit.TrackingCode, byPartner, StringComparison.Ordinal);
        Assert.DoesNotContain(kalianda.TrackingCode, byPartner, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, byAnonymous.StatusCode);
    }
}

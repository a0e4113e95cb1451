using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Who sees which tip: the office of the area; a partner unit only what is assigned or shared to it; a
/// village cadre only what they filed. Everyone else gets a 404.</summary>
public sealed class ScopeTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherKanimsTip_IsNotFoundAndNotListed()
    {
        var tip = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage);
        var client = await app.SignInAsync("kalianda");

        var detail = await client.GetAsync(new Uri($"/Tips/Detail/{tip.Id}", UriKind.Relative), Token);
        var step = await client.PostAsync(new Uri($"/Tips/Detail/{tip.Id}?handler=Step", UriKind.Relative), new FormUrlEncodedContent([]), Token);
        var inbox = await TestApp.GetHtmlAsync(client, $"/Tips?q={tip.TrackingCode}");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, step.StatusCode);
        Assert.DoesNotContain(tip.TrackingCode, inbox.QuerySelector("[data-testid=tips-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_SeesOnlyTipsAssignedOrSharedToItsUnit()
    {
        var polres = await TipSeed.UnitAsync(app, "Polres Sumba Barat Daya");
        var kodim = await TipSeed.UnitAsync(app, "Kodim 1629/Sumba Barat Daya");
        var assigned = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => { t.State = TipState.Assigned; t.AssignedUnitId = polres; t.DueUtc = DateTime.UtcNow.AddDays(1); });
        var otherUnit = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => { t.State = TipState.Assigned; t.AssignedUnitId = kodim; t.DueUtc = DateTime.UtcNow.AddDays(1); });
        var unassigned = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => t.State = TipState.Verified);
        var partner = await app.SignInAsync("polres.sbd");

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(new Uri($"/Tips/Detail/{assigned.Id}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/Tips/Detail/{otherUnit.Id}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/Tips/Detail/{unassigned.Id}", UriKind.Relative), Token)).StatusCode);
        var inbox = TipData.Text(await TestApp.GetHtmlAsync(partner, "/Tips?state=Assigned"), "tips-table");
        Assert.Contains(assigned.TrackingCode, inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(otherUnit.TrackingCode, inbox, StringComparison.Ordinal);

        var kupang = await app.SignInAsync("kupang");
        await TipSeed.StepAsync(kupang, unassigned.Id, new() { ["Input.Step"] = "Share", ["Input.UnitId"] = polres.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(new Uri($"/Tips/Detail/{unassigned.Id}", UriKind.Relative), Token)).StatusCode);
    }

    [Fact]
    public async Task Partner_MayFollowUpButNotTriage()
    {
        var polres = await TipSeed.UnitAsync(app, "Polres Sumba Barat Daya");
        var tip = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => { t.State = TipState.Assigned; t.AssignedUnitId = polres; t.DueUtc = DateTime.UtcNow.AddDays(1); });
        var partner = await app.SignInAsync("polres.sbd");

        var followUp = await TipSeed.StepAsync(partner, tip.Id, new() { ["Input.Step"] = "StartFollowUp" });
        var escalate = await TipSeed.StepAsync(partner, tip.Id, new() { ["Input.Step"] = "Escalate", ["Input.KanimId"] = "1", ["Input.Note"] = "x" });

        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, escalate.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Tips.SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal(TipState.InFollowUp, saved.State);
        Assert.Null(saved.EscalatedUtc);
    }

    [Fact]
    public async Task Photo_OnlyThoseWhoSeeTheTipGetIt()
    {
        var (code, _) = await TipData.FileAsync(app.Anonymous(), TipData.Unique(), photos: [("foto.jpg", TestImages.Jpeg(), "image/jpeg")]);
        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Photos).SingleAsync(t => t.TrackingCode == code, Token);
        var url = new Uri($"/Tips/Detail/{tip.Id}?handler=Photo&photo={tip.Photos.Single().Id}", UriKind.Relative);

        var staff = await (await app.SignInAsync("kalianda")).GetAsync(url, Token);
        var otherOffice = await (await app.SignInAsync("kupang")).GetAsync(url, Token);
        var anonymous = await app.Anonymous().GetAsync(url, Token);

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal("image/jpeg", staff.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.ASCII.GetString(await staff.Content.ReadAsByteArrayAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherOffice.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Cadre_FilesForTheirVillageAndSeesOnlyWhatTheyFiled()
    {
        var cadre = await app.CreateUserAsync(Roles.VillageCadre, "Kalianda", [TipData.BrajaHarjosari]);
        var client = await app.SignInAsync(cadre);
        var unique = TipData.Unique();
        var sameVillage = await TipSeed.AddAsync(app);
        var form = TipData.Form(unique);
        form.Remove("Input.ReporterPhone");

        var filed = await TipData.PostAsync(client, form, url: "/Tips/Intake");
        var otherVillage = TipData.Form(TipData.Unique(), "18.07.22.2002");
        var refused = await TestApp.HtmlAsync(await TipData.PostAsync(client, otherVillage, url: "/Tips/Intake"));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        await using var db = app.SystemDb();
        var tip = await db.Tips.SingleAsync(t => t.Account.Contains(unique), Token);
        Assert.Equal((TipChannel.VillageIntake, TipData.BrajaHarjosari, "Warga " + unique), (tip.Channel, tip.AreaCode, tip.ReporterName));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/Tips/Detail/{tip.Id}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/Tips/Detail/{sameVillage.Id}", UriKind.Relative), Token)).StatusCode);
        Assert.Contains("desa binaan Anda", TipData.Text(refused, "area-error"), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("[data-testid=tip-steps]"));
    }

    [Fact]
    public async Task Pimpasa_FilesIntakeAndSeesTheVillagesTips()
    {
        var client = await app.SignInAsync("pimpasa.lamtim");
        var villageTip = await TipSeed.AddAsync(app);
        var unique = TipData.Unique();

        var filed = await TipData.PostAsync(client, TipData.Form(unique), url: "/Tips/Intake");

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/Tips/Detail/{villageTip.Id}", UriKind.Relative), Token)).StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal("pimpasa.lamtim", await db.Tips.Where(t => t.Account.Contains(unique)).Select(t => t.FiledByName).SingleAsync(Token));
    }

    [Fact]
    public async Task Intake_ForAnOfficerWithoutVillages_IsRefused()
    {
        var client = await app.SignInAsync("kalianda");

        var response = await client.GetAsync(new Uri("/Tips/Intake", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Administrator_SeesEveryOfficesTips_KanwilOnlyItsOwn()
    {
        var unique = TipData.Unique();
        var kupang = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => t.Account = "Sumba " + unique);
        var kalianda = await TipSeed.AddAsync(app, change: t => t.Account = "Lampung " + unique);

        var admin = TipData.Text(await TestApp.GetHtmlAsync(await app.SignInAsync("admin"), $"/Tips?q={unique}"), "tips-table");
        var ntt = TipData.Text(await TestApp.GetHtmlAsync(await app.SignInAsync("kanwil.ntt"), $"/Tips?q={unique}"), "tips-table");

        Assert.Contains(kupang.TrackingCode, admin, StringComparison.Ordinal);
        Assert.Contains(kalianda.TrackingCode, admin, StringComparison.Ordinal);
        Assert.Contains(kupang.TrackingCode, ntt, StringComparison.Ordinal);
        Assert.DoesNotContain(kalianda.TrackingCode, ntt, StringComparison.Ordinal);
    }
}

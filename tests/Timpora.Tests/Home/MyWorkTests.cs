using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.GuestReports;
using Timpora.Core.Providers;
using Timpora.Core.Sanctions;
using Timpora.Core.Tips;
using Timpora.Tests.Providers;

namespace Timpora.Tests.Home;

/// <summary>"My work": each role's home lists what it must act on, from the demo stories and from each test's own
/// records, and nothing of another office.</summary>
public sealed class MyWorkTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_SignedIn_RedirectsHome_AnonymousSeesTheLandingWithTheTipForm()
    {
        var signedIn = await app.SignInAsync("kupang");
        var anonymous = app.Anonymous();

        var redirect = await signedIn.GetAsync(new Uri("/", UriKind.Relative), Token);
        var landing = await TestApp.GetHtmlAsync(anonymous, "/");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/Home", redirect.Headers.Location!.ToString());
        Assert.Equal("/Tips/Report", landing.QuerySelector("[data-testid=tip-report-link]")!.GetAttribute("href"));
        Assert.DoesNotContain("akan tersedia", landing.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolresSbd_SeesItsDueTipAndItsTwoActionItems_NotKotaMetro()
    {
        var home = await HomeAsync("polres.sbd");

        var tip = Item(home, "TipsDue", "TP-DEMO-5301");
        Assert.NotNull(tip);
        Assert.Contains("/Tips/Detail/", tip.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var actions = Items(home, "Actions");
        Assert.Contains(actions, a => a.TextContent.Contains("desa pesisir", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.TextContent.Contains("pantai Kodi", StringComparison.Ordinal) && a.ClassList.Contains("is-overdue"));
        Assert.All(actions, a => Assert.Contains("Polres Sumba Barat Daya", a.TextContent, StringComparison.Ordinal));
        Assert.NotNull(Item(home, "Meetings", "Rapat Evaluasi Timpora Kabupaten Sumba Barat Daya"));
        Assert.Contains("Anda diundang", Item(home, "Meetings", "Rapat Evaluasi")!.TextContent, StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("[data-testid=my-work-empty]"));
        Assert.DoesNotContain("TP-DEMO-2201", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Braja Harjosari", home.Body!.TextContent, StringComparison.Ordinal);
        // Other tests assign tips to Polres SBD in the shared database: the counter agrees with the list.
        Assert.Equal(Items(home, "TipsDue").Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Counter(home, "TipsDue"));
    }

    [Fact]
    public async Task PimpasaSbd_SeesTheOverdueOutreachTheNewDeferralAndTheQuarter_NotLampung()
    {
        var home = await HomeAsync("pimpasa.sbd");

        var outreach = Item(home, "Activities", "Balai Desa Wee Londa");
        Assert.NotNull(outreach);
        Assert.Contains("is-overdue", outreach.ClassName, StringComparison.Ordinal);
        Assert.NotNull(Item(home, "Activities", "Wee Londa: "));
        Assert.NotNull(Item(home, "Deferrals", "Markus Lende Bulu"));
        Assert.DoesNotContain("Rahmat Hidayat", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("TP-DEMO-22", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("[data-testid=my-work-counters] [data-kind=Activities] [data-testid=overdue-count]"));
        Assert.Matches(@"^\d+/\d+$", Counter(home, "Activities"));
    }

    [Fact]
    public async Task Kupang_SeesItsObjectionDeadlineAndTheOfficesDueTip_NotKalianda()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await AddSanctionAsync("Kupang", "53.18.09.1004", "Subjek Kupang " + unique);
        await AddSanctionAsync("Kalianda", "18.07.22.2001", "Subjek Kalianda " + unique);

        var home = await HomeAsync("kupang");

        var objection = Item(home, "Objections", "Subjek Kupang " + unique);
        Assert.NotNull(objection);
        Assert.Contains("/Sanctions/", objection.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(Item(home, "TipsDue", "TP-DEMO-5301"));
        Assert.DoesNotContain("Subjek Kalianda " + unique, home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("TP-DEMO-2201", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KanwilNtt_SeesPendingProvidersOfItsKanims_NotLampungs()
    {
        var ntt = await ProviderData.AddAsync(app, ProviderStatus.Pending);
        var lampung = await ProviderData.AddAsync(app, ProviderStatus.Pending, "Kalianda", "18.07.22.2001");

        var home = await HomeAsync("kanwil.ntt");

        Assert.NotNull(Item(home, "Providers", ntt.Name));
        Assert.DoesNotContain(lampung.Name, home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Item(home, "TipsDue", "TP-DEMO-5301"));
        Assert.DoesNotContain("TP-DEMO-2201", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SeesEveryOfficesWork()
    {
        var lampung = await ProviderData.AddAsync(app, ProviderStatus.Pending, "Kalianda", "18.07.22.2001");

        var home = await HomeAsync("admin");

        Assert.NotNull(Item(home, "Providers", lampung.Name));
        Assert.NotNull(Item(home, "TipsDue", "TP-DEMO-5301"));
        Assert.NotNull(Item(home, "TipsNew", "TP-DEMO-2201"));
    }

    [Fact]
    public async Task Ditjen_ReadsBothOfficesActionItems_NoTipsItCannotOpen()
    {
        var home = await HomeAsync("ditjen");

        var actions = Items(home, "Actions").Select(a => a.TextContent).ToList();
        Assert.Contains(actions, a => a.Contains("pantai Kodi", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Contains("Edukasi calon pekerja migran di Desa Braja Harjosari", StringComparison.Ordinal));
        Assert.Empty(Items(home, "TipsDue"));
        Assert.Empty(Items(home, "TipsNew"));
    }

    [Fact]
    public async Task Cadre_SeesTheTipsTheyFiled_NotTheVillagesOtherTips()
    {
        await using var db = app.SystemDb();
        var cadre = await db.Users.Where(u => u.UserName == "kader.brajaharjosari").Select(u => new { u.Id, u.KanimId }).SingleAsync(Token);
        var code = TrackingCodes.NewCode();
        db.Tips.Add(new Tip
        {
            TrackingCode = code,
            SecretHash = TrackingCodes.Hash(code, TrackingCodes.NewSecret()),
            Kind = TipKind.NonProceduralRecruitment,
            Channel = TipChannel.VillageIntake,
            KanimId = cadre.KanimId!.Value,
            AreaCode = "18.07.22.2001",
            Account = "Perekrut datang ke rumah warga",
            FiledByUserId = cadre.Id,
            FiledByName = "kader.brajaharjosari",
            State = TipState.Verified,
            LastActionUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Token);

        var home = await HomeAsync("kader.brajaharjosari");

        Assert.NotNull(Item(home, "TipsFiled", code));
        Assert.DoesNotContain("TP-DEMO-2201", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Tips/Intake", home.QuerySelector("[data-testid=intake-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HotelTambolaka_LinksToGuestReportsAndSeesItsFailedFile_NotAnotherPropertys()
    {
        await using var db = app.SystemDb();
        var providerId = await db.Users.Where(u => u.UserName == "hotel.tambolaka").Select(u => u.ProviderId!.Value).SingleAsync(Token);
        var other = await ProviderData.AddAsync(app);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var kanim = await db.Providers.Where(p => p.Id == providerId).Select(p => new { p.KanimId, p.AreaCode }).SingleAsync(Token);
        BulkImport Failed(Guid provider, string file, int kanimId, string area) => new()
        {
            ProviderId = provider,
            FileName = file,
            Status = BulkStatus.Failed,
            Error = "header",
            CreatedBy = "test",
            TimeZoneId = "Asia/Makassar",
            Culture = "id",
            KanimId = kanimId,
            AreaCode = area,
            CreatedUtc = DateTime.UtcNow,
        };
        db.BulkImports.AddRange(Failed(providerId, $"tamu-{unique}.csv", kanim.KanimId, kanim.AreaCode), Failed(other.Id, $"lain-{unique}.csv", other.KanimId, other.AreaCode));
        await db.SaveChangesAsync(Token);

        var home = await HomeAsync("hotel.tambolaka");

        Assert.Equal("/GuestReports", home.QuerySelector("[data-testid=provider-home-link]")!.GetAttribute("href"));
        Assert.DoesNotContain("/Provider/ApiKeys", home.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(Item(home, "BulkFiles", $"tamu-{unique}.csv"));
        Assert.DoesNotContain($"lain-{unique}.csv", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_OnlyWhenNothingIsDue()
    {
        var nobody = await app.SignInAsync(await app.CreateUserAsync("PartnerMember"));

        var empty = await TestApp.GetHtmlAsync(nobody, "/Home");
        var busy = await HomeAsync("polres.sbd");

        Assert.NotNull(empty.QuerySelector("[data-testid=my-work-empty]"));
        Assert.Null(empty.QuerySelector("[data-testid=my-work-list]"));
        Assert.Null(busy.QuerySelector("[data-testid=my-work-empty]"));
    }

    private async Task<IHtmlDocument> HomeAsync(string userName) => await TestApp.GetHtmlAsync(await app.SignInAsync(userName), "/Home");

    private static List<AngleSharp.Dom.IElement> Items(IHtmlDocument home, string kind) =>
        [.. home.QuerySelectorAll($"[data-testid=my-work-list] li[data-kind={kind}]")];

    private static AngleSharp.Dom.IElement? Item(IHtmlDocument home, string kind, string text) =>
        Items(home, kind).FirstOrDefault(i => i.TextContent.Contains(text, StringComparison.Ordinal));

    private static string? Counter(IHtmlDocument home, string kind) =>
        home.QuerySelector($"[data-testid=my-work-counters] li[data-kind={kind}] strong")?.TextContent.Trim();

    /// <summary>A TAK decision whose objection came in yesterday: the office must forward it within 5 working days.</summary>
    private async Task AddSanctionAsync(string kanim, string area, string subject)
    {
        await using var db = app.SystemDb();
        var office = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => new { k.Id, k.TimeZoneId }).SingleAsync(Token);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId)));
        db.Sanctions.Add(new Sanction
        {
            Kind = SanctionKind.Charge,
            DecisionNumber = "TAK-" + subject,
            DecisionDate = today.AddDays(-10),
            SubjectName = subject,
            Nationality = "AUS",
            Grounds = "Overstay 20 hari",
            ChargeDays = 20,
            ChargeRupiah = 20_000_000,
            ObjectionFiledOn = today.AddDays(-1),
            KanimId = office.Id,
            AreaCode = area,
        });
        await db.SaveChangesAsync(Token);
    }
}

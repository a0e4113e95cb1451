using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.Operations;
using Timpora.Core.Permits;
using Timpora.Core.Watchlists;
using Timpora.Tests.GuestReports;
using Timpora.Tests.Tips;

namespace Timpora.Tests.Watchlists;

/// <summary>Permits, operation findings and tips naming someone are screened like guest reports: the hit is in the
/// owning office's queue, filtered by kind, with a link to its record, and hidden from other offices.</summary>
public sealed class SubjectScreeningTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The record's hit on the test's own entry: other tests' entries may share a name part and the birth
    /// date with the record, and hit it too.</summary>
    private async Task<WatchlistHit> HitOfAsync(SubjectKind kind, Guid subjectId, Guid entryId)
    {
        await using var db = app.SystemDb();
        return await db.WatchlistHits.SingleAsync(h => h.SubjectKind == kind && h.SubjectId == subjectId && h.EntryId == entryId, Token);
    }

    private async Task<(Guid PersonId, Guid PermitId)> PermitHolderAsync(string given, string surname, DateOnly expiresOn, PermitStatus status = PermitStatus.Active)
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, Token);
        var person = new Foreigner
        {
            Surname = surname,
            GivenNames = given,
            NameKey = Foreigner.KeyOf(surname, given),
            Sex = Sex.Female,
            BirthDate = "1980-04-05",
            Nationality = "NLD",
            KanimId = provider.KanimId,
            AreaCode = provider.AreaCode,
        };
        var permit = new StayPermit
        {
            ForeignerId = person.Id,
            Kind = PermitKind.Itas,
            Number = "ITAS-" + ReportingData.Letters(6),
            ExpiresOn = expiresOn,
            Status = status,
            KanimId = provider.KanimId,
            AreaCode = provider.AreaCode,
        };
        db.Foreigners.Add(person);
        db.StayPermits.Add(permit);
        await db.SaveChangesAsync(Token);
        return (person.Id, permit.Id);
    }

    [Fact]
    public async Task ListChange_PermitHolderInCountry_IsScreenedAgainstNewEntry_ButNotOneWhosePermitEnded()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (given, surname) = WatchlistData.NewName();
        var (_, living) = await PermitHolderAsync(given, surname, today.AddDays(90));
        var (_, expired) = await PermitHolderAsync(given, surname, today.AddDays(-1));
        var (_, cancelled) = await PermitHolderAsync(given, surname, today.AddDays(90), PermitStatus.Cancelled);
        await WatchlistData.ScreenAsync(app);

        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        await WatchlistData.ScreenAsync(app);

        // Other tests' entries may share a name part and the birth date with these people: only this entry counts.
        await using var db = app.SystemDb();
        var hit = await db.WatchlistHits.SingleAsync(h => h.SubjectKind == SubjectKind.StayPermit && h.SubjectId == living && h.EntryId == entryId, Token);
        Assert.Equal(HitTrigger.ListChanged, hit.Trigger);
        Assert.False(await db.WatchlistHits.AnyAsync(h => (h.SubjectId == expired || h.SubjectId == cancelled) && h.EntryId == entryId, Token));
    }

    [Fact]
    public async Task NewPermits_AsSubjects_NameTheirOwnHolderWithTheLatestPassport()
    {
        // The screening job must not screen these permits first: the test holds its lease meanwhile.
        await using var lease = app.SystemDb();
        while (!await ScreeningRuns.ClaimAsync(lease, "subject-test", DateTime.UtcNow, Token))
        {
            await Task.Delay(100, Token);
        }

        List<ScreeningSubject> subjects;
        Guid withPassports, permitWithPassports, permitWithout;
        string given, surname;
        try
        {
            (given, surname) = WatchlistData.NewName();
            (withPassports, permitWithPassports) = await PermitHolderAsync(given, surname, new DateOnly(2027, 6, 30));
            (_, permitWithout) = await PermitHolderAsync("NO", surname, new DateOnly(2027, 6, 30));
            await using var db = app.SystemDb();
            db.TravelDocuments.AddRange(
                new TravelDocument { ForeignerId = withPassports, Number = "OLD" + ReportingData.Letters(5), IssuingState = "NLD", ExpiresOn = new DateOnly(2020, 1, 1) },
                new TravelDocument { ForeignerId = withPassports, Number = "NEW" + ReportingData.Letters(5), IssuingState = "NLD", ExpiresOn = new DateOnly(2031, 1, 1) });
            await db.SaveChangesAsync(Token);
            var from = await db.StayPermits.Where(p => p.Id == permitWithPassports).Select(p => p.CreatedUtc).SingleAsync(Token);

            subjects = await ScreeningSubjects.NewAsync(db, SubjectKind.StayPermit, from, 500, Token);
        }
        finally
        {
            // Released even when the set-up fails, or every other test's screening would wait out the lease.
            await ScreeningRuns.ReleaseAsync(lease, "subject-test", CancellationToken.None);
        }

        var first = Assert.Single(subjects, s => s.Id == permitWithPassports);
        var second = Assert.Single(subjects, s => s.Id == permitWithout);
        Assert.Equal((withPassports, $"{given} {surname}", "1980-04-05"), (first.ForeignerId!.Value, first.Name, first.BirthDate));
        Assert.StartsWith("NEW", first.Document, StringComparison.Ordinal);
        Assert.Equal($"NO {surname}", second.Name);
        Assert.Null(second.Document);
    }

    [Fact]
    public async Task Permit_HolderOnList_HitInQueueWithProfileLink()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var (personId, permitId) = await PermitHolderAsync(given, surname, new DateOnly(2027, 6, 30));
        await WatchlistData.ScreenAsync(app);

        var hit = await HitOfAsync(SubjectKind.StayPermit, permitId, entryId);
        Assert.Equal(entryId, hit.EntryId);
        Assert.Equal(personId, hit.ForeignerId);
        var officer = await app.SignInAsync("kupang");
        var queue = await TestApp.GetHtmlAsync(officer, $"/Screening?kind=StayPermit&q={surname}");
        var detail = await TestApp.GetHtmlAsync(officer, $"/Screening/Detail/{hit.Id}");
        Assert.Contains(hit.ScreenedName, queue.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"/Foreigners/Detail/{personId}?listed=", detail.QuerySelector("[data-testid=source-link]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("ITAS-", detail.QuerySelector("[data-testid=source-summary]")!.TextContent, StringComparison.Ordinal);
        var otherKind = await TestApp.GetHtmlAsync(officer, $"/Screening?kind=Tip&q={surname}");
        Assert.DoesNotContain(hit.ScreenedName, otherKind.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_PersonOnList_HitLinksToOperation()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var officer = await app.SignInAsync("kupang");
        var operation = await PlanAsync(officer);
        var passport = "NX" + ReportingData.Letters(7);
        var recorded = await TestApp.PostFormAsync(officer, operation, new()
        {
            ["Input.Place"] = "Pantai Mandorak",
            ["Input.PersonName"] = $"{surname} {given}",
            ["Input.PassportNumber"] = passport,
            ["Input.Nationality"] = "NLD",
            ["Input.Kind"] = nameof(FindingKind.Overstay),
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        await WatchlistData.ScreenAsync(app);

        await using var db = app.SystemDb();
        var finding = await db.OperationFindings.SingleAsync(f => f.PassportNumber == passport, Token);
        var hit = await HitOfAsync(SubjectKind.OperationFinding, finding.Id, entryId);
        Assert.Equal(entryId, hit.EntryId);
        Assert.Null(hit.ForeignerId);
        var queue = await TestApp.GetHtmlAsync(officer, $"/Screening?kind=OperationFinding&q={surname}");
        Assert.Contains(hit.ScreenedName, queue.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
        var detail = await TestApp.GetHtmlAsync(officer, $"/Screening/Detail/{hit.Id}");
        Assert.Equal($"/Operations/{finding.OperationId}", detail.QuerySelector("[data-testid=source-link]")!.GetAttribute("href"));
        Assert.Contains(passport, detail.QuerySelector("[data-testid=source-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tip_NamingListedPerson_HitForTipOfficeOnly()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var unique = TipData.Unique();
        await TipData.FileAsync(app.Anonymous(), unique, form =>
        {
            form["Input.SubjectName"] = $"{given} {surname}";
            form["Input.SubjectNationality"] = "NLD";
        });

        await WatchlistData.ScreenAsync(app);

        await using var db = app.SystemDb();
        var tip = await db.Tips.SingleAsync(t => t.Account.EndsWith(unique), Token);
        var hit = await HitOfAsync(SubjectKind.Tip, tip.Id, entryId);
        Assert.Equal(entryId, hit.EntryId);
        Assert.Equal(tip.KanimId, hit.KanimId);
        var owner = await app.SignInAsync("kalianda");
        var detail = await TestApp.GetHtmlAsync(owner, $"/Screening/Detail/{hit.Id}");
        Assert.Equal($"/Tips/Detail/{tip.Id}", detail.QuerySelector("[data-testid=source-link]")!.GetAttribute("href"));
        var other = await app.SignInAsync("kupang");
        var refused = await other.GetAsync(new Uri($"/Screening/Detail/{hit.Id}", UriKind.Relative), Token);
        var otherQueue = await TestApp.GetHtmlAsync(other, $"/Screening?status=&q={surname}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(hit.ScreenedName, otherQueue.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tip_SavedAfterOneStampedAheadByASkewedClock_IsStillScreened()
    {
        var ahead = await TipSeed.AddAsync(app, change: t => t.SubjectName = "Orang Uji " + TipData.Unique());
        await using (var db = app.SystemDb())
        {
            await db.Tips.Where(t => t.Id == ahead.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedUtc, DateTime.UtcNow.AddDays(1)), Token);
        }

        await WatchlistData.ScreenAsync(app);
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var later = await TipSeed.AddAsync(app, change: t => t.SubjectName = $"{given} {surname}");
        await WatchlistData.ScreenAsync(app);

        Assert.Equal(entryId, (await HitOfAsync(SubjectKind.Tip, later.Id, entryId)).EntryId);
    }

    [Fact]
    public async Task Tip_WithoutName_IsNotScreened()
    {
        var tip = await TipSeed.AddAsync(app);

        await WatchlistData.ScreenAsync(app);

        await using var db = app.SystemDb();
        Assert.False(await db.PersonScreenings.AnyAsync(s => s.SubjectKind == SubjectKind.Tip && s.SubjectId == tip.Id, Token));
    }

    [Fact]
    public async Task ScreenTwice_SameRecords_NoSecondHit()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var report = await WatchlistData.CheckInAsync(app, given, surname);
        await WatchlistData.ScreenAsync(app);
        await WatchlistData.ScreenAsync(app);

        // The check-in also recorded a permit for the same person: its screening finds the entry again, but
        // the person is already before the office on it. (Other tests' entries sharing a name part and the birth
        // date may hit too: only this entry counts.)
        var hits = await WatchlistData.HitsAsync(app, report.ForeignerId);
        Assert.Single(hits, h => h.EntryId == entryId);
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.PersonScreenings.CountAsync(s => s.SubjectKind == SubjectKind.GuestReport && s.SubjectId == report.Id, Token));
    }

    private async Task<string> PlanAsync(HttpClient officer)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(Token);
        var response = await TestApp.PostFormAsync(officer, "/Operations", new()
        {
            ["Input.KanimId"] = kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "Operasi Saring " + TipData.Unique(),
            ["Input.AreaCode"] = "53.18",
            ["Input.PeriodStart"] = "2026-03-01",
            ["Input.PeriodEnd"] = "2026-03-03",
            ["Input.Targets"] = "Pantai Mandorak",
            ["Input.OrderNumber"] = "SPRIN-" + TipData.Unique(),
            ["Input.OrderDate"] = "2026-02-25",
            ["Input.Participants"] = "Kanim Kupang: 4 orang",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }
}

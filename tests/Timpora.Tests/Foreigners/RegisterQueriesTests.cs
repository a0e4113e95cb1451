using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.Foreigners;

/// <summary>The lists shared by the office's pages and the daily job, checked through the database.</summary>
public sealed class RegisterQueriesTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Overstays_DemoStory_ZhangChargedAndOkaforProposedForDeportation()
    {
        await using var db = app.SystemDb();

        var rows = await RegisterQueries.OverstaysAsync(db, RegisterData.TodayUtc, TestContext.Current.CancellationToken);

        var zhang = Assert.Single(rows, r => r.Permit.Surname == "ZHANG");
        Assert.Equal(12, zhang.Days);
        Assert.Equal(12_000_000, zhang.Charge);
        Assert.False(zhang.DeportationProposed);
        var okafor = Assert.Single(rows, r => r.Permit.Surname == "OKAFOR");
        Assert.Equal(70, okafor.Days);
        Assert.True(okafor.DeportationProposed);
        Assert.DoesNotContain(rows, r => r.Permit.Surname == "MCKENZIE");
    }

    [Fact]
    public async Task Overstays_LaterPermit_IsNoLongerAnOverstay()
    {
        var surname = RegisterData.UniqueName("Q");
        var passport = RegisterData.UniquePassport();
        var provider = await data.ProviderAsync();
        var first = await data.CheckInAsync(provider, RegisterData.Guest(surname, passport: passport, permitDays: -3));
        await using var before = app.SystemDb();
        var overstay = Assert.Single(await RegisterQueries.OverstaysAsync(before, RegisterData.TodayUtc, TestContext.Current.CancellationToken), r => r.Permit.ForeignerId == first.ForeignerId);
        Assert.Equal(3, overstay.Days);

        await data.CheckInAsync(provider, RegisterData.Guest(surname, passport: passport, permitDays: 25));

        await using var after = app.SystemDb();
        Assert.DoesNotContain(await RegisterQueries.OverstaysAsync(after, RegisterData.TodayUtc, TestContext.Current.CancellationToken), r => r.Permit.ForeignerId == first.ForeignerId);
        Assert.Contains(await RegisterQueries.ExpiringAsync(after, RegisterData.TodayUtc, cancellationToken: TestContext.Current.CancellationToken), r => r.ForeignerId == first.ForeignerId);
    }

    [Fact]
    public async Task Expiring_Within30Days_ListedAndLaterNot()
    {
        var provider = await data.ProviderAsync();
        var soon = await data.CheckInAsync(provider, RegisterData.Guest(RegisterData.UniqueName("Q"), permitDays: 10));
        var later = await data.CheckInAsync(provider, RegisterData.Guest(RegisterData.UniqueName("Q"), permitDays: 45));
        await using var db = app.SystemDb();

        var rows = await RegisterQueries.ExpiringAsync(db, RegisterData.TodayUtc, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(rows, r => r.ForeignerId == soon.ForeignerId);
        Assert.DoesNotContain(rows, r => r.ForeignerId == later.ForeignerId);
    }

    [Fact]
    public async Task Present_CheckedInGuest_UntilCheckOutAndWithinArea()
    {
        var provider = await data.ProviderAsync();
        var report = await data.CheckInAsync(provider, RegisterData.Guest(RegisterData.UniqueName("Q")));
        var now = DateTime.UtcNow;
        var token = TestContext.Current.CancellationToken;

        await using (var db = app.SystemDb())
        {
            Assert.Contains(RegisterQueries.Present(db, now, "53.18.09"), r => r.ReportId == report.Id);
            Assert.DoesNotContain(RegisterQueries.Present(db, now, "53.18.07"), r => r.ReportId == report.Id);
            Assert.DoesNotContain(RegisterQueries.Present(db, now.AddHours(-3)), r => r.ReportId == report.Id);
            Assert.True((await GuestReporting.CheckOutAsync(db, provider.Id, report.ReceiptNumber, now.AddMinutes(-5), now, token)).Accepted);
        }

        await using var after = app.SystemDb();
        Assert.DoesNotContain(RegisterQueries.Present(after, DateTime.UtcNow), r => r.ReportId == report.Id);
    }

    [Fact]
    public async Task Overstays_AnotherOfficesScope_SeesNone()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("Q"), permitDays: -2));
        await using var system = app.SystemDb();
        var kalianda = system.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).Single();
        await using var db = RegisterData.Scoped(app, new DataScope(false, [kalianda], []));

        var rows = await RegisterQueries.OverstaysAsync(db, RegisterData.TodayUtc, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(rows, r => r.Permit.ForeignerId == report.ForeignerId || r.Permit.Surname == "ZHANG");
    }
}

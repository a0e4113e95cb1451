using Microsoft.EntityFrameworkCore;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Tests.GuestReports;

/// <summary>The one check-in operation every channel calls: rules, person resolution, lateness, permits.</summary>
public sealed class GuestReportingTests(TestApp app)
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CheckIn_SamePassportTwice_AttachesToTheSamePerson()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        var guest = ReportingData.Guest(Now);
        await using var db = app.SystemDb();

        var first = await GuestReporting.CheckInAsync(db, provider, guest, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);
        var second = await GuestReporting.CheckInAsync(db, provider, guest with { CheckInUtc = Now.AddHours(-1), GivenNames = "GUESTA" }, ReportChannel.Api, Now, TestContext.Current.CancellationToken);

        Assert.True(first.Accepted && second.Accepted);
        Assert.Equal(PersonMatch.New, first.Report!.Match);
        Assert.Equal(PersonMatch.Document, second.Report!.Match);
        Assert.Equal(first.Report.ForeignerId, second.Report.ForeignerId);
        Assert.NotEqual(first.Report.ReceiptNumber, second.Report.ReceiptNumber);
        Assert.Equal(1, await db.Foreigners.CountAsync(f => f.Id == first.Report.ForeignerId, TestContext.Current.CancellationToken));
        Assert.True(await db.ForeignerAliases.AnyAsync(a => a.ForeignerId == first.Report.ForeignerId && a.Name == "TESTER GUESTA", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CheckIn_SameNameAndBirthButOtherPassport_IsAPossibleMatchForTheOffice()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        var guest = ReportingData.Guest(Now);
        await using var db = app.SystemDb();

        await GuestReporting.CheckInAsync(db, provider, guest, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);
        var renewed = await GuestReporting.CheckInAsync(db, provider, guest with { PassportNumber = "NEW" + guest.PassportNumber[3..] }, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        Assert.Equal(PersonMatch.Possible, renewed.Report!.Match);
    }

    [Fact]
    public async Task CheckIn_ReportedAfter24Hours_IsLate()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();

        var onTime = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now) with { CheckInUtc = Now.AddHours(-23) }, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);
        var late = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now) with { CheckInUtc = Now.AddHours(-25) }, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        Assert.False(onTime.Report!.IsLate);
        Assert.True(late.Report!.IsLate);
    }

    [Fact]
    public async Task CheckIn_RecordsThePermitOnceForThePerson()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        var guest = ReportingData.Guest(Now);
        await using var db = app.SystemDb();

        var first = await GuestReporting.CheckInAsync(db, provider, guest, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);
        await GuestReporting.CheckInAsync(db, provider, guest with { CheckInUtc = Now.AddHours(-1) }, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        var permits = await db.StayPermits.Where(p => p.ForeignerId == first.Report!.ForeignerId).Include(p => p.VisaIndex).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("B1", Assert.Single(permits).VisaIndex!.Code);
    }

    [Theory]
    [InlineData("Nationality", "QQQ", "NationalityUnknown")]
    [InlineData("Nationality", "IDN", "NationalityIndonesian")]
    [InlineData("BirthDate", "1990-02-30", "BirthDateInvalid")]
    [InlineData("PassportNumber", "", "PassportNumberInvalid")]
    [InlineData("PassportNumber", "AB-12 34", "PassportNumberInvalid")]
    [InlineData("Surname", "", "SurnameRequired")]
    [InlineData("Surname", "R2D2", "NameCharacters")]
    public async Task CheckIn_BadField_IsRefusedNamingTheField(string field, string value, string code)
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        var guest = ReportingData.Guest(Now);
        guest = field switch
        {
            "Nationality" => guest with { Nationality = value, PassportIssuingState = "NLD" },
            "BirthDate" => guest with { BirthDate = value },
            "PassportNumber" => guest with { PassportNumber = value },
            _ => guest with { Surname = value },
        };
        await using var db = app.SystemDb();

        var outcome = await GuestReporting.CheckInAsync(db, provider, guest, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Problems, p => p.Field == field && p.Code == code);
    }

    [Fact]
    public async Task CheckIn_PassportExpiredBeforeArrival_IsRefused()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();

        var outcome = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now) with { PassportExpiresOn = DateOnly.FromDateTime(Now).AddDays(-3) }, ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        Assert.Equal("PassportExpired", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public async Task CheckIn_ProviderNotApproved_IsRefused()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app, status: ProviderStatus.Pending);
        await using var db = app.SystemDb();

        var outcome = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now), ReportChannel.WebForm, Now, TestContext.Current.CancellationToken);

        Assert.Equal("ProviderNotApproved", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public async Task CheckOut_BeforeCheckInOrOtherProvider_IsRefused()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        var (other, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();
        var report = (await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now), ReportChannel.WebForm, Now, TestContext.Current.CancellationToken)).Report!;

        var early = await GuestReporting.CheckOutAsync(db, provider, report.ReceiptNumber, report.CheckInUtc.AddHours(-1), Now, TestContext.Current.CancellationToken);
        var foreign = await GuestReporting.CheckOutAsync(db, other, report.ReceiptNumber, Now, Now, TestContext.Current.CancellationToken);
        var good = await GuestReporting.CheckOutAsync(db, provider, report.ReceiptNumber.ToLowerInvariant(), Now, Now, TestContext.Current.CancellationToken);

        Assert.Equal("CheckOutBeforeCheckIn", Assert.Single(early.Problems).Code);
        Assert.Equal("ReceiptUnknown", Assert.Single(foreign.Problems).Code);
        Assert.True(good.Accepted);
        Assert.Equal(Now, good.Report!.CheckOutUtc);
    }

    [Fact]
    public async Task CheckIn_VisaCodeAddedAfterEarlierCheckIns_IsLinkedAtItsFirstUse()
    {
        var (provider, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();
        // Warms the process's copy of the visa codes.
        var before = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now), ReportChannel.Api, Now, TestContext.Current.CancellationToken);
        var code = "T" + ReportingData.Letters(4);
        var visa = new VisaIndex { Code = code, Description = "Test visa", PermitKind = PermitKind.Itk, StayDays = 30, ValidFrom = new DateOnly(2025, 1, 1) };
        db.VisaIndexes.Add(visa);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var after = await GuestReporting.CheckInAsync(db, provider, ReportingData.Guest(Now) with { VisaIndexCode = code }, ReportChannel.Api, Now, TestContext.Current.CancellationToken);

        Assert.True(before.Accepted && after.Accepted);
        var permit = await db.StayPermits.AsNoTracking().SingleAsync(p => p.ForeignerId == after.Report!.ForeignerId, TestContext.Current.CancellationToken);
        Assert.Equal(visa.Id, permit.VisaIndexId);
    }
}

using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Tests.Tips;

namespace Timpora.Tests.Foreigners;

/// <summary>The daily digest reaches the Kanim's officers by email through the outbox when SMTP is configured.</summary>
[Collection(SmtpReceiver.Collection)]
public sealed class DigestEmailTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private AppDbContext ContextFor(DataScope scope) =>
        DatabaseOptions.CreateContext(app.Provider, app.ConnectionString, new Caller(null, "test", null, scope));

    [Fact]
    public async Task Run_WithSmtpConfigured_EmailsEachOfficerOfTheKanimOnce()
    {
        await using var smtp = new SmtpReceiver();
        await using var mailing = app.WithWebHostBuilder(b => b
            .UseSetting("Timpora:Smtp:Host", "127.0.0.1")
            .UseSetting("Timpora:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Timpora:Smtp:From", "timpora@kupang.test"));
        // Starts that host, and with it the outbox worker that sends.
        _ = mailing.Services;
        var officer = await app.CreateUserAsync(Roles.KanimOfficer, "Kupang");
        var supervisor = await app.CreateUserAsync(Roles.KanwilSupervisor, "Kupang");
        // A day far ahead, so that this test's digests are its own whatever the worker wrote today.
        var day = new DateTime(2098, 6, 20, 3, 0, 0, DateTimeKind.Utc);

        await OfficeDigests.RunAsync(ContextFor, day, email: true, Token);
        await OfficeDigests.RunAsync(ContextFor, day.AddHours(1), email: true, Token);

        await using var db = app.SystemDb();
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(Token);
        var digest = await db.OfficeDigests.SingleAsync(d => d.KanimId == kupang && d.Day == new DateOnly(2098, 6, 20), Token);
        // The officer may also get tip notices from other tests' tips in the Kanim (the due-date worker): only digests count.
        var queued = Assert.Single(await db.OutboxEmails.Where(m => m.To == officer + "@test.timpora" && m.Subject.Contains("20 Juni 2098")).ToListAsync(Token));
        Assert.Contains("20 Juni 2098", queued.Subject, StringComparison.Ordinal);
        Assert.Contains($"overstay): {digest.Overstays}, di antaranya {digest.DeportationProposed}", queued.Body, StringComparison.Ordinal);
        Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == supervisor + "@test.timpora", Token));
        // Every officer made by earlier tests got a copy too; only this officer's is left for the worker to send.
        await db.OutboxEmails.Where(m => m.Id != queued.Id && m.SentUtc == null && m.Subject.Contains("20 Juni 2098"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentUtc, DateTime.UtcNow), Token);
        // Queued at the digest's time, in 2098 here; due now.
        await db.OutboxEmails.Where(m => m.Id == queued.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow), Token);

        var message = await smtp.WaitForAsync(
            m => m.To.Contains(officer + "@test.timpora", StringComparison.Ordinal) && m.Data.Contains("/Foreigners/Overstays", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.NotNull(message);
        Assert.Contains("timpora@kupang.test", message.Value.From, StringComparison.Ordinal);
        Assert.Contains("/Foreigners/Expiring", message.Value.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutSmtp_PutsNothingInTheOutbox()
    {
        var officer = await app.CreateUserAsync(Roles.KanimOfficer, "Kupang");

        await OfficeDigests.RunAsync(ContextFor, new DateTime(2097, 3, 9, 3, 0, 0, DateTimeKind.Utc), Token);

        await using var db = app.SystemDb();
        Assert.True(await db.OfficeDigests.AnyAsync(d => d.Day == new DateOnly(2097, 3, 9), Token));
        Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == officer + "@test.timpora", Token));
    }
}

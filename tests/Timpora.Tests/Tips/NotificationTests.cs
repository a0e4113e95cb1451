using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Notices in the app for assignment, due soon and overdue; email through SMTP when one is configured.</summary>
[Collection(SmtpReceiver.Collection)]
public sealed class NotificationTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string InTwoDays => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Assign_ToAnOfficer_GivesThemANoticeThatOpensTheTip()
    {
        var officer = await app.CreateUserAsync(Roles.KanimOfficer, "Kalianda");
        await using var db = app.SystemDb();
        var officerId = await db.Users.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync(Token);
        var tip = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);

        await TipSeed.StepAsync(await app.SignInAsync("kalianda"), tip.Id, new() { ["Input.Step"] = "Assign", ["Input.UserId"] = officerId, ["Input.Due"] = InTwoDays });

        var client = await app.SignInAsync(officer);
        var page = await TestApp.GetHtmlAsync(client, "/Tips/Notifications");
        Assert.Contains(tip.TrackingCode, TipData.Text(page, "tip-notices"), StringComparison.Ordinal);
        Assert.Contains("ditugaskan", TipData.Text(page, "tip-notices"), StringComparison.Ordinal);
        Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == officer + "@test.timpora", Token));
    }

    [Fact]
    public async Task ScanDue_OverdueAndDueSoon_NotifiesOnceEach()
    {
        var officer = await app.CreateUserAsync(Roles.KanimOfficer, "Kalianda");
        await using var db = app.SystemDb();
        var officerId = await db.Users.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync(Token);
        var late = await TipSeed.AddAsync(app, change: t => { t.State = TipState.InFollowUp; t.AssignedUserId = officerId; t.DueUtc = DateTime.UtcNow.AddHours(-1); });
        var soon = await TipSeed.AddAsync(app, change: t => { t.State = TipState.Assigned; t.AssignedUserId = officerId; t.DueUtc = DateTime.UtcNow.AddHours(5); });

        await TipNotices.ScanDueAsync(db, DateTime.UtcNow, email: false, Token);
        await TipNotices.ScanDueAsync(db, DateTime.UtcNow, email: false, Token);

        // Other tests' tips without an assignee notify every officer of the Kanim, this one too: count only these two.
        var notices = await db.TipNotifications.Where(n => n.UserId == officerId && (n.TipId == late.Id || n.TipId == soon.Id))
            .Select(n => new { n.TipId, n.Kind }).ToListAsync(Token);
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.TipId == late.Id && n.Kind == TipNotificationKind.Overdue);
        Assert.Contains(notices, n => n.TipId == soon.Id && n.Kind == TipNotificationKind.DueSoon);
    }

    [Fact]
    public async Task Assign_WithSmtpConfigured_SendsAnEmailThroughTheOutbox()
    {
        await using var smtp = new SmtpReceiver();
        await using var mailing = app.WithWebHostBuilder(b => b
            .UseSetting("Timpora:Smtp:Host", "127.0.0.1")
            .UseSetting("Timpora:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Timpora:Smtp:From", "timpora@kalianda.test"));
        var officer = await app.CreateUserAsync(Roles.KanimOfficer, "Kalianda");
        await using var db = app.SystemDb();
        var officerId = await db.Users.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync(Token);
        var tip = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);
        var client = mailing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "kalianda", ["Input.Password"] = Core.Demo.DemoData.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);

        var assigned = await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Assign", ["Input.UserId"] = officerId, ["Input.Due"] = InTwoDays });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, assigned.StatusCode);
        var message = await smtp.WaitForAsync(m => m.To.Contains(officer + "@test.timpora", StringComparison.Ordinal) && m.Data.Contains(tip.TrackingCode, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.NotNull(message);
        Assert.Contains("timpora@kalianda.test", message.Value.From, StringComparison.Ordinal);
        Assert.Contains(tip.TrackingCode, message.Value.Data, StringComparison.Ordinal);
        // The worker marks the mail sent after the receiver has taken it: wait for that save too.
        DateTime? sent = null;
        for (var wait = Stopwatch.StartNew(); sent is null && wait.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(50, Token))
        {
            sent = await db.OutboxEmails.AsNoTracking().Where(m => m.To == officer + "@test.timpora" && m.Subject.Contains(tip.TrackingCode)).Select(m => m.SentUtc).SingleAsync(Token);
        }

        Assert.NotNull(sent);
    }
}

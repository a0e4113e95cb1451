using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Actions;
using Timpora.Core.Meetings;
using Timpora.Tests.Teams;
using Timpora.Web.Platform;

namespace Timpora.Tests.Platform;

/// <summary>Times and days through the office clock: a WITA office (Kupang, NTT) is an hour ahead of Jakarta, so at
/// 23.30 WIB it is already tomorrow there.</summary>
public sealed class OfficeClockTests(TestApp app)
{
    // 8 December 2026, 16.30 UTC: 23.30 WIB on the 8th, 00.30 WITA on the 9th.
    private static readonly DateTimeOffset HalfPastMidnightInKupang = new(2026, 12, 8, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void TodayIn_HalfPastMidnightWita_IsTheNextDayThanInJakarta()
    {
        Assert.Equal(new DateOnly(2026, 12, 9), OfficeClock.TodayIn("Asia/Makassar", HalfPastMidnightInKupang.UtcDateTime));
        Assert.Equal(new DateOnly(2026, 12, 8), OfficeClock.TodayIn("Asia/Jakarta", HalfPastMidnightInKupang.UtcDateTime));
        Assert.Equal(new DateOnly(2026, 12, 9), OfficeClock.TodayIn("Asia/Jayapura", HalfPastMidnightInKupang.UtcDateTime));
    }

    [Fact]
    public async Task ActionItem_DueOnThe8th_IsOverdueInKupangAfterItsMidnight_AndItsNoteReadsWita()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team);
        ActionItem item;
        await using (var db = app.SystemDb())
        {
            var decision = new MeetingOutcome { MeetingId = meeting.Id, Kind = OutcomeKind.Decision, Number = 1, Text = "Keputusan" };
            item = new ActionItem
            {
                TeamId = team.Id,
                MeetingId = meeting.Id,
                DecisionId = decision.Id,
                OwnerUnitId = member.UnitId,
                Title = "Patroli " + TeamData.Unique(),
                PersonInCharge = "Kasat",
                DueDate = new DateOnly(2026, 12, 8),
                CreatedUtc = DateTime.UtcNow,
            };
            db.MeetingOutcomes.Add(decision);
            db.ActionItems.Add(item);
            db.ActionNotes.Add(new ActionNote { ActionItemId = item.Id, AtUtc = HalfPastMidnightInKupang.UtcDateTime, Author = "kupang", Text = "Dicek", Status = ActionStatus.InProgress });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var late = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(HalfPastMidnightInKupang))));
        var client = late.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "kupang", ["Input.Password"] = Timpora.Core.Demo.DemoData.Password });

        var detail = await TestApp.GetHtmlAsync(client, $"/ActionItems/{item.Id}");
        var list = await TestApp.GetHtmlAsync(client, $"/ActionItems?q={Uri.EscapeDataString(item.Title)}");

        Assert.NotNull(detail.QuerySelector("[data-testid=overdue]"));
        Assert.Matches(@"9 Des 2026 00[.:]30 WITA", detail.Body!.TextContent);
        Assert.Contains(list.QuerySelectorAll("[data-testid=actions-table] tbody tr"),
            r => r.TextContent.Contains(item.Title, StringComparison.Ordinal) && r.GetAttribute("data-overdue") == "true");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Officers work a tip through the states the state machine allows; every step is audited.</summary>
public sealed class TriageTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Tomorrow => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Triage_FromNewToClosed_MovesThroughEachStateAndAuditsEveryStep()
    {
        var tip = await TipSeed.AddAsync(app);
        var client = await app.SignInAsync("kalianda");
        var unit = await TipSeed.UnitAsync(app, "Polres Lampung Timur");

        Assert.Equal(HttpStatusCode.Redirect, (await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Verify" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Assign",
            ["Input.UnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Due"] = Tomorrow,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "StartFollowUp" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "FieldCheck", ["Input.Note"] = "Dicek ke penggilingan" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Close",
            ["Input.Outcome"] = "Substantiated",
            ["Input.Note"] = "Dua WNA tanpa izin kerja, TAK diproses",
        })).StatusCode);

        var page = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{tip.Id}");
        Assert.Equal("Ditutup", TipData.Text(page, "tip-state"));
        Assert.Contains("Polres Lampung Timur", TipData.Text(page, "tip-assignee"), StringComparison.Ordinal);
        Assert.Contains("Dicek ke penggilingan", TipData.Text(page, "tip-timeline"), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        var saved = await db.Tips.SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal(TipState.Closed, saved.State);
        Assert.Equal(TipOutcome.Substantiated, saved.Outcome);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Tip) && a.EntityId == tip.Id.ToString() && a.Action == AuditAction.Changed)
            .Select(a => a.Reason).ToListAsync(Token);
        Assert.Equal(5, audit.Count);
        Assert.Contains(audit, r => r!.StartsWith("Close: Dua WNA", StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == tip.Id.ToString() && a.Action == AuditAction.Viewed && a.UserName == "kalianda", Token));
    }

    [Fact]
    public async Task Step_NotAllowedInTheState_IsRefusedAndNothingChanges()
    {
        var tip = await TipSeed.AddAsync(app);
        var client = await app.SignInAsync("kalianda");

        var response = await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Close", ["Input.Outcome"] = "Substantiated", ["Input.Note"] = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("tidak dapat dilakukan", TipData.Text(await TestApp.HtmlAsync(response), "step-errors"), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal(TipState.New, await db.Tips.Where(t => t.Id == tip.Id).Select(t => t.State).SingleAsync(Token));
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefused_WithReason_RejectsWithIt()
    {
        var tip = await TipSeed.AddAsync(app);
        var client = await app.SignInAsync("kalianda");

        var refused = await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Reject", ["Input.Rejection"] = "Spam" });
        var done = await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Reject", ["Input.Rejection"] = "OutOfScope", ["Input.Note"] = "Urusan perdata" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Tips.SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal((TipState.Rejected, TipRejection.OutOfScope), (saved.State, saved.Rejection));
    }

    [Fact]
    public async Task LinkDuplicate_PointsAtTheMainCaseEvenThroughAnotherDuplicate()
    {
        var main = await TipSeed.AddAsync(app);
        var first = await TipSeed.AddAsync(app);
        var second = await TipSeed.AddAsync(app);
        var client = await app.SignInAsync("kalianda");

        await TipSeed.StepAsync(client, first.Id, new() { ["Input.Step"] = "LinkDuplicate", ["Input.DuplicateOf"] = main.TrackingCode });
        await TipSeed.StepAsync(client, second.Id, new() { ["Input.Step"] = "LinkDuplicate", ["Input.DuplicateOf"] = first.TrackingCode.ToLowerInvariant() });

        await using var db = app.SystemDb();
        var duplicates = await db.Tips.Where(t => t.Id == first.Id || t.Id == second.Id).ToListAsync(Token);
        Assert.All(duplicates, d => Assert.Equal((TipState.Duplicate, (TipRejection?)null, (Guid?)main.Id), (d.State, d.Rejection, d.DuplicateOfId)));
    }

    [Fact]
    public async Task EscalateAndGrade_RecordTheOperationAndTheAdmiraltyGrade()
    {
        var tip = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);
        var client = await app.SignInAsync("kalianda");
        await using var db = app.SystemDb();
        var kalianda = await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(Token);

        var badGrade = await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Grade", ["Input.Reliability"] = "G", ["Input.Credibility"] = "2" });
        await TipSeed.StepAsync(client, tip.Id, new() { ["Input.Step"] = "Grade", ["Input.Reliability"] = "B", ["Input.Credibility"] = "2" });
        await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Escalate",
            ["Input.KanimId"] = kalianda.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OperationReference"] = "OPS-GAB/LT/2026/07",
            ["Input.Note"] = "Bahas di rapat Timpora Kota Metro",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badGrade.StatusCode);
        var saved = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal(("B", (int?)2), (saved.SourceReliability, saved.Credibility));
        Assert.Equal(("OPS-GAB/LT/2026/07", (int?)kalianda), (saved.OperationReference, saved.EscalationKanimId));
        Assert.Equal(TipState.Verified, saved.State);
    }

    [Fact]
    public async Task Inbox_Filters_FindTheTipByStateKindAndSearch()
    {
        var unique = TipData.Unique();
        var tip = await TipSeed.AddAsync(app, change: t =>
        {
            t.Account = "Perekrut " + unique;
            t.Kind = TipKind.NonProceduralRecruitment;
            t.State = TipState.Verified;
        });
        var client = await app.SignInAsync("kalianda");

        var found = await TestApp.GetHtmlAsync(client, $"/Tips?q={unique}&state=Verified&kind=NonProceduralRecruitment");
        var otherState = await TestApp.GetHtmlAsync(client, $"/Tips?q={unique}&state=New");
        var byCode = await TestApp.GetHtmlAsync(client, $"/Tips?q={tip.TrackingCode.ToLowerInvariant()}");

        Assert.Contains(tip.TrackingCode, TipData.Text(found, "tips-table"), StringComparison.Ordinal);
        Assert.DoesNotContain(tip.TrackingCode, otherState.QuerySelector("[data-testid=tips-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(tip.TrackingCode, TipData.Text(byCode, "tips-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Overdue_ListsOnlyOpenTipsPastTheirDueDate()
    {
        var unique = TipData.Unique();
        var late = await TipSeed.AddAsync(app, change: t => { t.Account = "Telat " + unique; t.State = TipState.Assigned; t.DueUtc = DateTime.UtcNow.AddHours(-2); });
        var onTime = await TipSeed.AddAsync(app, change: t => { t.Account = "Tepat " + unique; t.State = TipState.Assigned; t.DueUtc = DateTime.UtcNow.AddDays(3); });
        var client = await app.SignInAsync("kalianda");

        var page = TipData.Text(await TestApp.GetHtmlAsync(client, $"/Tips?due=overdue&q={unique}"), "tips-table");

        Assert.Contains(late.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.TrackingCode, page, StringComparison.Ordinal);
    }
}

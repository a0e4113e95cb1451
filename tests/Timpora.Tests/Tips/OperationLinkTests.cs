using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Operations;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Escalation links a tip to a joint operation record of the officer's scope, picked or planned from the tip.</summary>
public sealed class OperationLinkTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JointOperation> OperationAsync(string kanim, string area)
    {
        await using var db = app.SystemDb();
        var operation = new JointOperation
        {
            KanimId = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync(Token),
            AreaCode = area,
            Name = "Operasi " + TipData.Unique(),
            PeriodStart = new DateOnly(2026, 12, 10),
            PeriodEnd = new DateOnly(2026, 12, 11),
            Targets = "Penggilingan padi",
            OrderNumber = "SPRIN-" + TipData.Unique(),
            OrderDate = new DateOnly(2026, 11, 30),
            Participants = "Kanim: 3 orang",
        };
        db.JointOperations.Add(operation);
        await db.SaveChangesAsync(Token);
        return operation;
    }

    [Fact]
    public async Task Escalate_ToAnOperationInScope_LinksTheTipAndTheOperation()
    {
        var tip = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);
        var operation = await OperationAsync("Kalianda", "18.07");
        var client = await app.SignInAsync("kalianda");

        var offered = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{tip.Id}");
        var response = await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Escalate",
            ["Input.OperationId"] = operation.Id.ToString(),
            ["Input.Note"] = "Masuk sasaran operasi",
        });

        Assert.NotNull(offered.QuerySelector($"[data-testid=escalate-operation] option[value='{operation.Id}']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{tip.Id}");
        Assert.Equal($"/Operations/{operation.Id}", detail.QuerySelector("[data-testid=tip-operation]")!.GetAttribute("href"));
        var operationPage = await TestApp.GetHtmlAsync(client, $"/Operations/{operation.Id}");
        Assert.Contains(tip.TrackingCode, TipData.Text(operationPage, "operation-tips"), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        var saved = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal((operation.Id, operation.KanimId), (saved.OperationId, saved.EscalationKanimId!.Value));
    }

    [Fact]
    public async Task Escalate_ToAnotherKanimsOperation_IsNotFoundAndNothingChanges()
    {
        var tip = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);
        var elsewhere = await OperationAsync("Kupang", "53.18");
        var client = await app.SignInAsync("kalianda");

        var offered = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{tip.Id}");
        var response = await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Escalate",
            ["Input.OperationId"] = elsewhere.Id.ToString(),
            ["Input.KanimId"] = elsewhere.KanimId.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "Coba tautkan operasi kantor lain",
        });

        Assert.Null(offered.QuerySelector($"[data-testid=escalate-operation] option[value='{elsewhere.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal((null, null), (saved.OperationId, saved.EscalatedUtc));
    }

    [Fact]
    public async Task PlanFromTip_PrefillsTheFormAndEscalatesTheTipToTheNewOperation()
    {
        var tip = await TipSeed.AddAsync(app, change: t =>
        {
            t.State = TipState.Assigned;
            t.Place = "Penggilingan padi Sinar " + TipData.Unique();
        });
        var client = await app.SignInAsync("kalianda");

        var form = await TestApp.GetHtmlAsync(client, $"/Operations?tip={tip.Id}");
        string Field(string name) => form.QuerySelector($"[name='{name}']")?.GetAttribute("value") ?? form.QuerySelector($"textarea[name='{name}']")!.TextContent;
        var fields = new Dictionary<string, string>
        {
            ["Input.TipId"] = Field("Input.TipId"),
            ["Input.KanimId"] = form.QuerySelector("select[name='Input.KanimId'] option[selected]")!.GetAttribute("value")!,
            ["Input.Name"] = Field("Input.Name"),
            ["Input.AreaCode"] = Field("Input.AreaCode"),
            ["Input.PeriodStart"] = Field("Input.PeriodStart"),
            ["Input.PeriodEnd"] = Field("Input.PeriodEnd"),
            ["Input.Targets"] = Field("Input.Targets").Trim(),
            ["Input.OrderNumber"] = "SPRIN-" + TipData.Unique(),
            ["Input.OrderDate"] = "2026-11-30",
            ["Input.Participants"] = "Kanim Kalianda: 4 orang\nPolres Lampung Timur: 2 orang",
        };
        var response = await TestApp.PostFormAsync(client, "/Operations", fields);

        Assert.Equal((tip.AreaCode, tip.Place, tip.Id.ToString()), (fields["Input.AreaCode"], fields["Input.Targets"], fields["Input.TipId"]));
        Assert.Contains(tip.TrackingCode, fields["Input.Name"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tip.Id, Token);
        Assert.Equal(response.Headers.Location!.ToString(), $"/Operations/{saved.OperationId}");
        Assert.Equal(TipState.Assigned, saved.State);
        Assert.True(await db.TipEvents.AnyAsync(e => e.TipId == tip.Id && e.Kind == TipEventKind.Escalated, Token));
    }

    [Fact]
    public async Task PlanFromTip_OfAnotherOffice_IsNotFound()
    {
        var tip = await TipSeed.AddAsync(app, "Kupang", TipSeed.TambolakaVillage, t => t.State = TipState.Verified);
        var client = await app.SignInAsync("kalianda");

        var form = await client.GetAsync(new Uri($"/Operations?tip={tip.Id}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
    }
}

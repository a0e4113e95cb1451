using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Tips;

/// <summary>A tip is shared, as it is assigned, only with a unit of the tip's own office (issue 28): another
/// Kanim's unit would see the reporter's name, phone and email.</summary>
public sealed class ShareScopeTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("kalianda")]
    [InlineData("pimpasa.lamtim")]
    public async Task Share_WithAnotherOfficesUnit_IsRefusedAndThatUnitSeesNothing(string officer)
    {
        var tip = await TipSeed.AddAsync(app, change: t => { t.ReporterName = "Pelapor " + TipData.Unique(); t.State = Core.Tips.TipState.Verified; });
        var kupangsPolice = await TipSeed.UnitAsync(app, "Polres Sumba Barat Daya");
        var client = await app.SignInAsync(officer);

        var response = await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Share",
            ["Input.UnitId"] = kupangsPolice.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Unit tidak ditemukan di wilayah kerja kantor ini", (await TestApp.HtmlAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.TipShares.AnyAsync(s => s.TipId == tip.Id, Token));
        Assert.Equal(Core.Tips.TipState.Verified, await db.Tips.Where(t => t.Id == tip.Id).Select(t => t.State).SingleAsync(Token));
        var partner = await app.SignInAsync("polres.sbd");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/Tips/Detail/{tip.Id}", UriKind.Relative), Token)).StatusCode);
    }

    [Fact]
    public async Task Share_WithOwnOfficesUnit_IsSaved()
    {
        var tip = await TipSeed.AddAsync(app, change: t => t.State = Core.Tips.TipState.Verified);
        var ownPolice = await TipSeed.UnitAsync(app, "Polres Lampung Timur");
        var client = await app.SignInAsync("kalianda");

        var response = await TipSeed.StepAsync(client, tip.Id, new()
        {
            ["Input.Step"] = "Share",
            ["Input.UnitId"] = ownPolice.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.True(await db.TipShares.AnyAsync(s => s.TipId == tip.Id && s.AgencyUnitId == ownPolice, Token));
    }
}

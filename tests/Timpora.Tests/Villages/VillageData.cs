using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Villages;

namespace Timpora.Tests.Villages;

/// <summary>Programme villages for one test: each test takes a village of the area data no other test uses.</summary>
public static class VillageData
{
    public const string SumbaBaratDaya = "53.18";
    public const string LampungTimur = "18.07";

    private static readonly SemaphoreSlim Picking = new(1, 1);
    private static readonly HashSet<string> Taken = [];

    /// <summary>A village code in the regency that is not (yet) in the programme.</summary>
    public static async Task<string> FreeVillageAsync(TestApp app, string regency)
    {
        await Picking.WaitAsync();
        try
        {
            await using var db = app.SystemDb();
            var used = await db.ProgrammeVillages.Where(v => v.AreaCode.StartsWith(regency + ".")).Select(v => v.AreaCode).ToListAsync();
            var candidates = await db.Areas.Where(a => a.Level == AreaLevel.Village && a.Code.StartsWith(regency + "."))
                .OrderBy(a => a.Code).Select(a => a.Code).ToListAsync();
            var code = candidates.First(c => !used.Contains(c) && !Taken.Contains(c));
            Taken.Add(code);
            return code;
        }
        finally
        {
            Picking.Release();
        }
    }

    public static async Task<ProgrammeVillage> AddAsync(TestApp app, string regency = SumbaBaratDaya, VillageStatus status = VillageStatus.Active)
    {
        var code = await FreeVillageAsync(app, regency);
        await using var db = app.SystemDb();
        var kanimId = await db.KanimWorkingAreas.Where(w => w.RegencyCode == regency).Select(w => w.KanimId).SingleAsync();
        var name = await db.Areas.Where(a => a.Code == code).Select(a => a.Name).SingleAsync();
        var village = new ProgrammeVillage
        {
            Name = name,
            AreaCode = code,
            KanimId = kanimId,
            Status = status,
            ProposedOn = new DateOnly(2025, 1, 10),
            ConsentOn = new DateOnly(2025, 2, 1),
            DecreeNumber = "SK-TEST-" + code,
            DecreeOn = new DateOnly(2025, 2, 10),
            EstablishedOn = new DateOnly(2025, 3, 1),
            Criteria = new VillageCriteria { Border = 3, Poverty = 2 },
        };
        db.ProgrammeVillages.Add(village);
        await db.SaveChangesAsync();
        return village;
    }

    /// <summary>A signed-in PIMPASA of the regency's Kanim serving the village.</summary>
    public static async Task<HttpClient> OfficerOfAsync(TestApp app, ProgrammeVillage village)
    {
        await using var db = app.SystemDb();
        var kanim = await db.Kanims.Where(k => k.Id == village.KanimId).Select(k => k.Name).SingleAsync();
        return await app.SignInAsync(await app.CreateUserAsync("Pimpasa", kanim, [village.AreaCode]));
    }
}

using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Permits;

/// <summary>The visa index codes and overstay rate an empty database starts with (DOMAIN.md); from then on an
/// administrator keeps them.</summary>
public static class PermitReferenceData
{
    private static readonly DateOnly Since2025 = new(2025, 1, 1);

    public static async Task<bool> EnsureAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.VisaIndexes.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.VisaIndexes.AddRange(
            Index("BVK", "Bebas visa kunjungan (visa-free visit): 30 days, no extension", PermitKind.VisaFree, 30, false),
            Index("B1", "Visa on arrival (VoA), tourism and visits: 30 days, one extension", PermitKind.Itk, 30, true),
            Index("C7C", "Visit visa for arts and culture performances", PermitKind.Itk, 60, false),
            Index("D1", "Multiple-entry visit visa, tourism", PermitKind.Itk, 60, false),
            Index("D2", "Multiple-entry visit visa, business", PermitKind.Itk, 60, false),
            Index("E23", "Limited-stay visa for work", PermitKind.Itas, 365, true),
            Index("E28F", "Limited-stay visa for foreign investment (investor)", PermitKind.Itas, 365, true),
            Index("E28G", "Limited-stay visa for foreign investment (investor, larger)", PermitKind.Itas, 365, true));
        db.OverstayRates.Add(new OverstayRate
        {
            EffectiveFrom = new DateOnly(2019, 5, 2),
            RupiahPerDay = 1_000_000,
            LegalBasis = "PP 28/2019 (tariff later replaced by PP 45/2024: confirm the rate in force)",
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static VisaIndex Index(string code, string description, PermitKind kind, int days, bool extendable) => new()
    {
        Code = code,
        Description = description,
        PermitKind = kind,
        StayDays = days,
        Extendable = extendable,
        ValidFrom = Since2025,
    };
}

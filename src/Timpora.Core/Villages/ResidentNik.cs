using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Reference;

namespace Timpora.Core.Villages;

/// <summary>Checks a resident's NIK against the area data: the district of digits 1-6 must exist.</summary>
public static class ResidentNik
{
    public static async Task<NikResult> ValidateAsync(AppDbContext db, string? nik, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var digits = string.Concat((nik ?? "").Where(c => !char.IsWhiteSpace(c)));
        var exists = false;
        string? district = null;
        if (digits.Length == Reference.Nik.Length && digits.All(char.IsAsciiDigit))
        {
            district = $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}";
            exists = await db.Areas.AnyAsync(a => a.Code == district && a.Level == AreaLevel.District, cancellationToken);
        }

        return Reference.Nik.Validate(nik, code => exists && code == district, today);
    }
}

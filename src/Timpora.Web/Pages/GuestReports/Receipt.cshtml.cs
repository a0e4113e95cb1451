using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Pages.GuestReports;

/// <summary>The printable receipt of an accepted report (bukti lapor).</summary>
public sealed class ReceiptModel(AppDbContext db) : PageModel
{
    public GuestReport Report { get; private set; } = null!;

    public string ProviderName { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public bool CanCheckOut => Report.CheckOutUtc is null && User.IsInRole(Roles.ProviderOperator);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var receipt = number.Trim().ToUpperInvariant();
        var found = await db.GuestReports.AsNoTracking().FirstOrDefaultAsync(r => r.ReceiptNumber == receipt, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Report = found;
        ProviderName = await db.Providers.Where(p => p.Id == found.ProviderId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        db.RecordAccess(AuditAction.Viewed, nameof(GuestReport), found.Id.ToString(), found.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        using var data = QRCodeGenerator.GenerateQrCode($"TIMPORA:{found.ReceiptNumber}", QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(4)));
        return Page();
    }
}

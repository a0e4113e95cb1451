using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.GuestReports;
using Timpora.Core.Providers;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.GuestReports;

/// <summary>Upload many check-ins at once as CSV or XLSX. The header is checked at once; the rows are checked
/// and saved in the background, each valid row kept, each invalid one explained in the result file.</summary>
[RequestSizeLimit(BulkFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = BulkFile.MaxBytes + (1024 * 1024))]
public sealed class UploadModel(AppDbContext db, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<BulkImport> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    // One example row, the ICAO specimen passport, so that the template shows every column's format.
    private static readonly string[] ExampleRow =
        ["ERIKSSON", "ANNA MARIA", "F", "1974-08-12", "SWE", "L898902C3", "SWE", "2030-04-15", "ITK", "B1", "", "2026-12-20", "2026-11-23 14:30", "2026-11-30", "12", "Holiday"];

    public IActionResult OnGetTemplate(string? format) => format == "xlsx"
        ? File(Foreigners.RegisterExport.Xlsx("check-ins", [.. BulkFile.Columns], [new Foreigners.ExportRow(0, [.. ExampleRow])]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "timpora-check-in-template.xlsx")
        : File(System.Text.Encoding.UTF8.GetBytes(string.Join(',', BulkFile.Columns) + "\n" + string.Join(',', ExampleRow) + "\n"),
            "text/csv", "timpora-check-in-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var providerId = db.Caller.Scope.ProviderIds.FirstOrDefault();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (provider is null)
        {
            return NotFound();
        }

        if (provider.Status != ProviderStatus.Approved)
        {
            ModelState.AddModelError("file", t["Report.ProviderNotApproved"]);
        }
        else if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Bulk.NoFile"]);
        }
        else if (file.Length > BulkFile.MaxBytes)
        {
            ModelState.AddModelError("file", t["Bulk.TooLarge"]);
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var format = BulkFile.Detect(content);
            var headerProblem = format is null ? t["Bulk.NotCsvOrXlsx"].Value : CheckHeader(content, format.Value);
            if (headerProblem is not null)
            {
                ModelState.AddModelError("file", headerProblem);
            }
            else
            {
                var import = new BulkImport
                {
                    ProviderId = provider.Id,
                    KanimId = provider.KanimId,
                    AreaCode = provider.AreaCode,
                    FileName = Path.GetFileName(file.FileName)[..Math.Min(Path.GetFileName(file.FileName).Length, 200)],
                    Format = format!.Value,
                    CreatedBy = User.Identity!.Name!,
                    TimeZoneId = clock.ZoneId,
                    Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
                    Content = content,
                };
                db.BulkImports.Add(import);
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/GuestReports/Imports/{import.Id}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private string? CheckHeader(byte[] content, BulkFormat format)
    {
        try
        {
            var (header, _) = BulkFile.Read(new MemoryStream(content), format);
            return header.Count == 0 ? t["Bulk.Empty"].Value
                : BulkFile.CheckHeader(header) is { } problem ? t["Bulk.WrongHeader", problem, string.Join(",", BulkFile.Columns)].Value
                : null;
        }
        catch (XlsxLimitException limit)
        {
            // A bound of the package or its shared strings refuses the whole file here, before any row is read;
            // a bound inside the sheet is met by the worker, which keeps the rows before it.
            var problem = BulkImporting.Stopped(limit);
            return t["Report." + problem.Code, [.. problem.Arguments!]].Value;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or FormatException or CsvHelper.CsvHelperException)
        {
            return t[format == BulkFormat.Xlsx ? "Bulk.XlsxUnreadable" : "Bulk.NotCsvOrXlsx"].Value;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Recent = await db.BulkImports.AsNoTracking().OrderByDescending(b => b.CreatedUtc).Take(10)
            .Select(b => new BulkImport
            {
                Id = b.Id,
                FileName = b.FileName,
                Status = b.Status,
                ProcessedRows = b.ProcessedRows,
                Accepted = b.Accepted,
                Rejected = b.Rejected,
                CreatedUtc = b.CreatedUtc,
                CreatedBy = b.CreatedBy,
                TimeZoneId = b.TimeZoneId,
                Culture = b.Culture,
                AreaCode = b.AreaCode,
            })
            .ToListAsync(cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Areas;

/// <summary>The htmx fragment behind the area picker: re-renders it for the choices made so far.</summary>
public sealed class PickerModel(AppDbContext db) : PageModel
{
    public AreaPickerView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? prefix, string? pick)
    {
        var p = string.IsNullOrWhiteSpace(prefix) || prefix.Length > 50 ? "Area" : prefix;
        string? Field(string name) => Request.Query[$"{p}.{name}"].FirstOrDefault();
        var input = new AreaPickerInput
        {
            Province = Field("Province"),
            Regency = Field("Regency"),
            District = Field("District"),
            Village = Field("Village"),
            Query = Field("Query")?[..Math.Min(100, Field("Query")!.Length)],
            Pick = pick ?? Field("Pick"),
        };
        if (input.Pick is not null)
        {
            input.Query = null;
        }

        View = await AreaPickerView.LoadAsync(db, p, input, HttpContext.RequestAborted);
        return Page();
    }
}

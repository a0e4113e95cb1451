using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Areas;

/// <summary>The htmx fragments behind the area picker: the suggestions for what is typed (<c>part=suggestions</c>),
/// or the choices below the search input for the levels chosen so far. Never the input itself.</summary>
public sealed class PickerModel(AppDbContext db) : PageModel
{
    public AreaPickerView View { get; private set; } = null!;

    public bool SuggestionsOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? prefix, string? pick, string? part)
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

        SuggestionsOnly = part == "suggestions";
        View = SuggestionsOnly
            ? await AreaPickerView.SuggestAsync(db, p, input, HttpContext.RequestAborted)
            : await AreaPickerView.LoadAsync(db, p, input, HttpContext.RequestAborted);
        View.ClearsQuery = pick is not null;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Areas;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Areas;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "Area")]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<Area> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var chosen = Area.SelectedCode;
        Picker = await AreaPickerView.LoadAsync(db, "Area", Area, cancellationToken);
        // A complete choice with no pending search opens the area itself.
        if (chosen is not null && Area.SelectedCode == chosen && string.IsNullOrWhiteSpace(Area.Query) && Request.Query.ContainsKey("open"))
        {
            return Redirect("/Areas/" + chosen);
        }

        Children = Picker.Provinces.Count > 0 && Area.SelectedCode is null ? Picker.Provinces : [];
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timpora.Web.Pages;

/// <summary>The public landing; a signed-in person opening <c>/</c> goes to their work instead.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? RedirectToPage("/Home/Index") : Page();
}

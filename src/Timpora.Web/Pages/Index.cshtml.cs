using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timpora.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}

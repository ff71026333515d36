using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Admin;

/// <summary>Admin only (folder convention).</summary>
public sealed class UsersModel : PageModel
{
    public void OnGet()
    {
    }
}

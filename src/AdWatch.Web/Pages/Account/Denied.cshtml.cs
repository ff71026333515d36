using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Account;

/// <summary>Where a signed-in user lands on a page their role may not open; answered with 403 so tools and tests see the refusal.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

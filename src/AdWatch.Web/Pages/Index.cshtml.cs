using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages;

/// <summary>The overview (<c>/</c>).</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}

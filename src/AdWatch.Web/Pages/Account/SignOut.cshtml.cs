using AdWatch.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Account;

/// <summary>Sign-out is a POST (antiforgery-checked) so another site cannot sign a user out with a link.</summary>
public sealed class SignOutModel(AuditLog audit) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(User.Identity.Name!, "sign_out", "user", User.Identity.Name, null, ct);
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Page();
    }
}

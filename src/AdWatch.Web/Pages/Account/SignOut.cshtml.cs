using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST (antiforgery-checked) so another site cannot sign a user out with a link. It replaces the account's
/// security stamp, so a copy of the cookie stops working too (and so do the account's other sessions).
/// </summary>
public sealed class SignOutModel(AuditLog audit, UserStore users) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(User.Identity.Name!, "sign_out", "user", User.Identity.Name, null, ct);
            if (User.HasClaim(c => c.Type == SessionValidator.StampClaim))
            {
                await users.RotateSecurityStampAsync(User.Identity.Name!, ct);
            }
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Page();
    }
}

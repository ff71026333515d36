using AdWatch.Web.Hosting;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Pages.Account;

/// <summary>
/// Local sign-in; one message for every failure so the form does not tell which accounts exist. Its posts are throttled per
/// client (<see cref="SignInThrottle"/>).
/// </summary>
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(PasswordSignIn signIn, IOptions<WebOptions> options, IStringLocalizer<SignInModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool OidcEnabled => options.Value.OpenIdConnect.Enabled;

    public string OidcDisplayName => options.Value.OpenIdConnect.DisplayName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.SignInAsync(HttpContext, Name ?? "", Password ?? "", ct);
        if (result == PasswordSignInResult.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }
        Error = text["Inloggen mislukt: de naam of het wachtwoord klopt niet, of het account is (tijdelijk) geblokkeerd."];
        Password = null;
        return Page();
    }

    public IActionResult OnPostOidc() => OidcEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}

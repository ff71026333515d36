using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AdWatch.Web.Pages.Account;

/// <summary>The one-time first-run page: creates the first administrator, then the link is spent.</summary>
public sealed class SetupModel(SetupTokenStore tokens, UserStore users, AuditLog audit, TimeProvider time, IStringLocalizer<SetupModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    public bool Usable { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Usable = await tokens.IsUsableAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Usable = await tokens.IsUsableAsync(Token, ct);
        if (!Usable)
        {
            return Page();
        }
        var name = Name?.Trim() ?? "";
        var problem = AccountRules.CheckName(name) ?? AccountRules.CheckPassword(Password, name)
                      ?? (Password != Repeat ? "De wachtwoorden verschillen." : null);
        Error = problem is null ? null : text[problem].Value;
        if (Error is not null)
        {
            return Page();
        }
        if (!await tokens.RedeemAsync(Token!, name, PasswordSignIn.Hash(name, Password!), ct))
        {
            Usable = false;
            return Page();
        }
        await audit.WriteAsync(name, "change", "user", name, "first administrator created with the set-up link", ct);
        await PasswordSignIn.IssueCookieAsync(HttpContext, (await users.FindAsync(name, ct))!, time.GetUtcNow());
        await audit.WriteAsync(name, "sign_in", "user", name, "set-up link", ct);
        return LocalRedirect("/");
    }
}

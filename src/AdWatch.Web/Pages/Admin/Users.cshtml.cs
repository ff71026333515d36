using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AdWatch.Web.Pages.Admin;

/// <summary>
/// Accounts (admin only): list, add, disable/enable, reset a password, assign the organisation (which decides the
/// municipalities the account sees; counts from its next sign-in). Every change is audited.
/// </summary>
public sealed class UsersModel(UserStore users, AuditLog audit, TimeProvider time, IStringLocalizer<UsersModel> text, Organisations organisations) : PageModel
{
    public IReadOnlyList<UserRow> Accounts { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Key of an organisation of <see cref="Organisations"/>; empty: none (the account sees no dossier).</summary>
    [BindProperty]
    public string? Organisation { get; set; }

    /// <summary>The organisations an account may be given.</summary>
    public IReadOnlyList<Organisation> KnownOrganisations => organisations.All;

    /// <summary>The organisation's name, or a dash for none (or a key no longer in the file).</summary>
    public string OrganisationName(string? key) => organisations.Find(key)?.Name ?? (key is null ? "—" : key + " (?)");

    [BindProperty]
    public string? Repeat { get; set; }

    public string? Message { get; private set; }

    public bool IsError { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        var knownRole = EnumText.TryParse<AdWatch.Accounts.Role>(Role, out var role);
        var knownOrganisation = KnownOrganisation(out var organisation);
        var problem = AccountRules.CheckName(name) ?? AccountRules.CheckPassword(Password, name)
                      ?? (Password != Repeat ? "De wachtwoorden verschillen." : null)
                      ?? (!knownRole ? "Kies een rol." : null)
                      ?? (!knownOrganisation ? "Kies een bestaande organisatie." : null)
                      ?? (await users.FindAsync(name, ct) is not null ? "Er bestaat al een account met deze naam." : null);
        if (problem is null)
        {
            await users.AddAsync(name, role, PasswordSignIn.Hash(name, Password!), time.GetUtcNow(), organisation, ct);
            await audit.WriteAsync(Actor, "change", "user", name, $"added with role {Role}" + (organisation is null ? "" : $", organisation {organisation}"), ct);
        }
        return await DoneAsync(problem, "Account {0} toegevoegd.", name, ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string name, CancellationToken ct)
    {
        var problem = name == Actor ? "U kunt uw eigen account niet uitschakelen." : null;
        if (problem is null && await users.SetDisabledAsync(name, true, ct))
        {
            await audit.WriteAsync(Actor, "change", "user", name, "disabled", ct);
        }
        return await DoneAsync(problem, "Account {0} uitgeschakeld.", name, ct);
    }

    public async Task<IActionResult> OnPostEnableAsync(string name, CancellationToken ct)
    {
        if (await users.SetDisabledAsync(name, false, ct))
        {
            await audit.WriteAsync(Actor, "change", "user", name, "enabled", ct);
        }
        return await DoneAsync(null, "Account {0} ingeschakeld.", name, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        var knownRole = EnumText.TryParse<AdWatch.Accounts.Role>(Role, out var role);
        var problem = (await users.FindAsync(name, ct) is null ? "Kies een bestaand account." : null)
                      ?? AccountRules.CheckPassword(Password, name)
                      ?? (Password != Repeat ? "De wachtwoorden verschillen." : null);
        if (problem is null)
        {
            // Also lifts a lockout: the administrator has just checked who is asking.
            await users.SetPasswordHashAsync(name, PasswordSignIn.Hash(name, Password!), ct);
            await audit.WriteAsync(Actor, "change", "user", name, "password reset", ct);
        }
        return await DoneAsync(problem, "Wachtwoord van {0} opnieuw ingesteld.", name, ct);
    }

    /// <summary>Assigns (or clears) an account's organisation.</summary>
    public async Task<IActionResult> OnPostOrganisationAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        var problem = !KnownOrganisation(out var organisation) ? "Kies een bestaande organisatie."
            : !await users.SetOrganisationAsync(name, organisation, ct) ? "Kies een bestaand account." : null;
        if (problem is null)
        {
            await audit.WriteAsync(Actor, "change", "user", name, $"organisation {organisation ?? "none"}", ct);
        }
        return await DoneAsync(problem, "Organisatie van {0} ingesteld.", name, ct);
    }

    // Empty means none; anything else must be a key of the organisations file.
    private bool KnownOrganisation(out string? key)
    {
        key = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim();
        return key is null || organisations.Find(key) is not null;
    }

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> DoneAsync(string? problem, string success, string name, CancellationToken ct)
    {
        IsError = problem is not null;
        Message = problem is null ? text[success, name].Value : text[problem].Value;
        Password = Repeat = null;
        if (!IsError)
        {
            Name = Role = Organisation = null;
        }
        Accounts = await users.ListAsync(ct);
        return Page();
    }
}

using System.CommandLine;
using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using AdWatch.Web.Display;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary>
/// <c>adwatch users add NAME --role ROLE [--organisation KEY] [--password-stdin] | list | organisation NAME KEY | disable NAME | enable NAME
/// | reset-password NAME [--password-stdin]</c>. The organisation (a key of config/organisations.yaml) decides which
/// municipalities the account sees; without one it sees no dossier.
/// </summary>
internal static class UsersCommand
{
    /// <summary>
    /// The words <c>--role</c> accepts: each role's stored code (<c>analyst</c>) and the Dutch name the dashboard shows for it
    /// (<c>analist</c>, <c>coördinator</c>, <c>beheerder</c>, from the one table of display names), also without the diaeresis.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, Role> RoleWords = ReadRoleWords();

    private static Dictionary<string, Role> ReadRoleWords()
    {
        var words = new Dictionary<string, Role>(StringComparer.Ordinal);
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl");
        foreach (var r in Enum.GetValues<Role>())
        {
            var name = DisplayNames.Of(r.ToText(), dutch);
            words.TryAdd(r.ToText(), r);
            words.TryAdd(name, r);
            words.TryAdd(name.Normalize(System.Text.NormalizationForm.FormD).Replace("\u0308", "", StringComparison.Ordinal), r);
        }
        return words;
    }

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("users", "Manage dashboard accounts (roles: analyst, coordinator, admin)");

        var name = new Argument<string>("NAME") { Description = "Account name" };
        var role = new Option<string>("--role")
        {
            Description = "analyst, coordinator or admin (or the Dutch analist, coördinator, beheerder)",
            Required = true,
            HelpName = "ROLE",
        };
        role.AcceptOnlyFromAmong([.. RoleWords.Keys]);
        var organisation = new Option<string?>("--organisation") { Description = "Key of the account's organisation (config/organisations.yaml); without one it sees no dossier", HelpName = "KEY" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of a prompt" };
        var add = new Command("add", "Add an account; asks for the password") { name, role, organisation, passwordStdin };
        CliAction.Set(add, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var users = host.Services.GetRequiredService<UserStore>();
            var account = r.GetValue(name)!.Trim();
            if (AccountRules.CheckName(account) is not null)
            {
                throw new UserError($"'{account}' is not a usable account name: 1 to {AccountRules.MaxNameLength} characters, no spaces.", ExitCodes.Usage);
            }
            if (await users.FindAsync(account, ct) is not null)
            {
                throw new UserError($"an account named '{account}' already exists; choose another name or disable the old one.");
            }
            var org = CheckOrganisation(host.Services, r.GetValue(organisation));
            var password = ReadPassword(r.GetValue(passwordStdin), account);
            var hash = PasswordSignIn.Hash(account, password);
            var time = host.Services.GetRequiredService<TimeProvider>();
            var given = RoleWords[r.GetValue(role)!].ToText();
            await users.AddAsync(account, EnumText.Parse<Role>(given), hash, time.GetUtcNow(), org, ct);
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli", "change", "user", account,
                $"added with role {given}" + (org is null ? "" : $", organisation {org}"), ct);
            Console.WriteLine(org is null
                ? $"Added {account} ({given}). It has no organisation, so it sees no dossier until `adwatch users organisation {account} KEY`."
                : $"Added {account} ({given}), organisation {org}.");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List accounts");
        CliAction.Set(list, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var user in await host.Services.GetRequiredService<UserStore>().ListAsync(ct))
            {
                var state = user.Disabled ? "disabled" : user.LockedUntil is { } until && until > now ? $"locked for an address until {until:u}" : "active";
                Console.WriteLine($"{user.Name}\t{user.Role.ToText()}\t{state}\tlast visit {user.LastVisitAt?.ToString("u") ?? "never"}\torganisation {user.Organisation ?? "none"}");
            }
            return ExitCodes.Ok;
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(SetOrganisation(global));
        command.Subcommands.Add(SetDisabled(global, "disable", "Disable an account (it can no longer sign in)", true));
        command.Subcommands.Add(SetDisabled(global, "enable", "Enable a disabled account", false));
        command.Subcommands.Add(ResetPassword(global));
        command.Subcommands.Add(Alerts(global));
        return command;
    }

    /// <summary><c>adwatch users alerts NAME [--email ADDRESS | --no-email] --delivery immediate|digest|inbox</c>.</summary>
    private static Command Alerts(GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "Account name" };
        var email = new Option<string?>("--email") { Description = "Address for alert e-mail (needs Alerts:SmtpHost)", HelpName = "ADDRESS" };
        var delivery = new Option<string>("--delivery")
        {
            Description = "immediate (one e-mail per alert), digest (one e-mail a day) or inbox (no e-mail)", Required = true, HelpName = "WHEN",
        };
        delivery.AcceptOnlyFromAmong([.. AdWatch.Alerts.AlertStore.Deliveries]);
        var command = new Command("alerts", "Set where an account's alerts go (the in-app inbox always gets them)") { name, email, delivery };
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var account = r.GetValue(name)!;
            var address = r.GetValue(email);
            if (address is not null && !MimeKit.MailboxAddress.TryParse(address, out _))
            {
                throw new UserError($"--email '{address}' is not an e-mail address.", ExitCodes.Usage);
            }
            if (!await host.Services.GetRequiredService<AdWatch.Alerts.AlertStore>().SetDeliveryAsync(account, address, r.GetValue(delivery)!, ct))
            {
                throw new UserError($"no account named '{account}'; see `adwatch users list`.");
            }
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli", "change", "user", account, $"alerts: {r.GetValue(delivery)}", ct);
            Console.WriteLine($"{account}: alerts {r.GetValue(delivery)}{(address is null ? "" : " to " + address)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetDisabled(GlobalOptions global, string verb, string description, bool disabled)
    {
        var name = new Argument<string>("NAME") { Description = "Account name" };
        var command = new Command(verb, description) { name };
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var account = r.GetValue(name)!;
            if (!await host.Services.GetRequiredService<UserStore>().SetDisabledAsync(account, disabled, ct))
            {
                throw new UserError($"no account named '{account}'; see `adwatch users list`.");
            }
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli", "change", "user", account, verb + "d", ct);
            Console.WriteLine($"{account} {verb}d.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetOrganisation(GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "Account name" };
        var key = new Argument<string>("KEY") { Description = "Key of the organisation (config/organisations.yaml)" };
        var command = new Command("organisation", "Assign the account's organisation (counts from its next sign-in)") { name, key };
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var account = r.GetValue(name)!;
            var org = CheckOrganisation(host.Services, r.GetValue(key));
            if (!await host.Services.GetRequiredService<UserStore>().SetOrganisationAsync(account, org, ct))
            {
                throw new UserError($"no account named '{account}'; see `adwatch users list`.");
            }
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli", "change", "user", account, $"organisation {org}", ct);
            Console.WriteLine($"{account} now belongs to {org}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The key when config/organisations.yaml has it; otherwise a one-line error naming the known keys.</summary>
    private static string? CheckOrganisation(IServiceProvider services, string? key)
    {
        if (key is null)
        {
            return null;
        }
        var organisations = services.GetRequiredService<Organisations>();
        IReadOnlyList<Organisation> all;
        try
        {
            all = organisations.All;
        }
        catch (OrganisationsConfigException e)
        {
            throw new UserError(e.Message);
        }
        return all.Any(o => o.Key == key) ? key
            : throw new UserError($"unknown organisation '{key}'; known in {organisations.FilePath}: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(o => o.Key)))}.", ExitCodes.Usage);
    }

    private static Command ResetPassword(GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "Account name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of a prompt" };
        var command = new Command("reset-password", "Set a new password (asks for it); also lifts a lockout") { name, passwordStdin };
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var users = host.Services.GetRequiredService<UserStore>();
            var account = r.GetValue(name)!;
            if (await users.FindAsync(account, ct) is null)
            {
                throw new UserError($"no account named '{account}'; see `adwatch users list`.");
            }
            await users.SetPasswordHashAsync(account, PasswordSignIn.Hash(account, ReadPassword(r.GetValue(passwordStdin), account)), ct);
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli", "change", "user", account, "password reset", ct);
            Console.WriteLine($"Password of {account} reset.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadPassword(bool fromStdin, string account)
    {
        string? password;
        if (fromStdin || Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            Console.Error.Write("Password: ");
            password = ReadHidden();
            Console.Error.Write("Repeat password: ");
            if (ReadHidden() != password)
            {
                throw new UserError("the passwords differ; nothing was saved.");
            }
        }
        if (AccountRules.FindPasswordProblem(password, account) is { } problem)
        {
            throw new UserError(AccountRules.PasswordProblemInEnglish(problem));
        }
        return password!;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return new string([.. chars]);
            }
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}

using System.Security.Cryptography;
using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Identity;

namespace AdWatch.Web.Demo;

/// <summary>
/// One demo account per role, each with a fresh random password, so the dashboard can be tried at once. The demo database
/// is recreated every run, so these accounts never outlive the demo.
/// </summary>
internal sealed class DemoAccounts(UserStore users, TimeProvider time)
{
    public static readonly IReadOnlyList<(string Name, string Role)> Accounts =
        [("analist", "analyst"), ("coordinator", "coordinator"), ("beheerder", "admin")];

    /// <summary>Creates the accounts; returns (name, role, password) to print.</summary>
    public async Task<IReadOnlyList<(string Name, string Role, string Password)>> CreateAsync(CancellationToken ct)
    {
        var hasher = new PasswordHasher<string>();
        var created = new List<(string, string, string)>();
        foreach (var (name, role) in Accounts)
        {
            // 20 characters from a 32-letter alphabet without look-alikes: ~100 bits, easy to type from a terminal.
            var password = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
            await users.AddAsync(name, EnumText.Parse<Role>(role), hasher.HashPassword(name, password), time.GetUtcNow(), ct);
            created.Add((name, role, password));
        }
        return created;
    }
}

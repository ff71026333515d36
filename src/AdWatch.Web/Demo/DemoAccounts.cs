using System.Security.Cryptography;
using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Identity;

namespace AdWatch.Web.Demo;

/// <summary>
/// One demo account per role, each with a fresh random password, so the dashboard can be tried at once, plus two that show
/// the organisations: <c>politie</c> (police analyst, whole region) and <c>analist-ermelo</c> (Ermelo analyst, who sees none of
/// the seed's Harderwijk dossiers and gets only a hit/no-hit for its phones). The Harderwijk seed is Harderwijk's own work, so
/// <c>analist</c> and <c>coordinator</c> belong to Harderwijk; <c>beheerder</c> to the regional coordinator. The demo database
/// is recreated every run, so these accounts never outlive the demo.
/// </summary>
internal sealed class DemoAccounts(UserStore users, TimeProvider time)
{
    public static readonly IReadOnlyList<(string Name, string Role, string Organisation)> Accounts =
    [
        ("analist", "analyst", "harderwijk"), ("coordinator", "coordinator", "harderwijk"), ("beheerder", "admin", "regio"),
        ("politie", "analyst", "politie"), ("analist-ermelo", "analyst", "ermelo"),
    ];

    /// <summary>Creates the accounts; returns (name, role, organisation, password) to print.</summary>
    public async Task<IReadOnlyList<(string Name, string Role, string Organisation, string Password)>> CreateAsync(CancellationToken ct)
    {
        var hasher = new PasswordHasher<string>();
        var created = new List<(string, string, string, string)>();
        foreach (var (name, role, organisation) in Accounts)
        {
            // 20 characters from a 32-letter alphabet without look-alikes: ~100 bits, easy to type from a terminal.
            var password = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
            await users.AddAsync(name, EnumText.Parse<Role>(role), hasher.HashPassword(name, password), time.GetUtcNow(), organisation, ct);
            created.Add((name, role, organisation, password));
        }
        return created;
    }
}

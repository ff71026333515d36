using System.Security.Cryptography;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Accounts;

/// <summary>Local dashboard accounts. Passwords are stored only as hashes made by the caller (ASP.NET Core's PasswordHasher).</summary>
public sealed class UserStore(Database database)
{
    /// <summary>The roles as stored and as written in settings and on the command line, least rights first.</summary>
    public static readonly IReadOnlyList<string> Roles = EnumText.All<Role>();

    private const string Columns = "id, name, role AS role_text, password_hash, disabled, failed_logins, locked_until, last_visit_at, created_at, organisation, security_stamp";

    /// <summary>Adds an account without an organisation: it sees no dossier until one is assigned (<see cref="SetOrganisationAsync"/>).</summary>
    public Task<long> AddAsync(string name, Role role, string? passwordHash, DateTimeOffset at, CancellationToken ct) =>
        AddAsync(name, role, passwordHash, at, null, ct);

    /// <summary>Adds an account of <paramref name="organisation"/> (a key the caller checked against <see cref="Organisations"/>).</summary>
    public async Task<long> AddAsync(string name, Role role, string? passwordHash, DateTimeOffset at, string? organisation, CancellationToken ct)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, $"Role must be one of: {string.Join(", ", Roles)}.");
        }
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO users (name, role, password_hash, created_at, organisation, security_stamp)
            VALUES (@name, @role, @passwordHash, @at, @organisation, @stamp) RETURNING id
            """, new { name, role = role.ToText(), passwordHash, at, organisation, stamp = NewSecurityStamp() }, cancellationToken: ct));
    }

    public async Task<UserRow?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE name = @name", new { name }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<UserRow>(new CommandDefinition($"SELECT {Columns} FROM users ORDER BY name", cancellationToken: ct))];
    }

    /// <summary>Disables or enables the account; false when there is none. Ends its sessions (a new security stamp).</summary>
    public async Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET disabled = @disabled, security_stamp = @stamp WHERE name = @name",
            new { name, disabled, stamp = NewSecurityStamp() }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Assigns the account's organisation (null: none); false when there is no such account. Ends its sessions (a new security
    /// stamp), so the new organisation counts from its next sign-in.
    /// </summary>
    public async Task<bool> SetOrganisationAsync(string name, string? organisation, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET organisation = @organisation, security_stamp = @stamp WHERE name = @name",
            new { name, organisation, stamp = NewSecurityStamp() }, cancellationToken: ct)) == 1;
    }

    /// <summary>Sets the password hash and lifts a lockout; ends the account's sessions. Returns the new security stamp.</summary>
    public async Task<string> SetPasswordHashAsync(string name, string passwordHash, CancellationToken ct)
    {
        var stamp = NewSecurityStamp();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL, security_stamp = @stamp WHERE name = @name",
            new { name, passwordHash, stamp }, cancellationToken: ct));
        return stamp;
    }

    /// <summary>Ends every session of the account (sign-out): cookies carrying the old security stamp are refused from now on.</summary>
    public async Task RotateSecurityStampAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET security_stamp = @stamp WHERE name = @name", new { name, stamp = NewSecurityStamp() }, cancellationToken: ct));
    }

    /// <summary>A fresh random security stamp (128 bits, hex).</summary>
    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Counts a failed sign-in; from <paramref name="maxFailures"/> on, locks the account until <paramref name="lockUntil"/>.</summary>
    public async Task RecordFailedSignInAsync(string name, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= @maxFailures THEN @lockUntil ELSE locked_until END
            WHERE name = @name
            """, new { name, maxFailures, lockUntil }, cancellationToken: ct));
    }

    /// <summary>Forgets the failures behind a lockout that has run out, so the next typo does not lock the account again at once.</summary>
    public async Task ClearExpiredLockoutAsync(string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = @name AND locked_until IS NOT NULL AND locked_until <= @now",
            new { name, now }, cancellationToken: ct));
    }

    /// <summary>Remembers when the user last opened the overview ("new since your last visit").</summary>
    public async Task RecordVisitAsync(string name, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET last_visit_at = @at WHERE name = @name", new { name, at }, cancellationToken: ct));
    }

    public async Task RecordSignInAsync(string name, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_logins = 0, locked_until = NULL, last_visit_at = @at WHERE name = @name", new { name, at }, cancellationToken: ct));
    }
}

using System.Security.Cryptography;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Accounts;

/// <summary>Local dashboard accounts. Passwords are stored only as hashes made by the caller (ASP.NET Core's PasswordHasher).</summary>
public sealed class UserStore(Database database)
{
    /// <summary>The roles as stored and as written in settings and on the command line, least rights first.</summary>
    public static readonly IReadOnlyList<string> Roles = EnumText.All<Role>();

    // locked_until: the latest lockout of any one client (migration 0022); the account is locked only for that client.
    private const string Columns = "id, name, role AS role_text, password_hash, disabled, failed_logins, " +
        "(SELECT MAX(f.locked_until) FROM sign_in_failures f WHERE f.user_name = users.name) AS locked_until, " +
        "last_visit_at, created_at, organisation, security_stamp";

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

    /// <summary>Sets the password hash and lifts every lockout of the account; ends its sessions. Returns the new security stamp.</summary>
    public async Task<string> SetPasswordHashAsync(string name, string passwordHash, CancellationToken ct)
    {
        var stamp = NewSecurityStamp();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL, security_stamp = @stamp WHERE name = @name",
            new { name, passwordHash, stamp }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_failures WHERE user_name = @name", new { name }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
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

    /// <summary>Until when the account is locked for <paramref name="client"/>; null when it is not (any more).</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string name, string client, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT locked_until FROM sign_in_failures WHERE user_name = @name AND client = @client AND locked_until > @now",
            new { name, client, now }, cancellationToken: ct));
    }

    /// <summary>
    /// Counts a failed sign-in of <paramref name="client"/> on the account; from <paramref name="maxFailures"/> failures on, the
    /// account is locked for that client (only) until <paramref name="lockUntil"/>. Failures count in a row while each follows
    /// the last within <paramref name="forgetAfter"/>; older ones and run-out lockouts (of every account) are forgotten first.
    /// </summary>
    public async Task RecordFailedSignInAsync(string name, string client, int maxFailures, DateTimeOffset now, DateTimeOffset lockUntil,
        TimeSpan forgetAfter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ForgetStaleFailuresAsync(connection, tx, now, forgetAfter, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sign_in_failures (user_name, client, failures, last_failed_at, locked_until)
            VALUES (@name, @client, 1, @now, CASE WHEN @maxFailures <= 1 THEN @lockUntil ELSE NULL END)
            ON CONFLICT (user_name, client) DO UPDATE SET
                failures = sign_in_failures.failures + 1,
                last_failed_at = @now,
                locked_until = CASE WHEN sign_in_failures.failures + 1 >= @maxFailures THEN @lockUntil ELSE sign_in_failures.locked_until END
            """, new { name, client, maxFailures, now, lockUntil }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>After a good sign-in of <paramref name="client"/>: forgets its failures on the account (and stale ones of every account).</summary>
    public async Task ClearFailedSignInsAsync(string name, string client, DateTimeOffset now, TimeSpan forgetAfter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ForgetStaleFailuresAsync(connection, tx, now, forgetAfter, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_failures WHERE user_name = @name AND client = @client", new { name, client }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    // The client addresses are kept no longer than they count.
    private static Task ForgetStaleFailuresAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx,
        DateTimeOffset now, TimeSpan forgetAfter, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM sign_in_failures
            WHERE (locked_until IS NOT NULL AND locked_until <= @now) OR (locked_until IS NULL AND last_failed_at <= @staleBefore)
            """, new { now, staleBefore = now - forgetAfter }, tx, cancellationToken: ct));

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

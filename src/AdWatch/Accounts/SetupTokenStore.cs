using System.Security.Cryptography;
using System.Text;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Accounts;

/// <summary>
/// One-time set-up links: while no account exists, a random token lets one person create the first administrator.
/// The token is stored only as its SHA-256 and is spent atomically together with that account's creation.
/// </summary>
public sealed class SetupTokenStore(Database database, TimeProvider time)
{
    /// <summary>Makes a new token valid for <paramref name="validFor"/>; returns the token (shown once, never stored).</summary>
    public async Task<string> CreateAsync(TimeSpan validFor, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (@hash, @now, @expires)
            """, new { hash = Hash(token), now, expires = now + validFor }, cancellationToken: ct));
        return token;
    }

    /// <summary>True when the token exists, is unspent and unexpired, and no account exists yet.</summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM setup_tokens
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now AND NOT EXISTS (SELECT 1 FROM users)
            """, new { hash = Hash(token), now = time.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Spends the token and creates the administrator in one transaction; false (nothing written) when the token is not
    /// usable any more — e.g. two people opened the link and the other one was first.
    /// </summary>
    public async Task<bool> RedeemAsync(string token, string adminName, string passwordHash, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var spent = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE setup_tokens SET used_at = @now, used_by = @adminName
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now AND NOT EXISTS (SELECT 1 FROM users)
            """, new { hash = Hash(token), now, adminName }, tx, cancellationToken: ct));
        if (spent != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO users (name, role, password_hash, created_at, security_stamp) VALUES (@adminName, 'admin', @passwordHash, @now, @stamp)
            """, new { adminName, passwordHash, now, stamp = UserStore.NewSecurityStamp() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>True when at least one account exists (then no set-up link is offered).</summary>
    public async Task<bool> AnyUserAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: ct)) > 0;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

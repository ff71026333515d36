using AdWatch.Storage;

namespace AdWatch.Accounts;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserRow
{
    public long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The <c>role</c> column as stored; read <see cref="Role"/>.</summary>
    public required string RoleText { get; init; }

    public Role Role => EnumText.Parse<Role>(RoleText);
    public string? PasswordHash { get; init; }
    public bool Disabled { get; init; }
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? LastVisitAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The key of the account's organisation (<see cref="Organisations"/>); null: none assigned, no dossiers.</summary>
    public string? Organisation { get; init; }
    /// <summary>Random value carried in the sign-in cookie; a new one ends every session that carries the old (migration 0020).</summary>
    public string SecurityStamp { get; init; } = "";
}

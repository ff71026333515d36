using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>The review history of flags. A status change and its history row are written in one transaction.</summary>
public sealed class ReviewStore(Database database)
{
    /// <summary>
    /// Moves a flag from <paramref name="from"/> to <paramref name="to"/>. Returns false, changing nothing, when the flag
    /// is no longer in <paramref name="from"/> (someone else reviewed it meanwhile).
    /// </summary>
    public async Task<bool> TransitionAsync(long flagId, ReviewStatus from, ReviewStatus to, string actor, string? note, string? assignedTo,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE flags SET status = @to, assigned_to = COALESCE(@assignedTo, assigned_to) WHERE id = @flagId AND status = @from
            """, new { flagId, from = from.ToText(), to = to.ToText(), assignedTo }, tx, cancellationToken: ct));
        if (changed != 1)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO reviews (flag_id, actor, from_status, to_status, note, assigned_to, at)
            VALUES (@flagId, @actor, @from, @to, @note, @assignedTo, @at)
            """, new { flagId, actor, from = from.ToText(), to = to.ToText(), note, assignedTo, at }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ReviewRow>> HistoryAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<ReviewRow>(new CommandDefinition(
            "SELECT * FROM reviews WHERE flag_id = @flagId ORDER BY at, id", new { flagId }, cancellationToken: ct))];
    }
}

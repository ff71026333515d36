namespace AdWatch.Privacy;

/// <summary>A row of <c>audit_log</c>.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    /// <summary>view, change, export, purge, sign_in, …</summary>
    public required string Action { get; init; }
    public required string TargetKind { get; init; }
    public string? TargetId { get; init; }
    public string? Detail { get; init; }
}

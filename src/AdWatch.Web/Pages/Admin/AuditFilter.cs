namespace AdWatch.Web.Pages.Admin;

/// <summary>Audit log filter; null or empty fields do not filter. <see cref="To"/> is exclusive.</summary>
public sealed record AuditFilter(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To);

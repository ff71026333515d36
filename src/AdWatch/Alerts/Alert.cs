namespace AdWatch.Alerts;

/// <summary>What an alert is about.</summary>
public static class AlertKinds
{
    /// <summary>A location was flagged for the first time.</summary>
    public const string NewFlag = "new-flag";

    /// <summary>A flag that had stopped qualifying qualifies again (a closed or dismissed one is reopened).</summary>
    public const string NewActivity = "new-activity";

    /// <summary>A new ad at a location or with a phone a user watches.</summary>
    public const string Watch = "watch";

    /// <summary>New ad activity at a location under a measure (or within the watch period after it): possible relapse.</summary>
    public const string Relapse = "relapse";
}

/// <summary>One raised alert as the inbox shows it.</summary>
public sealed record InboxAlert(long Id, string Kind, long? LocationId, string? MunicipalityCode, string SummaryNl, string SummaryEn,
    string EvidenceJson, DateTimeOffset RaisedAt, string Reason, DateTimeOffset? ReadAt);

/// <summary>An ad in an alert's evidence pack: where it is, each stored capture with its SHA-256, and what tied it here.</summary>
public sealed record AlertEvidence(long AdId, string Site, string Url, DateTimeOffset FirstSeenAt, IReadOnlyList<AlertCapture> Captures, string Link);

/// <summary>A stored capture of an ad version.</summary>
public sealed record AlertCapture(long VersionId, DateTimeOffset FirstSeenAt, string? Sha256);

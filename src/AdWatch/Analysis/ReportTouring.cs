namespace AdWatch.Analysis;

/// <summary>A touring advertiser in the <c>analyze --json</c> contract: its label, phones and the towns of the tour; <see cref="AdvertiserId"/> is the database id.</summary>
public sealed record ReportTouring(string Advertiser, IReadOnlyList<string> Phones, IReadOnlyList<string> Places, string AdvertiserId);

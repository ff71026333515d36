
namespace AdWatch.Crawling;

/// <summary>What an ad page yielded. <see cref="ExternalId"/> is null when the id rule found nothing.</summary>
public sealed record AdPage(string? ExternalId, AdFields Fields, bool Expired, bool Blocked);

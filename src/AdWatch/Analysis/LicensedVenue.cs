namespace AdWatch.Analysis;

/// <summary>A row of licensed-venues.csv: a venue with a prostitution permit. Its location is never flagged while the permit is valid.</summary>
public sealed record LicensedVenue(string Name, string? Street, string? HouseNumber, string? Postcode, string? Place, string? Permit,
    DateOnly? ValidUntil);

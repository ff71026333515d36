using AdWatch.Accounts;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages.Addresses;

/// <summary>
/// Address lookup: an address in any writing is read by <see cref="TypedAddress"/> (offline, as ads are read), then every
/// stored place that is that house (<see cref="TypedAddress.SameHouse"/>: the street's form or the postcode, with the
/// house number), its location, flag and ads. A house outside the user's <see cref="AccessScope"/> gets only
/// <see cref="AddressLookupResult.KnownElsewhere"/>: whether ads named it, never which or when.
/// </summary>
public sealed class AddressLookup(Database database, TypedAddress reader)
{
    public async Task<AddressLookupResult> LookupAsync(string query, AccessScope scope, CancellationToken ct)
    {
        var house = await reader.ReadAsync(query, ct);
        if (house is null || (house.MunicipalityCode is null && house.Postcode is not { Length: 6 }))
        {
            return new AddressLookupResult(query, null, false, [], null); // a house AdWatch cannot place: no municipality, no postcode
        }
        await using var c = await database.OpenAsync(ct);
        var candidates = await c.QueryAsync<Row>(new CommandDefinition("""
            SELECT p.id AS PlaceId, p.label AS Label, p.street AS Street, p.house_number AS HouseNumber, p.postcode AS Postcode,
                   p.municipality_code AS MunicipalityCode, l.id AS LocationId, f.status AS FlagStatus,
                   (SELECT COUNT(DISTINCT v.ad_id) FROM ad_places ap JOIN ad_versions v ON v.id = ap.version_id WHERE ap.place_id = p.id) AS Ads,
                   (SELECT MIN(a.first_seen_at) FROM ad_places ap JOIN ad_versions v ON v.id = ap.version_id JOIN ads a ON a.id = v.ad_id WHERE ap.place_id = p.id) AS FirstSeenAt,
                   (SELECT MAX(a.last_seen_at) FROM ad_places ap JOIN ad_versions v ON v.id = ap.version_id JOIN ads a ON a.id = v.ad_id WHERE ap.place_id = p.id) AS LastSeenAt
            FROM places p
            LEFT JOIN locations l ON l.place_id = p.id
            LEFT JOIN flags f ON f.location_id = l.id AND f.active = TRUE
            WHERE p.precision = 'address' AND (p.municipality_code = @code OR p.postcode = @postcode)
            ORDER BY p.id
            """, new { code = house.MunicipalityCode, postcode = house.Postcode }, cancellationToken: ct));
        var hits = candidates.Where(r => TypedAddress.SameHouse(house, r.Street, r.HouseNumber, r.Postcode, r.MunicipalityCode)).ToList();
        if (!scope.Allows(house.MunicipalityCode) || hits.Any(h => !scope.Allows(h.MunicipalityCode)))
        {
            // Outside the organisation: a hit/no-hit on whether ads named this house, nothing more.
            return new AddressLookupResult(query, house, false, [], hits.Any(h => h.Ads > 0));
        }
        return new AddressLookupResult(query, house, true,
            [.. hits.Select(h => new AddressHit(h.Label, h.MunicipalityCode, h.LocationId, h.FlagStatus, (int)h.Ads,
                h.FirstSeenAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
                h.LastSeenAt is { } l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null))], null);
    }

    private sealed record Row
    {
        public long PlaceId { get; init; }
        public string Label { get; init; } = "";
        public string? Street { get; init; }
        public string? HouseNumber { get; init; }
        public string? Postcode { get; init; }
        public string? MunicipalityCode { get; init; }
        public long? LocationId { get; init; }
        public string? FlagStatus { get; init; }
        public long Ads { get; init; }
        public long? FirstSeenAt { get; init; }
        public long? LastSeenAt { get; init; }
    }
}

/// <summary>
/// The answer to an address lookup. <see cref="House"/> is null when the query names no house; <see cref="InScope"/> is
/// false when the house lies outside the user's organisation, and then <see cref="Hits"/> is empty and
/// <see cref="KnownElsewhere"/> says only whether ads named it.
/// </summary>
public sealed record AddressLookupResult(string Query, Place? House, bool InScope, IReadOnlyList<AddressHit> Hits, bool? KnownElsewhere)
{
    /// <summary>What an address watch follows: the house's place key, the identity ads naming it get.</summary>
    public string? WatchTarget => InScope ? House?.Key : null;
}

/// <summary>One stored writing of the house, with its location and flag when analysis formed one.</summary>
public sealed record AddressHit(string Label, string? MunicipalityCode, long? LocationId, string? FlagStatus, int Ads,
    DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
